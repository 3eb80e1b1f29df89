-- one row per feed: last fetch and success, last outcome and error, consecutive failures, items per run, recent ok-rate
create or replace view v_feed_health as

with feeds as (
    select * from main.feeds
),

fetches as (
    select
        *,
        -- not_modified is a healthy answer: the feed was reached and had nothing new
        outcome in ('ok', 'not_modified') as is_success,
        row_number() over (partition by feed_id order by fetched_at desc, fetch_id desc) as n_fetches_ago
    from main.feed_fetches
),

per_feed as (
    select
        feed_id,
        count(*) as n_fetches,
        max(fetched_at) as last_fetched_at,
        max(fetched_at) filter (where is_success) as last_success_at,
        any_value(outcome) filter (where n_fetches_ago = 1) as last_outcome,
        any_value(error) filter (where n_fetches_ago = 1) as last_error,
        any_value(http_status) filter (where n_fetches_ago = 1) as last_http_status,
        -- failures since the last success (all fetches when it never succeeded)
        coalesce(min(n_fetches_ago) filter (where is_success) - 1, count(*)) as consecutive_failures,
        -- the ok-rate over the last 20 attempts: recent enough to show a feed that broke this week
        count(*) filter (where n_fetches_ago <= 20) as n_recent_fetches,
        avg(cast(is_success as integer)) filter (where n_fetches_ago <= 20) as recent_ok_rate,
        avg(n_entries) filter (where outcome = 'ok') as avg_items_per_run,
        avg(n_new_entries) filter (where outcome = 'ok') as avg_new_items_per_run,
        avg(elapsed_ms) filter (where n_fetches_ago <= 20) as recent_avg_elapsed_ms
    from fetches
    group by feed_id
),

final as (
    select
        feeds.feed_id,
        feeds.url as feed_url,
        coalesce(feeds.name, feeds.title) as feed_name,
        per_feed.last_fetched_at,
        per_feed.last_success_at,
        per_feed.last_outcome,
        per_feed.last_http_status,
        per_feed.last_error,
        coalesce(per_feed.consecutive_failures, 0) as consecutive_failures,
        coalesce(per_feed.n_fetches, 0) as n_fetches,
        per_feed.n_recent_fetches,
        per_feed.recent_ok_rate,
        per_feed.avg_items_per_run,
        per_feed.avg_new_items_per_run,
        per_feed.recent_avg_elapsed_ms,
        feeds.next_fetch_after,
        case
            when per_feed.n_fetches is null then 'never fetched'
            when per_feed.consecutive_failures = 0 then 'ok'
            when per_feed.last_success_at is null then 'never succeeded'
            else 'failing'
        end as health,
        per_feed.n_fetches is not null and per_feed.consecutive_failures = 0 as is_healthy
    from feeds
    left join per_feed using (feed_id)
)

select * from final
