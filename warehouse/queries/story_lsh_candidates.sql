-- one row per (batch position, indexed article) sharing at least one LSH band: the candidates the
-- caller verifies by estimated similarity
with band_hits as (
    select distinct q.position, b.doc_key
    from _story_batch_bands as q
    join story_bands as b on b.band_key = q.band_key
)
select h.position, s.story_id, s.n_shingles, s.signature, s.facts
from band_hits as h
join story_signatures as s on s.doc_key = h.doc_key
