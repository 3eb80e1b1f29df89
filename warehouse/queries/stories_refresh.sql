-- one row per story: rebuilt from articles.story_id (cheap: one grouped scan)
delete from stories;
insert into stories (story_id, n_articles, title, first_article_id, first_published_at, last_published_at, n_outlets)
select story_id,
       count(*) as n_articles,
       arg_min(title, coalesce(published_at, first_seen_at)) as title,
       arg_min(article_id, coalesce(published_at, first_seen_at)) as first_article_id,
       min(published_at) as first_published_at,
       max(published_at) as last_published_at,
       count(distinct source_host) as n_outlets
from articles
where story_id is not null
group by story_id;
