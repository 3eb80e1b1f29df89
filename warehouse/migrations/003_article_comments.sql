-- 003_article_comments: reader comments, kept apart from the article text (tasks/extract.py).
-- Derived from raw pages like `articles`: replaced with each new version, rebuilt by reprocess.

-- one row per article whose page carries reader comments: the comments' text, one per line
create table if not exists article_comments (
    article_id  varchar primary key,
    comments    varchar not null
);
