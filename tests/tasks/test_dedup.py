"""URL canonicalisation, text fingerprints and MinHash signatures (pure functions)."""

from __future__ import annotations

import pytest

from tasks.dedup import article_id_for, canonicalize_url, normalize_text, text_fingerprint

ARTICLE = "https://example.com/world/2024/05/31/prisoner-swap"


@pytest.mark.parametrize(
    "variant",
    [
        "https://example.com/world/2024/05/31/prisoner-swap",
        "HTTPS://Example.COM/world/2024/05/31/prisoner-swap",
        "https://example.com:443/world/2024/05/31/prisoner-swap",
        "https://example.com/world/2024/05/31/prisoner-swap/",
        "https://example.com/world/2024/05/31/prisoner-swap#comments",
        "https://www.example.com/world/2024/05/31/prisoner-swap",
        "https://m.example.com/world/2024/05/31/prisoner-swap",
        "https://mobile.example.com/world/2024/05/31/prisoner-swap",
        "https://amp.example.com/world/2024/05/31/prisoner-swap",
        "https://example.com/world/2024/05/31/prisoner-swap/amp",
        "https://example.com/world/2024/05/31/prisoner-swap/amp/",
        "https://example.com/amp/world/2024/05/31/prisoner-swap",
        "https://example.com/world/2024/05/31/prisoner-swap.amp",
        "https://example.com/world/2024/05/31/prisoner-swap?amp",
        "https://example.com/world/2024/05/31/prisoner-swap?amp=1",
        "https://example.com/world/2024/05/31/prisoner-swap?outputType=amp",
        "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/world/2024/05/31/prisoner-swap",
        "https://www.google.com/amp/s/example.com/world/2024/05/31/prisoner-swap",
        "https://example.com/world/2024/05/31/prisoner-swap?utm_source=tg&utm_medium=social&utm_campaign=x",
        "https://example.com/world/2024/05/31/prisoner-swap?fbclid=IwAR0abc&gclid=xyz&yclid=1",
        "https://example.com/world/2024/05/31/prisoner-swap?mc_cid=1&mc_eid=2&ref=homepage&cmpid=rss",
        "https://example.com/world/2024/05/31/prisoner-swap?ocid=msn&at_medium=rss&at_campaign=feed&_ga=2.1",
        "https://example.com/world/./2024/05/../05/31/prisoner-swap",
    ],
)
def test_url_variants_share_one_canonical_url(variant: str) -> None:
    assert canonicalize_url(variant) == ARTICLE


def test_amp_html_suffix_becomes_the_html_page() -> None:
    assert (
        canonicalize_url("https://example.com/news/story.amp.html") == "https://example.com/news/story.html"
    )


def test_meaningful_query_parameters_are_kept_and_sorted() -> None:
    url = "https://example.com/article.php?utm_source=x&page=2&id=77"
    assert canonicalize_url(url) == "https://example.com/article.php?id=77&page=2"


def test_other_ports_and_schemes_are_kept() -> None:
    assert canonicalize_url("http://127.0.0.1:8765/news/a.html") == "http://127.0.0.1:8765/news/a.html"
    assert canonicalize_url("http://example.com/a") == "http://example.com/a"
    assert canonicalize_url("mailto:desk@example.com") == "mailto:desk@example.com"


def test_percent_escapes_have_one_spelling() -> None:
    assert canonicalize_url("https://example.com/%7Enews/caf%c3%a9") == canonicalize_url(
        "https://example.com/~news/café"
    )


def test_canonical_hint_wins_on_the_same_site() -> None:
    url = "https://m.example.com/p?id=9&utm_source=feed"
    assert canonicalize_url(url, canonical_hint="https://www.example.com/news/story-9") == (
        "https://example.com/news/story-9"
    )
    assert canonicalize_url(url, canonical_hint="/news/story-9") == "https://example.com/news/story-9"
    assert canonicalize_url("https://amp.example.com/a", canonical_hint="https://news.example.com/a") == (
        "https://news.example.com/a"
    )


@pytest.mark.parametrize(
    "hint",
    [
        "https://other-outlet.org/news/story-9",  # syndication credit: a different article row
        "https://example.com/",  # CMS bug: every page claims the home page
        "javascript:alert(1)",
        "   ",
    ],
)
def test_canonical_hint_is_ignored_when_untrustworthy(hint: str) -> None:
    assert canonicalize_url("https://example.com/news/story-9", canonical_hint=hint) == (
        "https://example.com/news/story-9"
    )


def test_article_id_is_stable_short_hex() -> None:
    article_id = article_id_for(ARTICLE)
    assert article_id == article_id_for(canonicalize_url(ARTICLE + "?utm_source=x"))
    assert len(article_id) == 16 and int(article_id, 16) >= 0
    assert article_id != article_id_for(ARTICLE + "-2")


def test_fingerprint_ignores_whitespace_quotes_dashes_and_case() -> None:
    plain = 'Officials said "the exchange took place" - 1,000 people\nreturned home.'
    styled = (
        "officials  said \u201cThe exchange took place\u201d \u2014 1\u00a0000 people returned home\u2026"
    )
    assert normalize_text(plain) == "officials said the exchange took place 1000 people returned home"
    assert text_fingerprint(plain) == text_fingerprint(styled)
    assert text_fingerprint("Don\u2019t stop") == text_fingerprint("dont stop")
    assert text_fingerprint("soft\u00adhyphen zero\u200bwidth") == text_fingerprint("softhyphen zerowidth")


def test_fingerprint_differs_when_a_figure_differs() -> None:
    assert text_fingerprint("Ukraine returned 95 soldiers.") != text_fingerprint(
        "Ukraine returned 96 soldiers."
    )
