-- one row per publication day (UTC) and outlet host: articles, distinct stories, articles reporting an exchange
create or replace view v_stories_per_day as

with articles as (
    select article_id, story_id, source_host, cast(published_at as date) as published_on
    from main.articles
    where published_at is not null
),

exchange_articles as (
    select distinct article_id from main.exchange_mentions
),

per_story as (
    -- group by story first: a second plain group-by counts stories faster than count(distinct)
    -- and lets a filter on published_on prune row groups of articles
    select
        articles.published_on,
        articles.source_host,
        articles.story_id,
        count(*) as n_articles,
        count(exchange_articles.article_id) as n_exchange_articles
    from articles
    left join exchange_articles using (article_id)
    group by all
),

final as (
    select
        published_on,
        source_host,
        cast(sum(n_articles) as bigint) as n_articles,
        count(story_id) as n_stories,
        cast(sum(n_exchange_articles) as bigint) as n_exchange_articles
    from per_story
    group by all
)

select * from final
