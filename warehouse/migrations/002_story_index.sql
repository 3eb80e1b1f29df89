-- 002_story_index: the near-duplicate index behind stories (tasks/dedup.py, warehouse/story_index.py).
-- Both tables are derived: `swapwire reprocess` may empty and rebuild them from articles.
-- No ART indexes: lookups are hash joins with the (small) incoming batch as the build side and one
-- scan of a narrow BIGINT column as the probe; measured faster to write and as fast to query at 1M
-- articles as a primary key or index (see scripts/bench_dedup.py), and ART indexes must fit in memory.

-- one row per indexed article: its text identity
create table if not exists story_signatures (
    article_id    varchar not null,
    doc_key       bigint not null,     -- 64-bit hash of article_id: the compact join key of story_bands
    story_id      varchar not null,
    fingerprint   varchar not null,    -- tasks.dedup.text_fingerprint: exact duplicates
    n_shingles    integer not null,    -- distinct word shingles: turns Jaccard into containment
    signature     blob not null,       -- tasks.dedup.NUM_PERM MinHash values, little-endian uint32
    facts         blob not null,       -- tasks.dedup.fact_hashes (figures and dates in place), little-endian uint64
    published_at  timestamp,
    indexed_at    timestamp not null
);

-- one row per (article, LSH band): articles sharing a band_key are near-duplicate candidates
create table if not exists story_bands (
    band_key  bigint not null,         -- tasks.dedup.band_key_matrix (band number hashed in)
    doc_key   bigint not null
);
