-- one row per configured feed: add new feeds, keep the state of known ones
insert into feeds (feed_id, url, name, added_at)
select feed_id, url, name, now() from _swapwire_batch
on conflict (feed_id) do update set name = coalesce(excluded.name, feeds.name)
