"""Settings: read once at the edge (CLI or flow parameters) and passed down as values."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from tasks.fetch import FetchPolicy

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = PROJECT_ROOT / "data" / "swapwire.duckdb"
DEFAULT_CONFIG = PROJECT_ROOT / "config" / "feeds.toml"


class ConfigError(ValueError):
    """The configuration file or a command-line setting is invalid."""


@dataclass(frozen=True)
class FeedConfig:
    url: str
    name: str | None = None


@dataclass(frozen=True)
class Settings:
    db_path: Path
    feeds: tuple[FeedConfig, ...] = ()
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    batch_size: int = 200  # pages per fetch/process/load batch (one transaction each)
    workers: int = 0  # processes for extraction; 0 = one per core
    max_page_attempts: int = 3  # transient page failures are retried in later runs up to this
    feed_backoff_after: int = 3  # consecutive feed failures before backing off (never dropping)
    lock_wait_seconds: float = 0.0  # how long a run waits for another run on the same warehouse
    dask_address: str | None = None  # run extraction on a Dask cluster when set
    # DuckDB's cache in a run: by default it may grow to 80% of RAM, holding every page written
    # (840 MB after 5,000 pages); past this it evicts, and spills large joins to disk
    duckdb_memory_limit: str = "256MB"


def default_db_path() -> Path:
    env = os.environ.get("SWAPWIRE_DB")
    return Path(env) if env else DEFAULT_DB


def _fetch_policy(table: dict, base: FetchPolicy) -> FetchPolicy:
    known = {f.name for f in fields(FetchPolicy)}
    unknown = set(table) - known
    if unknown:
        raise ConfigError(f"unknown [fetch] settings: {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})")
    values = dict(table)
    if "allow_hosts" in values:
        values["allow_hosts"] = frozenset(values["allow_hosts"])
    try:
        return replace(base, **values)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"invalid [fetch] settings: {error}") from error


def load_settings(
    *,
    config_path: str | Path | None = None,
    feed_urls: list[str] | None = None,
    db_path: str | Path | None = None,
    allow_private_networks: bool | None = None,
    allow_hosts: list[str] | None = None,
    lock_wait_seconds: float | None = None,
) -> Settings:
    """Merge the config file (if any) with explicit overrides; explicit values win."""
    data: dict = {}
    path = Path(config_path) if config_path else None
    if path is None and os.environ.get("SWAPWIRE_CONFIG"):
        path = Path(os.environ["SWAPWIRE_CONFIG"])
    if path is None and not feed_urls and DEFAULT_CONFIG.exists():
        path = DEFAULT_CONFIG
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise ConfigError(f"config file not found: {path}") from error
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"config file {path} is not valid TOML: {error}") from error

    feeds = [FeedConfig(url=f["url"], name=f.get("name")) for f in data.get("feeds", [])]
    if feed_urls:
        feeds = [FeedConfig(url=u) for u in feed_urls]
    for feed in feeds:
        if not feed.url.lower().startswith(("http://", "https://")):
            raise ConfigError(f"feed URL must be http(s): {feed.url!r}")

    fetch = _fetch_policy(data.get("fetch", {}), FetchPolicy())
    if allow_private_networks is not None and allow_private_networks:
        fetch = replace(fetch, allow_private_networks=True)
    if allow_hosts:
        try:
            fetch = replace(fetch, allow_hosts=fetch.allow_hosts | frozenset(allow_hosts))
        except ValueError as error:
            raise ConfigError(f"--allow-host takes HOST:PORT: {error}") from error

    warehouse = data.get("warehouse", {})
    pipeline = data.get("pipeline", {})
    db = Path(db_path) if db_path else Path(warehouse["path"]) if "path" in warehouse else default_db_path()
    if not db.is_absolute() and path is not None and "path" in warehouse and not db_path:
        db = (path.parent / db).resolve()
    settings = Settings(db_path=db, feeds=tuple(feeds), fetch=fetch)
    allowed = {f.name for f in fields(Settings)} - {"db_path", "feeds", "fetch"}
    unknown = set(pipeline) - allowed
    if unknown:
        raise ConfigError(f"unknown [pipeline] settings: {', '.join(sorted(unknown))}")
    settings = replace(settings, **pipeline)
    if lock_wait_seconds is not None:
        settings = replace(settings, lock_wait_seconds=lock_wait_seconds)
    return settings
