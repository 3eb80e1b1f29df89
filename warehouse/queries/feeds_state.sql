-- one row per feed in the list: what a conditional GET and the backoff need
select feed_id, url, etag, last_modified, consecutive_failures, next_fetch_after
from feeds
where feed_id in (select unnest($feed_ids))
