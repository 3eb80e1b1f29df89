-- one row per batch article that already has index rows (an update at the same URL)
select s.article_id
from story_signatures as s
join _story_batch as b on b.article_id = s.article_id
