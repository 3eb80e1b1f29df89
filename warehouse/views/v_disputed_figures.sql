-- one row per disputed exchange per source claim: the fused figures beside what each source (article, outlet) claimed
create or replace view v_disputed_figures as

with disputed_exchanges as (
    select * from main.exchanges
    where is_disputed
),

mentions as (
    select * from main.exchange_mentions
),

articles as (
    select article_id, url, title, source_host, published_at from main.articles
),

final as (
    select
        disputed_exchanges.exchange_id,
        disputed_exchanges.event_date,
        disputed_exchanges.returned_to_ukraine,
        disputed_exchanges.returned_to_russia,
        disputed_exchanges.dispute_note,
        mentions.mention_id,
        mentions.article_id,
        articles.url as article_url,
        articles.title as article_title,
        articles.source_host,
        articles.published_at as article_published_at,
        mentions.returned_to_ukraine as claimed_to_ukraine,
        mentions.returned_to_russia as claimed_to_russia,
        mentions.total_stated as claimed_total,
        mentions.total_is_approximate as is_total_approximate,
        mentions.event_date as claimed_event_date,
        -- a source that gives no figure does not dispute it
        coalesce(mentions.returned_to_ukraine <> disputed_exchanges.returned_to_ukraine, false)
            or (mentions.returned_to_ukraine is not null and disputed_exchanges.returned_to_ukraine is null)
            as is_ukraine_figure_different,
        coalesce(mentions.returned_to_russia <> disputed_exchanges.returned_to_russia, false)
            or (mentions.returned_to_russia is not null and disputed_exchanges.returned_to_russia is null)
            as is_russia_figure_different,
        mentions.evidence,
        mentions.confidence
    from disputed_exchanges
    inner join mentions using (exchange_id)
    left join articles using (article_id)
)

select * from final
