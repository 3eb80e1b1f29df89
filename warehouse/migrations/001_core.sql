-- 001_core: the raw layer (append-only), the derived layer (rebuilt per article) and the event layer.
-- Timestamps are UTC (naive TIMESTAMP). Ids are stable hashes, so a rerun is a no-op.

-- one row per ingest run (or reprocess)
create table if not exists runs (
    run_id              varchar primary key,
    started_at          timestamp not null,
    finished_at         timestamp,
    trigger             varchar not null,      -- manual | schedule | demo | backfill | reprocess
    status              varchar not null,      -- running | completed | failed
    flow_run_id         varchar,
    n_feeds             integer,
    n_feeds_ok          integer,
    n_feeds_failed      integer,
    n_entries_new       integer,
    n_pages_requested   integer,
    n_articles_new      integer,
    n_articles_updated  integer,
    n_articles_skipped  integer,
    n_pages_failed      integer,
    n_stories_new       integer,
    n_exchanges_new     integer,
    error               varchar,
    summary             json
);

-- one row per configured feed
create table if not exists feeds (
    feed_id               varchar primary key,   -- hash of the url
    url                   varchar not null unique,
    name                  varchar,
    title                 varchar,
    site_url              varchar,
    added_at              timestamp not null,
    etag                  varchar,
    last_modified         varchar,
    last_fetched_at       timestamp,
    last_ok_at            timestamp,
    consecutive_failures  integer not null default 0,
    next_fetch_after      timestamp              -- backoff for a feed that keeps failing; never dropped
);

-- one row per attempt to fetch a feed
create table if not exists feed_fetches (
    fetch_id        varchar primary key,
    feed_id         varchar not null,
    run_id          varchar not null,
    fetched_at      timestamp not null,
    outcome         varchar not null,   -- ok | not_modified | http_error | parse_error | blocked | timeout | too_large | ...
    http_status     integer,
    error           varchar,
    n_entries       integer,
    n_new_entries   integer,
    elapsed_ms      double
);

-- one row per feed item seen (feed GUIDs): the skip list that avoids refetching
create table if not exists feed_entries (
    feed_id        varchar not null,
    guid           varchar not null,
    url            varchar not null,
    canonical_url  varchar not null,
    title          varchar,
    published_at   timestamp,
    updated_at     timestamp,
    first_seen_at  timestamp not null,
    last_seen_at   timestamp not null,
    first_run_id   varchar,
    primary key (feed_id, guid)
);

-- one row per distinct page body fetched (kept forever; everything derived is rebuilt from it)
create table if not exists raw_pages (
    raw_page_id    varchar primary key,    -- hash of canonical url + body hash
    url            varchar not null,       -- as requested
    final_url      varchar not null,       -- after redirects
    canonical_url  varchar not null,       -- from the feed link, before page metadata
    feed_id        varchar,
    entry_published_at timestamp,
    entry_title    varchar,
    fetched_at     timestamp not null,
    run_id         varchar,
    http_status    integer,
    content_type   varchar,
    headers        json,
    body_sha256    varchar not null,
    body_size      integer not null,
    body_zlib      blob not null
);

-- one row per attempt to fetch an article page
create table if not exists page_fetches (
    url            varchar not null,
    canonical_url  varchar not null,
    run_id         varchar not null,
    fetched_at     timestamp not null,
    outcome        varchar not null,
    http_status    integer,
    error          varchar,
    raw_page_id    varchar,
    elapsed_ms     double
);

-- one row per distinct article URL (canonical); updates at the same URL are versions
create table if not exists articles (
    article_id        varchar primary key,   -- hash of the canonical url
    url               varchar not null,
    title             varchar,
    published_at      timestamp,
    text              varchar,
    story_id          varchar,
    source_host       varchar,
    feed_id           varchar,
    language          varchar,
    author            varchar,
    byline            varchar,
    dateline          varchar,
    raw_page_id       varchar not null,      -- the version the text comes from
    version           integer not null,
    text_fingerprint  varchar,
    n_removed_lines   integer,
    status            varchar not null,      -- ok | no_text | extract_error
    error             varchar,
    first_seen_at     timestamp not null,
    updated_at        timestamp not null
);

-- one row per version of an article (an update in place at the same URL is a new version)
create table if not exists article_versions (
    article_id        varchar not null,
    version           integer not null,
    raw_page_id       varchar not null,
    fetched_at        timestamp not null,
    title             varchar,
    text_fingerprint  varchar,
    primary key (article_id, version)
);

-- one row per raw page that processing has consumed: the marker that lets a killed run resume
create table if not exists processed_pages (
    raw_page_id   varchar primary key,
    article_id    varchar not null,
    outcome       varchar not null,   -- new | updated | unchanged | extract_error
    processed_at  timestamp not null
);

-- one row per URL variant seen for an article (tracking parameters, AMP, feed links)
create table if not exists article_urls (
    url         varchar primary key,
    article_id  varchar not null
);

-- one row per line the cleaning stage removed, with the rule that removed it
create table if not exists removed_lines (
    article_id  varchar not null,
    line_no     integer not null,
    line        varchar not null,
    rule        varchar not null,
    primary key (article_id, line_no)
);

-- one row per deduplicated story (near-identical texts across URLs and outlets)
create table if not exists stories (
    story_id            varchar primary key,
    n_articles          integer not null,
    title               varchar,
    first_article_id    varchar,
    first_published_at  timestamp,
    last_published_at   timestamp,
    n_outlets           integer
);

-- one row per exchange an article reports (each source's own claim)
create table if not exists exchange_mentions (
    mention_id            varchar primary key,
    article_id            varchar not null,
    mention_no            integer not null,
    exchange_id           varchar,
    event_date            date,
    returned_to_ukraine   integer,
    returned_to_russia    integer,
    mediators             varchar[],
    civilians_to_ukraine  integer,
    wounded_to_ukraine    integer,
    civilians_to_russia   integer,
    total_stated          integer,
    total_is_approximate  boolean,
    exchange_number       integer,
    is_disputed           boolean,
    evidence              varchar[],
    confidence            double
);

-- one row per real exchange event, fused from all its mentions
create table if not exists exchanges (
    exchange_id              varchar primary key,
    event_date               date,
    returned_to_ukraine      integer,
    returned_to_russia       integer,
    returned_to_ukraine_min  integer,
    returned_to_ukraine_max  integer,
    returned_to_russia_min   integer,
    returned_to_russia_max   integer,
    mediators                varchar[],
    civilians_to_ukraine     integer,
    wounded_to_ukraine       integer,
    civilians_to_russia      integer,
    total_stated             integer,
    exchange_number          integer,
    is_disputed              boolean not null,
    dispute_note             varchar,
    n_articles               integer not null,
    n_mentions               integer not null,
    confidence               double,
    first_reported_at        timestamp
);

create index if not exists idx_page_fetches_canonical on page_fetches (canonical_url);
create index if not exists idx_articles_story on articles (story_id);
create index if not exists idx_mentions_article on exchange_mentions (article_id);
