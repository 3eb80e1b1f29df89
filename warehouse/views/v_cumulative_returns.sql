-- one row per day with at least one dated exchange: that day's returns and the running totals to each side
create or replace view v_cumulative_returns as

with exchanges as (
    select * from main.exchanges
    where event_date is not null
),

per_day as (
    -- several exchanges may share a day (a multi-day swap is one event per day, two swaps may meet)
    select
        event_date,
        count(*) as n_exchanges,
        coalesce(sum(returned_to_ukraine), 0) as returned_to_ukraine,
        coalesce(sum(returned_to_russia), 0) as returned_to_russia,
        count(*) filter (where returned_to_ukraine is null) as n_exchanges_without_ukraine_figure,
        count(*) filter (where returned_to_russia is null) as n_exchanges_without_russia_figure
    from exchanges
    group by event_date
),

final as (
    select
        event_date,
        n_exchanges,
        returned_to_ukraine,
        returned_to_russia,
        sum(n_exchanges) over running as cumulative_exchanges,
        sum(returned_to_ukraine) over running as cumulative_to_ukraine,
        sum(returned_to_russia) over running as cumulative_to_russia,
        n_exchanges_without_ukraine_figure,
        n_exchanges_without_russia_figure
    from per_day
    window running as (order by event_date rows between unbounded preceding and current row)
)

select * from final
