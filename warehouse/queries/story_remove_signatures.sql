-- drop the signature rows of the articles in _story_remove (doc_key)
delete from story_signatures where doc_key in (select doc_key from _story_remove)
