-- one row per (article, band) of the batch (_story_band_rows), clustered by band_key so that
-- zone maps stay tight as the table grows
insert into story_bands (band_key, doc_key)
select band_key, doc_key
from _story_band_rows
order by band_key
