-- one row per feed: last fetch and success, last outcome and error, consecutive failures, items per run, 7-day ok-rate
create or replace view v_feed_health as

with feeds as (
    select * from main.feeds
),

fetches as (
    select
        feed_id,
        fetched_at,
        outcome,
        -- not_modified is a healthy answer: the feed was reached and had nothing new
        outcome in ('ok', 'not_modified') as is_success,
        {'outcome': outcome, 'http_status': http_status, 'error': error} as attempt,
        n_entries,
        n_new_entries
    from main.feed_fetches
),

per_feed as (
    -- plain aggregates, no window: a window would sort the whole history, which grows by one
    -- row per feed per run
    select
        feed_id,
        count(*) as n_fetches,
        max(fetched_at) as last_fetched_at,
        max(fetched_at) filter (where is_success) as last_success_at,
        arg_max(attempt, fetched_at) as last_attempt,
        avg(n_entries) filter (where outcome = 'ok') as avg_items_per_run,
        avg(n_new_entries) filter (where outcome = 'ok') as avg_new_items_per_run
    from fetches
    group by feed_id
),

recent as (
    -- failures since the last success (every fetch when it never succeeded), and the ok-rate of
    -- the 7 days up to the feed's last fetch (a feed that broke this week shows at once)
    -- (reads the table again rather than the fetches CTE, which DuckDB would then materialize)
    select
        feed_fetches.feed_id,
        count(*) filter (where feed_fetches.fetched_at > coalesce(per_feed.last_success_at, timestamp '-infinity'))
            as consecutive_failures,
        count(*) filter (where feed_fetches.fetched_at > per_feed.last_fetched_at - interval 7 day) as n_fetches_7d,
        avg(cast(feed_fetches.outcome in ('ok', 'not_modified') as integer))
            filter (where feed_fetches.fetched_at > per_feed.last_fetched_at - interval 7 day) as ok_rate_7d
    from main.feed_fetches
    inner join per_feed using (feed_id)
    group by feed_fetches.feed_id
),

final as (
    select
        feeds.feed_id,
        feeds.url as feed_url,
        coalesce(feeds.name, feeds.title) as feed_name,
        per_feed.last_fetched_at,
        per_feed.last_success_at,
        per_feed.last_attempt.outcome as last_outcome,
        per_feed.last_attempt.http_status as last_http_status,
        per_feed.last_attempt.error as last_error,
        coalesce(recent.consecutive_failures, 0) as consecutive_failures,
        coalesce(per_feed.n_fetches, 0) as n_fetches,
        coalesce(recent.n_fetches_7d, 0) as n_fetches_7d,
        recent.ok_rate_7d,
        per_feed.avg_items_per_run,
        per_feed.avg_new_items_per_run,
        feeds.next_fetch_after,
        case
            when per_feed.n_fetches is null then 'never fetched'
            when per_feed.last_success_at is null then 'never succeeded'
            when recent.consecutive_failures = 0 then 'ok'
            else 'failing'
        end as health,
        coalesce(recent.consecutive_failures = 0, false) as is_healthy
    from feeds
    left join per_feed using (feed_id)
    left join recent using (feed_id)
)

select * from final
