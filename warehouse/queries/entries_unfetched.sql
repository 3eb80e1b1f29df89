-- one row per known entry of the given feeds whose page is not held yet (no raw page, no article):
-- a killed run may have recorded the feed (and its ETag) but not the pages, and a 304 lists nothing
select fe.feed_id, fe.guid, fe.url, fe.canonical_url, fe.title, fe.published_at, fe.updated_at
from feed_entries fe
where fe.feed_id in (select unnest($feed_ids))
  and not exists (select 1 from raw_pages r where r.canonical_url = fe.canonical_url)
  and not exists (select 1 from article_urls u where u.url = fe.canonical_url)
order by fe.feed_id, fe.first_seen_at, fe.guid
