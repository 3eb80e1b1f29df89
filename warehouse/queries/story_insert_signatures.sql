-- one row per article of the batch (_story_rows, already deduplicated by article_id)
insert into story_signatures
    (article_id, doc_key, story_id, fingerprint, n_shingles, signature, facts, published_at, indexed_at)
select article_id, doc_key, story_id, fingerprint, n_shingles, signature, facts, published_at, now()::timestamp
from _story_rows
