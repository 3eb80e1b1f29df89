-- one row per batch article that already has index rows (an update at the same URL); joined on the
-- BIGINT doc_key (a hash of article_id), cheaper to scan than the VARCHAR id
select s.article_id
from story_signatures as s
join _story_batch as b on b.doc_key = s.doc_key
