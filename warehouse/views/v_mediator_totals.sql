-- one row per mediator (ISO 3166-1 alpha-2; null = none reported): exchanges mediated and people returned to each side
create or replace view v_mediator_totals as

with exchanges as (
    select * from main.exchanges
),

mediator_names as (
    select * from (values
        ('AE', 'United Arab Emirates'),
        ('US', 'United States'),
        ('TR', 'Turkey'),
        ('SA', 'Saudi Arabia'),
        ('QA', 'Qatar'),
        ('VA', 'Holy See'),
        ('CH', 'Switzerland'),
        ('BY', 'Belarus'),
        ('HU', 'Hungary'),
        ('ICRC', 'International Committee of the Red Cross')
    ) as names (mediator_code, mediator_name)
),

exchange_mediators as (
    -- an exchange with two mediators counts for both, so the per-mediator totals add up to more
    -- than the overall total; an exchange with none counts once under mediator_code null
    select
        exchange_id,
        event_date,
        returned_to_ukraine,
        returned_to_russia,
        unnest(case when len(coalesce(mediators, [])) = 0 then [null] else mediators end) as mediator_code
    from exchanges
),

final as (
    select
        exchange_mediators.mediator_code,
        case
            when exchange_mediators.mediator_code is null then 'none reported'
            else coalesce(mediator_names.mediator_name, exchange_mediators.mediator_code)
        end as mediator_name,
        count(*) as n_exchanges,
        coalesce(sum(returned_to_ukraine), 0) as returned_to_ukraine,
        coalesce(sum(returned_to_russia), 0) as returned_to_russia,
        coalesce(sum(returned_to_ukraine), 0) + coalesce(sum(returned_to_russia), 0) as returned_total,
        min(event_date) as first_exchange_on,
        max(event_date) as last_exchange_on
    from exchange_mediators
    left join mediator_names using (mediator_code)
    group by all
)

select * from final
