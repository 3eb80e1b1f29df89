-- one row per batch article id that already names a story (its founder was re-indexed with new text)
select distinct s.story_id
from story_signatures as s
join _story_batch as b on b.article_id = s.story_id
