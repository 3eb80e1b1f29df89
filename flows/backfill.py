"""The backfill flow: ingest a given list of feeds once (URLs, or the feeds of an OPML file).

It runs the same pipeline as the ingest flow (`flows.ingest.run_pipeline`), so a backfill is as
idempotent and crash-safe as a scheduled run; it only chooses the feeds and records the trigger
`backfill`. Feeds a backfill adds stay in the `feeds` table.

OPML is parsed with expat and refuses any DOCTYPE, entity declaration or external entity (what
defusedxml does), so an OPML file cannot expand entities or read local files; its size is capped.
"""

from __future__ import annotations

import xml.parsers.expat
from pathlib import Path

from prefect import flow

from flows.config import ConfigError, load_settings
from flows.ingest import final_state, publish_summary, run_pipeline
from flows.progress import Progress

MAX_OPML_BYTES = 5 * 1024 * 1024


class UnsafeOpmlError(ConfigError):
    """The OPML file declares a DTD or entities, which a subscription list never needs."""


def parse_opml_feeds(data: bytes) -> list[str]:
    """The http(s) `xmlUrl` of every `<outline>` (nested folders included), in order, deduplicated.

    Raises UnsafeOpmlError on a DOCTYPE or entity declaration and ConfigError on malformed XML.
    """
    if len(data) > MAX_OPML_BYTES:
        raise ConfigError(f"OPML file is larger than {MAX_OPML_BYTES} bytes")
    urls: dict[str, None] = {}

    def refuse(*_args: object) -> None:
        raise UnsafeOpmlError("OPML with a DOCTYPE or entity declarations is refused (entity expansion)")

    def on_start(name: str, attributes: dict[str, str]) -> None:
        url = (attributes.get("xmlUrl") or attributes.get("xmlurl") or "").strip()
        if name.lower() == "outline" and url.lower().startswith(("http://", "https://")):
            urls.setdefault(url, None)

    parser = xml.parsers.expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = on_start
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as error:
        raise ConfigError(f"OPML is not well-formed XML: {error}") from error
    return list(urls)


def backfill_feed_urls(feed_urls: list[str] | None, opml_path: str | None) -> list[str]:
    """Feed URLs given directly plus those of the OPML file, deduplicated; at least one."""
    urls = dict.fromkeys(feed_urls or [])
    if opml_path:
        path = Path(opml_path)
        try:
            data = path.read_bytes()
        except FileNotFoundError as error:
            raise ConfigError(f"OPML file not found: {path}") from error
        urls.update(dict.fromkeys(parse_opml_feeds(data)))
    if not urls:
        raise ConfigError("backfill needs feed_urls or an opml_path listing at least one http(s) feed")
    return list(urls)


@flow(name="backfill", log_prints=False)
def backfill_flow(
    feed_urls: list[str] | None = None,
    opml_path: str | None = None,
    db_path: str | None = None,
    allow_private_networks: bool = False,
    allow_hosts: list[str] | None = None,
    lock_wait_seconds: float | None = None,
) -> dict:
    """Ingest the given feeds (and the feeds listed in an OPML file) into the warehouse once."""
    settings = load_settings(
        feed_urls=backfill_feed_urls(feed_urls, opml_path),
        db_path=db_path,
        allow_private_networks=allow_private_networks,
        allow_hosts=allow_hosts,
        lock_wait_seconds=lock_wait_seconds,
    )
    summary = run_pipeline(settings, trigger="backfill", progress=Progress.current())
    publish_summary(summary)
    return final_state(summary)
