-- one row per publication day (UTC) and outlet host: articles, distinct stories, articles reporting an exchange
create or replace view v_stories_per_day as

with articles as (
    select article_id, story_id, source_host, published_at from main.articles
    where published_at is not null
),

exchange_articles as (
    select distinct article_id from main.exchange_mentions
),

final as (
    select
        cast(articles.published_at as date) as published_on,
        articles.source_host,
        count(*) as n_articles,
        count(distinct articles.story_id) as n_stories,
        count(exchange_articles.article_id) as n_exchange_articles
    from articles
    left join exchange_articles using (article_id)
    group by all
)

select * from final
