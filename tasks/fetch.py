"""Fetching: the only network code of the pipeline, hardened for a hostile web.

Every request: only http/https; the SSRF guard of `tasks.netguard` on every connection (so on
every redirect hop, which we follow ourselves); a total deadline for the whole request including
the body (httpx's own timeouts are per read; time spent queueing for a host slot does not
count); the decoded body streamed and capped (gzip bombs); a redirect limit; a content-type
check; conditional GET; robots.txt fetched once per origin and obeyed on every hop (rules and
Crawl-delay); per-host concurrency and delay; retries with backoff for transient failures only.
A bad URL or server never raises: the result says what happened (`outcome`) and why (`error`).

Proxies from the environment are ignored (`trust_env=False`): a proxy would connect on our
behalf and bypass the address pinning.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import email.utils
import time
import urllib.robotparser
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from tasks.models import FetchRequest, FetchResult
from tasks.netguard import AddressPolicy, BlockedAddressError, GuardedBackend

__all__ = ["FetchPolicy", "fetch_all", "fetch_all_async"]

FEED_CONTENT_TYPES = ("xml", "rss", "atom", "json", "text/")
PAGE_CONTENT_TYPES = ("html", "xhtml", "text/")
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.1"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
ROBOTS_TIMEOUT = 5.0
ROBOTS_MAX_BYTES = 512 * 1024  # Google reads 500 KiB of robots.txt; so do we
MAX_CRAWL_DELAY = 10.0  # a robots.txt Crawl-delay is honoured up to this many seconds
MAX_RETRY_AFTER = 10.0  # a server asking us to wait longer is treated as a plain failure


@dataclass(frozen=True)
class FetchPolicy:
    allow_private_networks: bool = False
    # "HOST:PORT" exactly as in the URL; lifts the guard for that host and port only
    allow_hosts: frozenset[str] = frozenset()
    total_timeout: float = 20.0  # seconds of network time per attempt, all hops and the body included
    connect_timeout: float = 5.0
    max_body_bytes: int = 10 * 1024 * 1024  # decoded size cap (gzip bombs)
    max_redirects: int = 5
    user_agent: str = "swapwire/0.1 (+https://example.invalid/swapwire; news research crawler)"
    per_host_concurrency: int = 2
    per_host_delay: float = 0.0  # seconds between request starts to one host
    total_concurrency: int = 16
    respect_robots: bool = True
    retries: int = 2  # transient errors only (connect errors, timeouts, 429/502/503/504); never on other 4xx
    retry_backoff: float = 0.5

    def __post_init__(self) -> None:
        """Refuse settings that would hang or disable a limit (a config mistake should fail loudly)."""
        for name in (
            "total_timeout",
            "connect_timeout",
            "max_body_bytes",
            "per_host_concurrency",
            "total_concurrency",
        ):
            _require_number(name, getattr(self, name), minimum=0.0, inclusive=False)
        for name in ("max_redirects", "per_host_delay", "retries", "retry_backoff"):
            _require_number(name, getattr(self, name), minimum=0.0, inclusive=True)
        for host_port in self.allow_hosts:
            host, _, port = str(host_port).rpartition(":")
            if not host or not port.isdigit():
                raise ValueError(f"FetchPolicy.allow_hosts entries are HOST:PORT, not {host_port!r}")


def _require_number(name: str, value: object, *, minimum: float, inclusive: bool) -> None:
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if not is_number or value < minimum or (value == minimum and not inclusive):  # type: ignore[operator]
        rule = "not be negative" if inclusive else "be positive"
        raise ValueError(f"FetchPolicy.{name} must {rule}, not {value!r}")


class _FetchFailure(Exception):
    """Ends an attempt with a recorded outcome; `transient` failures are retried."""

    def __init__(
        self,
        outcome: str,
        error: str,
        *,
        status: int | None = None,
        headers: dict[str, str] | None = None,
        transient: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(error)
        self.outcome = outcome
        self.error = error
        self.status = status
        self.headers = headers or {}
        self.transient = transient
        self.retry_after = retry_after
        self.final_url: str | None = None  # where the attempt ended


class _BoundedDecoder:
    """Decodes a Content-Encoding incrementally and refuses to produce more than `limit` bytes.

    httpx's own decoders inflate a whole network chunk at once (and stack "gzip, gzip"), so a
    bomb can allocate gigabytes before any size check; here every inflate call is capped.
    """

    def __init__(self, content_encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise _FetchFailure("network_error", f"unsupported stacked Content-Encoding {content_encoding!r}")
        self._coding = codings[0] if codings else None
        if self._coding not in (None, "gzip", "x-gzip", "deflate"):
            raise _FetchFailure("network_error", f"unsupported Content-Encoding {content_encoding!r}")
        self._limit = limit
        self._size = 0
        self._parts: list[bytes] = []
        self._inflater = zlib.decompressobj(wbits=47) if self._coding else None  # 47: gzip or zlib header
        self._raw_deflate_tried = False

    def feed(self, data: bytes) -> None:
        if self._inflater is None:
            self._append(data)
            return
        while data:
            room = self._limit - self._size + 1
            try:
                out = self._inflater.decompress(data, room)
            except zlib.error as error:
                if self._coding == "deflate" and not self._raw_deflate_tried and self._size == 0:
                    self._raw_deflate_tried = True  # some servers send raw deflate without a zlib header
                    self._inflater = zlib.decompressobj(wbits=-15)
                    continue
                raise _FetchFailure("network_error", f"corrupt {self._coding} body: {error}") from error
            self._append(out)
            data = self._inflater.unconsumed_tail
            if self._inflater.eof and self._inflater.unused_data:  # concatenated gzip members
                data = self._inflater.unused_data
                self._inflater = zlib.decompressobj(wbits=47)

    def _append(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise _FetchFailure("too_large", f"body larger than {self._limit} bytes after decoding")
        self._parts.append(data)

    def result(self) -> bytes:
        if self._inflater is not None:
            self._append(self._inflater.flush())
        return b"".join(self._parts)


class _GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool opened through the SSRF-guarded backend."""

    def __init__(self, policy: FetchPolicy) -> None:
        super().__init__(trust_env=False, retries=0)
        # httpx 0.28 has no parameter for the network backend; rebuild its pool with ours.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=policy.total_concurrency,
            max_keepalive_connections=policy.total_concurrency,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(
                AddressPolicy(policy.allow_private_networks, frozenset(h.lower() for h in policy.allow_hosts))
            ),
        )


@dataclass
class _HostGate:
    """Politeness for one host: at most N requests at once, starts spaced by `delay`."""

    slots: asyncio.Semaphore
    delay: float
    spacing: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_start: float = float("-inf")

    async def wait_turn(self) -> None:
        async with self.spacing:
            wait = self.last_start + self.delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self.last_start = time.monotonic()


class _Fetcher:
    def __init__(self, policy: FetchPolicy, client: httpx.AsyncClient) -> None:
        self.policy = policy
        self.client = client
        self.all_slots = asyncio.Semaphore(policy.total_concurrency)
        self.gates: dict[str, _HostGate] = {}
        self.robots: dict[str, asyncio.Task[urllib.robotparser.RobotFileParser | None]] = {}

    def _gate(self, host: str) -> _HostGate:
        if host not in self.gates:
            self.gates[host] = _HostGate(
                asyncio.Semaphore(self.policy.per_host_concurrency), self.policy.per_host_delay
            )
        return self.gates[host]

    async def fetch(self, request: FetchRequest) -> FetchResult:
        started = time.monotonic()
        attempts = 0
        final_url = request.url
        while True:
            attempts += 1
            try:
                result = await self._attempt(request)
                return replace(result, elapsed_ms=_ms_since(started), attempts=attempts)
            except _FetchFailure as failure:
                final_url = failure.final_url or final_url
                if not failure.transient or attempts > self.policy.retries:
                    return FetchResult(
                        url=request.url,
                        final_url=final_url,
                        outcome=failure.outcome,
                        status=failure.status,
                        headers=failure.headers,
                        error=failure.error,
                        elapsed_ms=_ms_since(started),
                        attempts=attempts,
                    )
                backoff = self.policy.retry_backoff * 2 ** (attempts - 1)
                await asyncio.sleep(max(backoff, failure.retry_after or 0.0))

    async def _attempt(self, request: FetchRequest) -> FetchResult:
        url = request.url
        budget = self.policy.total_timeout  # network time left for this attempt, over all hops
        try:
            for _hop in range(self.policy.max_redirects + 1):
                target = _checked_url(url)
                if self.policy.respect_robots and not await self._robots_allow(target):
                    raise _FetchFailure(
                        "robots_disallowed", f"robots.txt of {_origin(target)} disallows {url}"
                    )
                gate = self._gate(target.host)
                async with gate.slots:
                    await gate.wait_turn()
                    async with self.all_slots:
                        hop_started = time.monotonic()
                        try:
                            async with asyncio.timeout(budget):
                                outcome = await self._hop(request, target)
                        except TimeoutError:
                            raise _FetchFailure(
                                "timeout",
                                f"no complete response within {self.policy.total_timeout:g} s "
                                "(total deadline)",
                                transient=True,
                            ) from None
                        budget -= time.monotonic() - hop_started
                if isinstance(outcome, FetchResult):
                    return outcome
                url = outcome  # a redirect: the next hop goes through the scheme check and the guard again
            raise _FetchFailure("too_many_redirects", f"more than {self.policy.max_redirects} redirects")
        except _FetchFailure as failure:
            failure.final_url = url
            raise

    async def _hop(self, request: FetchRequest, target: httpx.URL) -> str | FetchResult:
        """One request/response. Returns the next URL for a redirect, else the result."""
        headers = {
            "User-Agent": self.policy.user_agent,
            "Accept": FEED_ACCEPT if request.kind == "feed" else PAGE_ACCEPT,
            "Accept-Encoding": "gzip, deflate",
        }
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        try:
            response = await self.client.send(
                self.client.build_request("GET", target, headers=headers), stream=True
            )
        except BlockedAddressError as error:
            raise _FetchFailure("blocked", str(error)) from None
        except httpx.TimeoutException as error:
            raise _FetchFailure(
                "timeout", f"{type(error).__name__}: {error or 'timed out'}", transient=True
            ) from None
        except (httpx.TransportError, httpx.InvalidURL) as error:
            raise _FetchFailure("network_error", f"{type(error).__name__}: {error}", transient=True) from None
        try:
            return await self._read(request, target, response)
        finally:
            await response.aclose()

    async def _read(
        self, request: FetchRequest, target: httpx.URL, response: httpx.Response
    ) -> str | FetchResult:
        status = response.status_code
        headers = {name.lower(): value for name, value in response.headers.items()}
        if status in REDIRECT_STATUSES:
            location = headers.get("location")
            if not location:
                raise _FetchFailure(
                    "http_error",
                    f"HTTP {status} redirect without a Location header",
                    status=status,
                    headers=headers,
                )
            return urljoin(str(target), location.strip())
        if status == 304:
            return FetchResult(
                url=request.url, final_url=str(target), outcome="not_modified", status=status, headers=headers
            )
        if not 200 <= status < 300:
            raise _FetchFailure(
                "http_error",
                f"HTTP {status} {response.reason_phrase}".strip(),
                status=status,
                headers=headers,
                transient=status in RETRY_STATUSES,
                retry_after=_retry_after(headers.get("retry-after")),
            )
        content_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        allowed = FEED_CONTENT_TYPES if request.kind == "feed" else PAGE_CONTENT_TYPES
        if content_type and not any(token in content_type for token in allowed):
            raise _FetchFailure(
                "bad_content_type",
                f"content type {content_type!r} is not a {request.kind} type",
                status=status,
                headers=headers,
            )
        body = await self._read_body(response, headers)
        return FetchResult(
            url=request.url, final_url=str(target), outcome="ok", status=status, headers=headers, body=body
        )

    async def _read_body(
        self, response: httpx.Response, headers: dict[str, str], limit: int | None = None
    ) -> bytes:
        limit = self.policy.max_body_bytes if limit is None else limit
        declared = headers.get("content-length", "")
        if declared.isdigit() and "content-encoding" not in headers and int(declared) > limit:
            raise _FetchFailure(
                "too_large",
                f"Content-Length {declared} is over the {limit}-byte cap",
                status=response.status_code,
                headers=headers,
            )
        decoder = _BoundedDecoder(headers.get("content-encoding", ""), limit)
        try:
            async for chunk in response.aiter_raw():
                decoder.feed(chunk)
            return decoder.result()
        except _FetchFailure as failure:
            failure.status, failure.headers = response.status_code, headers
            raise
        except httpx.TimeoutException as error:
            raise _FetchFailure(
                "timeout", f"{type(error).__name__} while reading the body", transient=True
            ) from None
        except httpx.TransportError as error:
            raise _FetchFailure(
                "network_error", f"{type(error).__name__} while reading the body: {error}", transient=True
            ) from None

    async def _robots_allow(self, target: httpx.URL) -> bool:
        """Whether robots.txt of the target's origin lets us fetch it; also applies its Crawl-delay."""
        origin = _origin(target)
        if origin not in self.robots:
            self.robots[origin] = asyncio.create_task(self._load_robots(origin))
        parser = await self.robots[origin]
        if parser is None:
            return True
        crawl_delay = parser.crawl_delay(self.policy.user_agent)
        if crawl_delay:
            gate = self._gate(target.host)
            gate.delay = max(gate.delay, min(float(crawl_delay), MAX_CRAWL_DELAY))
        return parser.can_fetch(self.policy.user_agent, str(target))

    async def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """robots.txt of an origin through the same guard, or None (allow all) when it has none.

        RFC 9309 says 4xx means "no rules". Unreachable robots (5xx, timeouts) also count as no
        rules here: a flaky robots.txt must not silence a feed for a whole run.
        """
        url = f"{origin}/robots.txt"
        text = None
        try:
            async with asyncio.timeout(min(ROBOTS_TIMEOUT, self.policy.total_timeout)):
                for _hop in range(self.policy.max_redirects + 1):
                    target = _checked_url(url)
                    gate = self._gate(target.host)
                    async with gate.slots, self.all_slots:
                        response = await self.client.send(
                            self.client.build_request(
                                "GET",
                                target,
                                headers={
                                    "User-Agent": self.policy.user_agent,
                                    "Accept-Encoding": "gzip, deflate",
                                },
                            ),
                            stream=True,
                        )
                        try:
                            location = response.headers.get("location")
                            if response.status_code in REDIRECT_STATUSES and location:
                                url = urljoin(url, location)
                                continue
                            if 200 <= response.status_code < 300:
                                headers = {k.lower(): v for k, v in response.headers.items()}
                                body = await self._read_body(response, headers, ROBOTS_MAX_BYTES)
                                text = body.decode("utf-8", errors="replace")
                            break
                        finally:
                            await response.aclose()
        except (TimeoutError, httpx.HTTPError, BlockedAddressError, _FetchFailure):
            return None
        if text is None:
            return None
        parser = urllib.robotparser.RobotFileParser(url)
        parser.parse(text.splitlines())
        return parser


def _checked_url(url: str) -> httpx.URL:
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as error:
        raise _FetchFailure("blocked", f"invalid URL {url!r}: {error}") from None
    if target.scheme not in ("http", "https"):
        raise _FetchFailure(
            "blocked", f"only http and https URLs are fetched, not {target.scheme or 'no scheme'!r}"
        )
    if not target.host:
        raise _FetchFailure("blocked", f"URL without a host: {url!r}")
    return target


def _origin(target: httpx.URL) -> str:
    split = urlsplit(str(target))
    return f"{split.scheme}://{split.netloc.rsplit('@', 1)[-1]}"


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (number or HTTP date), capped; None if absent or absurd."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = (when - datetime.now(UTC)).total_seconds() if when.tzinfo else 0.0
    return max(0.0, seconds) if seconds <= MAX_RETRY_AFTER else None


def _ms_since(started: float) -> float:
    return round((time.monotonic() - started) * 1000, 1)


async def fetch_all_async(
    requests: Sequence[FetchRequest],
    policy: FetchPolicy,
    *,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Fetch every request under `policy`; results in the order of `requests`. Never raises for bad input."""
    timeout = httpx.Timeout(policy.total_timeout, connect=policy.connect_timeout)
    async with httpx.AsyncClient(
        transport=_GuardedTransport(policy), timeout=timeout, trust_env=False, follow_redirects=False
    ) as client:
        fetcher = _Fetcher(policy, client)

        async def one(request: FetchRequest) -> FetchResult:
            try:
                result = await fetcher.fetch(request)
            except Exception as error:  # a bug must cost one result, not the batch
                result = FetchResult(
                    url=request.url,
                    final_url=request.url,
                    outcome="network_error",
                    error=f"unexpected {type(error).__name__}: {error}",
                )
            if on_result is not None:
                on_result(result)
            return result

        return list(await asyncio.gather(*(one(request) for request in requests)))


def fetch_all(
    requests: Sequence[FetchRequest],
    policy: FetchPolicy,
    *,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Synchronous `fetch_all_async`. Works in a thread that already runs an event loop (e.g. a
    Prefect task) by running its own loop in a helper thread; `on_result` then runs on that thread."""
    coroutine = fetch_all_async(requests, policy, on_result=on_result)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="swapwire-fetch") as pool:
        return pool.submit(asyncio.run, coroutine).result()
