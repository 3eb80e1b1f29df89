-- one row per stored raw page not yet processed into an article version (oldest first)
select r.raw_page_id, r.url, r.final_url, r.canonical_url, r.feed_id, r.entry_published_at,
       r.entry_title, r.fetched_at, r.content_type, r.body_zlib
from raw_pages r
anti join processed_pages p on p.raw_page_id = r.raw_page_id
order by r.fetched_at, r.raw_page_id
limit $limit
