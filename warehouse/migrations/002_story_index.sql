-- 002_story_index: the near-duplicate index behind stories (tasks/dedup.py, warehouse/story_index.py).
-- Both tables are derived: `swapwire reprocess` may empty and rebuild them from articles.
-- No ART indexes: lookups are hash joins with the (small) incoming batch as the build side and one
-- scan of the narrow BIGINT columns as the probe. Measured at 1M articles (42M band rows): the join
-- for 42,000 probe keys takes 1.6 s on a busy 2-core machine, while an ART index on band_key could
-- not even be built within a 1 GB memory limit (ART indexes live in memory).

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
