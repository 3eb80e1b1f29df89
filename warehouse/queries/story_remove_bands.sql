-- drop the LSH rows of the articles in _story_remove (doc_key)
delete from story_bands where doc_key in (select doc_key from _story_remove)
