-- one row per feed item: new items are inserted, known ones refreshed (an updated date marks an update)
insert into feed_entries
    (feed_id, guid, url, canonical_url, title, published_at, updated_at, first_seen_at, last_seen_at, first_run_id)
select feed_id, guid, url, canonical_url, title, published_at, updated_at, seen_at, seen_at, run_id
from _swapwire_batch
on conflict (feed_id, guid) do update set
    url = excluded.url,
    canonical_url = excluded.canonical_url,
    title = excluded.title,
    published_at = excluded.published_at,
    updated_at = excluded.updated_at,
    last_seen_at = excluded.last_seen_at
