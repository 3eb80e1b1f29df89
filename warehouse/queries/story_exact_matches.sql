-- one row per batch position whose normalised text is already indexed: the story to join
-- (the smallest story_id when copies were ever split, so the choice is deterministic)
select b.position, min(s.story_id) as story_id
from _story_batch as b
join story_signatures as s on s.fingerprint = b.fingerprint
where s.n_shingles > 0
group by b.position
