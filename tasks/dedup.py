"""Story deduplication, the pure part: canonical URLs, text fingerprints, MinHash signatures.

No database here; `warehouse.story_index` persists signatures and LSH bands and assigns stories.

URL canonicalisation (`canonicalize_url`) decides which URLs are the same article:
- a rel=canonical hint wins when it is http(s) on the same site (same registrable domain, so
  amp.x.com -> www.x.com counts) and does not point at the site's home page while the page is
  not the home page (a common CMS bug that would merge every article of a site into one);
- scheme and host are lower-cased, default ports, user info and fragments dropped;
- "www.", mobile ("m.", "mobile.") and AMP ("amp.") host prefixes are stripped: every site
  we know serves the same article on the bare host or redirects to it, and one spelling per
  article matters more here than the exact host the publisher prefers (the page's own
  rel=canonical, when present, is used as is apart from these rules);
- AMP variants: AMP caches (cdn.ampproject.org, google.com/amp/), a path segment "amp",
  ".amp" / ".amp.html" suffixes, and the query flags amp, amp=1, outputType=amp, output=amp;
- tracking parameters (utm_*, fbclid, gclid, ...) are dropped, the rest sorted;
- trailing slashes are dropped (except the root), dot segments resolved, percent escapes of
  unreserved characters decoded and other escapes upper-cased;
- the scheme is kept: an http-only site must still be reachable from the stored URL.

Text identity: `normalize_text` (NFKC, casefold, quotes/dashes/whitespace unified, punctuation
dropped, thousands separators removed) feeds `text_fingerprint` (exact duplicates),
`shingle_hashes` -> `minhash_signatures` -> `band_key_matrix` (near duplicates) and `fact_hashes`.

Same story (`same_story_scores`), for a candidate found by LSH:
- estimated containment of the smaller shingle set in the larger >= SAME_STORY_THRESHOLD (0.6).
  Containment, not Jaccard: a copy truncated to 70% has Jaccard 0.7 with its source but
  containment 1.0; an added paragraph or boilerplate lowers Jaccard, hardly containment;
- estimated Jaccard >= MIN_JACCARD (0.3), so a short teaser inside a long article is no copy;
- at most MAX_FACT_CONFLICTS (1) places where the two texts state different figures or dates
  (`fact_conflicts`): two exchange reports written from one template share their wording, not
  their figures. One is tolerated: a renumbered list item ("2." for "3.") after a dropped
  sentence; a real different figure conflicts on both of its sides, so it counts twice.

Parameters, chosen with `scripts/eval_dedup.py` (1,099 articles: 100 aeb pages x 8 syndicated
copies, 95 project-written exchange articles with copies, 50 template reports, the sample site):
- SHINGLE_WORDS = 5: exact containment separates copies from other stories at widths 3-5 (copies'
  minimum 0.49/0.44/0.38 vs other stories' maximum 0.41/0.36/0.34 for 3/4/5 words); 5 keeps
  common phrases from making LSH candidates across a large archive.
- NUM_PERM = 128, BANDS x ROWS = 42 x 3 (126 values): P(candidate) = 1-(1-J^3)^42 is 0.68 at
  J=0.3, 0.94 at J=0.4, 0.996 at J=0.5. 32 x 4 missed pairs at J~0.4 (truncated copy vs
  boilerplate copy): recall 0.986 vs 1.000 at threshold 0.5.
- SAME_STORY_THRESHOLD = 0.6: end-to-end pairwise precision/recall (shuffled arrival, batches of
  50; seeds 7/11/23) 1.000/0.996, 1.000/1.000, 1.000/0.997; at 0.5: recall 1.000/1.000/0.999; at
  0.7: 0.984/0.994/0.993; precision 1.000 throughout. The highest containment between different
  stories that the figures veto lets through is 0.34 (shared boilerplate lines), so 0.6 leaves
  margin on both sides.
Changing SHINGLE_WORDS, NUM_PERM, BANDS, ROWS or the seeds below changes stored signatures and
band keys: rebuild the index (`swapwire reprocess`) after such a change.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

import numpy as np

# --- URL canonicalisation ------------------------------------------------------------------

_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "cmpid",
        "cmp",
        "ocid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "hsctatracking",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "rb_clickid",
        "s_cid",
        "smid",
        "sr_share",
        "spm",
        "ito",
        "icid",
        "ncid",
        "wt.mc_id",
        "wt_mc",
        "soc_src",
        "soc_trk",
        "__twitter_impression",
        "vero_id",
        "xtor",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        "mbid",
        "cmpgn",
        "fbid",
        "ns_source",
        "ns_mchannel",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "ftag",
        "feature",
        "share",
        "sh",
        "via",
        "tpcc",
        "taid",
        "ea_campaign",
        # AMP plumbing: the same article, rendered for the AMP cache
        "usqp",
        "amp_js_v",
        "amp_gsa",
        "amp_lite",
        "__amp_source_origin",
        "_amp",
        "amp_tf",
    }
)
_TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "matomo_", "hsa_", "oly_", "mc_")
# Query flags that only select the AMP rendering: ?amp, ?amp=1, ?outputType=amp, ?output=amp
_AMP_FLAG_PARAMS = frozenset({"amp", "outputtype", "output", "format", "view"})
_AMP_FLAG_VALUES = frozenset({"", "1", "true", "amp", "yes"})
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Second-level labels under a country TLD that are not registrable themselves (bbc.co.uk).
_CC_SECOND_LEVEL = frozenset(
    {
        "co",
        "com",
        "net",
        "org",
        "gov",
        "ac",
        "edu",
        "ne",
        "or",
        "go",
        "ltd",
        "plc",
        "sch",
        "nic",
        "mil",
        "gob",
        "gv",
        "in",
        "kiev",
        "kyiv",
        "msk",
        "spb",
    }
)
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


def _is_ip_or_local(host: str) -> bool:
    return host.replace(".", "").isdigit() or ":" in host or "." not in host


def _strip_host_prefixes(host: str) -> str:
    """www./m./mobile./amp. removed (repeatedly: www.m.x.com), but never down to a bare suffix."""
    if _is_ip_or_local(host):
        return host
    changed = True
    while changed:
        changed = False
        for prefix in _HOST_PREFIXES:
            rest = host[len(prefix) :]
            if host.startswith(prefix) and rest.count(".") >= 1 and not _is_public_suffix(rest):
                host, changed = rest, True
    return host


def _is_public_suffix(host: str) -> bool:
    labels = host.split(".")
    return len(labels) == 2 and len(labels[1]) == 2 and labels[0] in _CC_SECOND_LEVEL


def _registrable_domain(host: str) -> str:
    """example.com for news.example.com, bbc.co.uk for www.bbc.co.uk (a heuristic, no suffix list)."""
    if _is_ip_or_local(host):
        return host
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _CC_SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _normalize_escapes(part: str) -> str:
    """Decode %XX of unreserved characters, upper-case the others, percent-encode raw non-ASCII."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return quote(_PERCENT_ESCAPE.sub(fix, part), safe=_PATH_SAFE)


def _remove_dot_segments(path: str) -> str:
    output: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(output) > 1:
                output.pop()
        elif segment != ".":
            output.append(segment)
    return "/".join(output)


def _unwrap_amp_cache(parts) -> str | None:
    """The publisher URL behind an AMP cache URL, or None when `parts` is not one."""
    host = (parts.hostname or "").lower()
    path = parts.path
    if host.endswith(".cdn.ampproject.org"):
        match = re.match(r"^/[a-z](?:/s)?/(.+)$", path)
        secure = path[2:5] == "/s/"
    elif _registrable_domain(host).startswith("google.") and path.startswith("/amp/"):
        match = re.match(r"^/amp/(?:s/)?(.+)$", path)
        secure = path.startswith("/amp/s/")
    else:
        return None
    if not match:
        return None
    target = match.group(1)
    if target.startswith(("http://", "https://")):
        return target
    query = f"?{parts.query}" if parts.query else ""
    return f"{'https' if secure else 'http'}://{target}{query}"


def _clean_path(path: str) -> str:
    path = _remove_dot_segments(_normalize_escapes(path or "/"))
    path = re.sub(r"/{2,}", "/", path)
    segments = [segment for segment in path.split("/") if segment.lower() != "amp"]
    path = "/".join(segments) or "/"
    path = re.sub(r"\.amp(\.html?)$", r"\1", path, flags=re.IGNORECASE)
    path = re.sub(r"\.amp$", "", path, flags=re.IGNORECASE)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return path if path.startswith("/") else "/" + path


def _is_tracking_param(name: str, value: str) -> bool:
    key = name.lower()
    if key in _TRACKING_PARAMS or key.startswith(_TRACKING_PREFIXES):
        return True
    if key in _AMP_FLAG_PARAMS:
        value = value.lower()
        return value == "amp" or (key == "amp" and value in _AMP_FLAG_VALUES)
    return False


def _canonicalize(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    unwrapped = _unwrap_amp_cache(parts)
    if unwrapped is not None:
        return _canonicalize(unwrapped)
    host = _strip_host_prefixes(parts.hostname.lower().rstrip("."))
    netloc = f"[{host}]" if ":" in host else host
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: keep the URL as it came
        return url
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    params = [
        (_normalize_escapes(name), _normalize_escapes(value))
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking_param(name, value)
    ]
    query = urlencode(sorted(params), safe=_PATH_SAFE.replace("&", "").replace("=", ""), quote_via=quote)
    return urlunsplit((scheme, netloc, _clean_path(parts.path), query, ""))


def _same_site(url_a: str, url_b: str) -> bool:
    host_a, host_b = urlsplit(url_a).hostname or "", urlsplit(url_b).hostname or ""
    return _registrable_domain(_strip_host_prefixes(host_a)) == _registrable_domain(
        _strip_host_prefixes(host_b)
    )


def canonicalize_url(url: str, *, canonical_hint: str | None = None) -> str:
    """The one spelling of an article URL (see the module docstring for every rule).

    `canonical_hint` is the page's rel=canonical (absolute or relative to `url`); it wins when it
    is http(s) on the same site and not the site's home page for a page that is not.
    """
    canonical = _canonicalize(url)
    if not canonical_hint or not canonical_hint.strip():
        return canonical
    hint = _canonicalize(urljoin(url.strip(), canonical_hint.strip()))
    if urlsplit(hint).scheme not in _DEFAULT_PORTS or not _same_site(canonical, hint):
        return canonical
    if urlsplit(hint).path == "/" and urlsplit(canonical).path != "/":
        return canonical
    return hint


def article_id_for(canonical_url: str) -> str:
    """Stable article id: the first 16 hex digits of sha256 of the canonical URL."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]


# --- text identity -------------------------------------------------------------------------


def _build_word_separator_table() -> dict[int, str | None]:
    """str.translate table: punctuation, symbols, separators and controls become spaces; format
    characters (soft hyphen, zero-width space) and apostrophes vanish (don't = dont).

    Covers the BMP and the supplementary planes that hold emoji and tags (0.04 s to build); a
    translate table is ~30x faster than a regular expression over the same text.
    """
    table: dict[int, str | None] = {}
    for code_point in [*range(0x20000), *range(0xE0000, 0xE1000)]:
        category = unicodedata.category(chr(code_point))
        if category == "Cf":
            table[code_point] = None
        elif category[0] in "PSZ" or category == "Cc" or chr(code_point) == "_":
            table[code_point] = " "
    for apostrophe in "'\u2018\u2019\u201b\u02bc\u2032\u00b4`":
        table[ord(apostrophe)] = None
    return table


_WORD_SEPARATORS = _build_word_separator_table()
# After punctuation became spaces, "1,000" / "1 000" / "1.000" all read "1 000": join the groups.
_DIGIT_GROUP = re.compile(r" ([0-9]{3})(?![0-9])")


def _join_digit_group(match: re.Match[str]) -> str:
    start = match.start()
    return match.group(1) if start and match.string[start - 1].isdigit() else match.group(0)


def normalize_text(text: str) -> str:
    """Text reduced to what identifies it: casefolded words and numbers separated by single spaces.

    NFKC folds compatibility forms (non-breaking spaces, ligatures, full-width digits); format
    characters (soft hyphens, zero-width spaces) and apostrophes are dropped; every other
    punctuation mark, quote, dash or symbol separates words; thousands separators are removed.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_WORD_SEPARATORS)
    return " ".join(_DIGIT_GROUP.sub(_join_digit_group, text).split())


def text_fingerprint(text: str) -> str:
    """Exact-duplicate key: 32 hex digits of sha256 over `normalize_text(text)`."""
    return _fingerprint_of_normalized(normalize_text(text))


def _fingerprint_of_normalized(normalized: str) -> str:
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:32]


# --- near duplicates: MinHash over word shingles, LSH bands --------------------------------

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 42
ROWS = 3
SAME_STORY_THRESHOLD = 0.6
MIN_JACCARD = 0.3
MAX_FACT_CONFLICTS = 1

_RNG = np.random.default_rng(20240531)  # fixed: signatures are persisted, so they must never change
_PERM_MULTIPLIERS = _RNG.integers(0, 2**31, size=NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
_PERM_OFFSETS = _RNG.integers(0, 2**32, size=NUM_PERM, dtype=np.uint32)
_SHINGLE_MULTIPLIERS = _RNG.integers(1, 2**63, size=16, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_BAND_MULTIPLIERS = _RNG.integers(1, 2**63, size=ROWS + 1, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
# Shingle hashes are processed this many at a time: bounds the (shingles x NUM_PERM) temporary.
_CHUNK_SHINGLES = 4_096


@dataclass(frozen=True)
class StoryInput:
    article_id: str
    text: str
    published_at: datetime | None


def _mix64(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole 64-bit word."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def shingle_hashes(text: str, *, words: int = SHINGLE_WORDS) -> np.ndarray:
    """Distinct 32-bit hashes of the `words`-word shingles of the normalised text, sorted (shorter
    texts: one shingle of all their words; empty text: none)."""
    return _shingle_hashes_of_tokens(normalize_text(text).encode().split(), words)


def _shingle_hashes_of_tokens(tokens: list[bytes], words: int = SHINGLE_WORDS) -> np.ndarray:
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    token_hashes = np.array([zlib.crc32(token) for token in tokens], dtype=np.uint64)
    width = min(words, len(tokens))
    count = len(tokens) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined += token_hashes[offset : offset + count] * _SHINGLE_MULTIPLIERS[offset]
    hashes = np.sort((_mix64(combined) >> np.uint64(32)).astype(np.uint32))
    # distinct values by sort + neighbour compare: np.unique is 4x slower on arrays this small
    return hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))]


def minhash_signatures(shingle_sets: list[np.ndarray]) -> np.ndarray:
    """(len(shingle_sets), NUM_PERM) uint32 MinHash signatures, vectorised over the whole batch.

    Permutation p maps a 32-bit shingle hash h to a_p*h + b_p mod 2^32 (a_p odd: a bijection).
    The hashes are already uniform, so this cheap family estimates Jaccard without bias (checked
    against 64-bit multiply-shift: same mean and spread) at 2/3 of its cost. An empty set gets
    the all-ones signature; the index never bands texts without shingles.
    """
    signatures = np.full((len(shingle_sets), NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    start = 0
    while start < len(shingle_sets):
        stop, size = start, 0
        while stop < len(shingle_sets) and (size == 0 or size + len(shingle_sets[stop]) <= _CHUNK_SHINGLES):
            size += len(shingle_sets[stop])
            stop += 1
        group = [index for index in range(start, stop) if len(shingle_sets[index])]
        if group:
            hashes = np.concatenate([shingle_sets[index] for index in group])
            offsets = np.cumsum([0] + [len(shingle_sets[index]) for index in group[:-1]])
            # (NUM_PERM, shingles) layout: reduceat along contiguous rows is 6x faster than columns
            permuted = np.multiply(_PERM_MULTIPLIERS[:, None], hashes[None, :])
            permuted += _PERM_OFFSETS[:, None]
            signatures[group] = np.minimum.reduceat(permuted, offsets, axis=1).T
        start = stop
    return signatures


def minhash_signature(text: str) -> np.ndarray:
    """The (NUM_PERM,) uint32 MinHash signature of one text."""
    return minhash_signatures([shingle_hashes(text)])[0]


def band_key_matrix(signatures: np.ndarray) -> np.ndarray:
    """(n, BANDS) int64 LSH keys: band b of a signature hashed with b, so bands never collide."""
    rows = signatures[:, : BANDS * ROWS].reshape(len(signatures), BANDS, ROWS).astype(np.uint64)
    keys = np.arange(BANDS, dtype=np.uint64)[None, :] * _BAND_MULTIPLIERS[ROWS]
    for row in range(ROWS):
        keys = keys + rows[:, :, row] * _BAND_MULTIPLIERS[row]
    return _mix64(keys).view(np.int64)


def band_keys(signature: np.ndarray) -> list[int]:
    """The BANDS LSH keys of one signature, as Python ints that fit a DuckDB BIGINT."""
    return band_key_matrix(signature[None, :])[0].tolist()


def estimated_similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets: the share of equal MinHash values."""
    return float(np.mean(sig_a == sig_b))


def estimated_containment(similarity: float | np.ndarray, size_a, size_b):
    """How much of the smaller shingle set lies in the larger, from Jaccard and both set sizes.

    |A n B| = J (|A| + |B|) / (1 + J). A copy truncated to 70% has Jaccard 0.7 with its source
    but containment 1.0, while two texts from one template with different figures score lower on
    both: containment separates them where Jaccard cannot.
    """
    size_a = np.asarray(size_a, dtype=np.float64)
    size_b = np.asarray(size_b, dtype=np.float64)
    intersection = similarity * (size_a + size_b) / (1.0 + similarity)
    return np.clip(intersection / np.maximum(np.minimum(size_a, size_b), 1.0), 0.0, 1.0)


# Month names (en/de/uk/ru): with numbers they make up the figures and dates of a report.
# Weekdays and "yesterday" are left out on purpose: a copy may rewrite "on Wednesday" as a date.
_MONTH_WORDS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    januar februar märz mai juni juli oktober dezember
    січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
    січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    """.encode().split()  # noqa: SIM905 - a word list reads best as text
)
_FACT_CONTEXT_WORDS = 2  # words on each side that place a figure in its sentence


@dataclass(frozen=True)
class TextIdentity:
    fingerprint: str  # text_fingerprint: exact duplicates
    shingles: np.ndarray  # shingle_hashes: sorted distinct uint32
    facts: np.ndarray  # fact_hashes: sorted distinct uint64 (context hash << 32 | figure hash)
    # minhash_signatures of the shingles: computed with the rest, so it runs where the text is
    # read (the process pool), not in the single warehouse writer
    signature: np.ndarray


_DIGITS = re.compile(r"[0-9]+")


def _words_with_digits(normalized: str) -> set[str]:
    """The words holding a digit: found from the digit runs (a regex starting with a character
    class scans at C speed), each widened to its spaces."""
    found: set[str] = set()
    word_end = -1
    for match in _DIGITS.finditer(normalized):
        if match.start() < word_end:
            continue  # another digit run of the word already taken
        word_start = normalized.rfind(" ", 0, match.start()) + 1
        word_end = normalized.find(" ", match.end())
        if word_end == -1:
            word_end = len(normalized)
        found.add(normalized[word_start:word_end])
    return found


def _fact_hashes_of_tokens(normalized: str, tokens: list[bytes]) -> np.ndarray:
    fact_words = {word.encode() for word in _words_with_digits(normalized)}
    fact_words.update(_MONTH_WORDS.intersection(tokens))
    if not fact_words:
        return np.empty(0, dtype=np.uint64)
    positions = [index for index, token in enumerate(tokens) if token in fact_words]
    facts: set[int] = set()
    run_start = 0
    while run_start < len(positions):
        run_end = run_start  # positions[run_start : run_end + 1] are consecutive tokens: one run
        while run_end + 1 < len(positions) and positions[run_end + 1] == positions[run_end] + 1:
            run_end += 1
        start, end = positions[run_start], positions[run_end] + 1
        # Each token of the run is placed twice: by the two words before the run and its offset
        # from the run's start, and by the two words after and its offset from the end. So a copy
        # whose boilerplate changed the words on one side, or whose truncation cut a run short
        # ("24 November" for "24 November 2022"), still agrees where it keeps the text.
        before = (
            b" ".join(tokens[start - _FACT_CONTEXT_WORDS : start]) if start >= _FACT_CONTEXT_WORDS else None
        )
        after = (
            b" ".join(tokens[end : end + _FACT_CONTEXT_WORDS])
            if end + _FACT_CONTEXT_WORDS <= len(tokens)
            else None
        )
        for offset, token in enumerate(tokens[start:end]):
            value = zlib.crc32(token)
            if before is not None:
                facts.add(zlib.crc32(b"<%d %s" % (offset, before)) << 32 | value)
            if after is not None:
                facts.add(zlib.crc32(b">%d %s" % (end - start - 1 - offset, after)) << 32 | value)
        run_start = run_end + 1
    return np.array(sorted(facts), dtype=np.uint64)


def fact_hashes(text: str) -> np.ndarray:
    """The figures and dates of a text in their places: for each token of each run of numbers and
    month names, hash(two words before the run, offset in the run) << 32 | hash(token), and the
    same from the two words after the run; sorted and distinct."""
    normalized = normalize_text(text)
    return _fact_hashes_of_tokens(normalized, normalized.encode().split())


def text_identity(text: str) -> TextIdentity:
    """Fingerprint, shingles and facts of one text, normalising it once."""
    normalized = normalize_text(text)
    tokens = normalized.encode().split()
    shingles = _shingle_hashes_of_tokens(tokens)
    return TextIdentity(
        _fingerprint_of_normalized(normalized),
        shingles,
        _fact_hashes_of_tokens(normalized, tokens),
        minhash_signatures([shingles])[0],
    )


def fact_conflicts(facts_a: np.ndarray, facts_b: np.ndarray) -> int:
    """Places (same words around) where the two texts state different figures or dates.

    A copy keeps the source's figures where it keeps its sentences (boilerplate, truncation and
    added paragraphs bring figures in other places, which do not count); a report written from
    the same template about another exchange says "On 25 June ... 90 people returned" where the
    first said "On 31 May ... 75 people returned".
    """
    if len(facts_a) == 0 or len(facts_b) == 0:
        return 0
    shift = np.uint64(32)
    shared_places = np.intersect1d(facts_a >> shift, facts_b >> shift)
    agreeing_places = np.intersect1d(facts_a, facts_b, assume_unique=True) >> shift
    return len(np.setdiff1d(shared_places, agreeing_places))


def same_story_scores(
    identity: TextIdentity,
    signature: np.ndarray,
    candidate_signatures: np.ndarray,
    candidate_sizes: np.ndarray,
    candidate_facts: list[np.ndarray],
) -> np.ndarray:
    """Score of each candidate as a copy of the same text: estimated containment of the smaller
    shingle set in the larger; 0 when the estimated Jaccard is under MIN_JACCARD (a one-line
    teaser is not a copy of the article quoting it) or when more than MAX_FACT_CONFLICTS figures or
    dates differ in the same place (`fact_conflicts`). Same story when the score is >= SAME_STORY_THRESHOLD."""
    n_shingles = len(identity.shingles)
    if len(candidate_signatures) == 0 or n_shingles == 0:
        return np.zeros(len(candidate_signatures))
    similarity = np.mean(candidate_signatures == signature[None, :], axis=1)
    scores = estimated_containment(similarity, n_shingles, candidate_sizes)
    facts_agree = np.array(
        [fact_conflicts(identity.facts, facts) <= MAX_FACT_CONFLICTS for facts in candidate_facts]
    )
    return np.where((similarity >= MIN_JACCARD) & facts_agree, scores, 0.0)
