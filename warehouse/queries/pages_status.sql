-- one row per candidate canonical url: whether we hold a page for it, and its failed attempts
with candidates as (select distinct canonical_url from _swapwire_batch),
fetched as (
    select p.canonical_url,
           max(p.fetched_at) filter (where p.outcome = 'ok') as last_ok_at,
           count(*) filter (where p.outcome <> 'ok' and p.outcome <> 'not_modified') as n_failures,
           arg_max(p.outcome, p.fetched_at) as last_outcome,
           arg_max(p.http_status, p.fetched_at) as last_status
    from page_fetches p
    join candidates c using (canonical_url)
    group by p.canonical_url
),
known_urls as (
    select c.canonical_url, true as has_article
    from candidates c
    join article_urls u on u.url = c.canonical_url
)
select c.canonical_url, f.last_ok_at, coalesce(f.n_failures, 0) as n_failures,
       f.last_outcome, f.last_status, coalesce(k.has_article, false) as has_article
from candidates c
left join fetched f using (canonical_url)
left join known_urls k using (canonical_url)
