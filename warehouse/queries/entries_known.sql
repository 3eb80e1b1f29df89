-- one row per already-known item among a batch: its stored updated date, to detect updates in place
select e.feed_id, e.guid, e.updated_at, e.published_at
from feed_entries e
join _swapwire_batch b on b.feed_id = e.feed_id and b.guid = e.guid
