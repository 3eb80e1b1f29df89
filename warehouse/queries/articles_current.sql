-- one row per article among a batch that already exists: its current version
select a.article_id, a.version, a.raw_page_id, a.text_fingerprint, a.first_seen_at, a.story_id
from articles a
join _swapwire_batch b using (article_id)
