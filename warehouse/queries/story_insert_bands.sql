-- one row per (article, band) of the batch (_story_band_rows)
insert into story_bands (band_key, doc_key)
select band_key, doc_key
from _story_band_rows
