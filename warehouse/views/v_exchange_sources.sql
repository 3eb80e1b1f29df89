-- one row per exchange per source claim (mention): the article behind it and the figures that source gave
create or replace view v_exchange_sources as

with mentions as (
    select * from main.exchange_mentions
    where exchange_id is not null
),

articles as (
    select article_id, url, title, source_host, published_at from main.articles
),

final as (
    select
        mentions.exchange_id,
        mentions.mention_id,
        mentions.article_id,
        articles.url as article_url,
        articles.title as article_title,
        articles.source_host,
        articles.published_at as article_published_at,
        mentions.event_date as claimed_event_date,
        mentions.returned_to_ukraine as claimed_to_ukraine,
        mentions.returned_to_russia as claimed_to_russia,
        mentions.civilians_to_ukraine as claimed_civilians_to_ukraine,
        mentions.wounded_to_ukraine as claimed_wounded_to_ukraine,
        mentions.total_stated as claimed_total,
        mentions.total_is_approximate as is_total_approximate,
        mentions.mediators as claimed_mediators,
        mentions.evidence,
        mentions.confidence
    from mentions
    left join articles using (article_id)
)

select * from final
