-- which raw page ids of the batch the warehouse holds already (the same body fetched again)
select b.raw_page_id
from _swapwire_batch b
semi join raw_pages r on r.raw_page_id = b.raw_page_id
