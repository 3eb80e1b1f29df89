-- one row per exchange mention, with the publication date of its article (fusion input)
select m.*, a.published_at::date as published_on
from exchange_mentions m
join articles a using (article_id)
order by m.mention_id
