-- update one feed after a fetch attempt; failures back off exponentially (capped at a day), never drop the feed
update feeds set
    title = coalesce($title, title),
    site_url = coalesce($site_url, site_url),
    etag = case when $ok then coalesce($etag, etag) else etag end,
    last_modified = case when $ok then coalesce($last_modified, last_modified) else last_modified end,
    last_fetched_at = $fetched_at,
    last_ok_at = case when $ok then $fetched_at else last_ok_at end,
    consecutive_failures = case when $ok then 0 else consecutive_failures + 1 end,
    next_fetch_after = case
        when $ok then null
        when consecutive_failures + 1 < $backoff_after then null
        else $fetched_at + to_seconds(least(86400, 60 * 30 * pow(2, consecutive_failures + 1 - $backoff_after))::bigint)
    end
where feed_id = $feed_id
