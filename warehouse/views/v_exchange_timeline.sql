-- one row per exchange: date, people returned to each side (with the range sources gave), mediators, sources, disputed
create or replace view v_exchange_timeline as

with exchanges as (
    select * from main.exchanges
),

final as (
    select
        exchange_id,
        event_date,
        cast(date_trunc('month', event_date) as date) as event_month,
        year(event_date) as event_year,
        returned_to_ukraine,
        returned_to_russia,
        coalesce(returned_to_ukraine, 0) + coalesce(returned_to_russia, 0) as returned_total,
        returned_to_ukraine_min,
        returned_to_ukraine_max,
        returned_to_russia_min,
        returned_to_russia_max,
        civilians_to_ukraine,
        wounded_to_ukraine,
        civilians_to_russia,
        total_stated,
        exchange_number,
        mediators,
        coalesce(array_to_string(list_sort(mediators), ' '), '') as mediators_label,
        len(coalesce(mediators, [])) as n_mediators,
        n_articles,
        n_mentions,
        is_disputed,
        dispute_note,
        confidence,
        first_reported_at
    from exchanges
)

select * from final
