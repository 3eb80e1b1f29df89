"""URL canonicalisation, text fingerprints and MinHash signatures (pure functions)."""

from __future__ import annotations

import numpy as np
import pytest

from tasks.dedup import (
    BANDS,
    MAX_FACT_CONFLICTS,
    NUM_PERM,
    SAME_STORY_THRESHOLD,
    article_id_for,
    band_keys,
    canonicalize_url,
    estimated_containment,
    estimated_similarity,
    fact_conflicts,
    fact_hashes,
    minhash_signature,
    minhash_signatures,
    normalize_text,
    same_story_scores,
    shingle_hashes,
    text_fingerprint,
    text_identity,
)

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


# --- near duplicates -----------------------------------------------------------------------

PARAGRAPH = (
    "The regional water company said on Monday that repairs to the main pipeline would take at "
    "least two more weeks, because the damaged section lies under a railway embankment that "
    "cannot be dug up while trains are running. Engineers plan to work at night, when traffic "
    "is lighter, and the railway operator has agreed to close one track between midnight and "
    "five in the morning. Until then, tankers will bring drinking water to the eastern districts "
    "twice a day, and schools there will close an hour early. The company apologised for the "
    "disruption and promised to compensate households that had to buy bottled water. Residents "
    "said the tankers often arrived late and asked for a timetable to be published online, which "
    "the company said it would do by the end of the week."
)


def test_minhash_estimates_jaccard_of_word_shingles() -> None:
    words = PARAGRAPH.split()
    truncated = " ".join(words[: int(len(words) * 0.7)])
    full, part = shingle_hashes(PARAGRAPH), shingle_hashes(truncated)
    exact = len(np.intersect1d(full, part)) / len(np.union1d(full, part))
    estimate = estimated_similarity(minhash_signature(PARAGRAPH), minhash_signature(truncated))
    assert abs(estimate - exact) < 0.12
    assert estimated_containment(estimate, len(full), len(part)) > 0.85
    assert minhash_signature(PARAGRAPH).shape == (NUM_PERM,)
    assert estimated_similarity(minhash_signature(PARAGRAPH), minhash_signature(LIBRARY)) < 0.1


LIBRARY = (
    "The city library will stay open until midnight during the examination season, the council "
    "decided, after students complained that reading rooms were full by nine in the morning."
)


def test_band_keys_are_stable_bigints() -> None:
    keys = band_keys(minhash_signature(PARAGRAPH))
    assert len(keys) == BANDS and len(set(keys)) == BANDS
    assert all(-(2**63) <= key < 2**63 for key in keys)
    assert keys == band_keys(minhash_signature(PARAGRAPH.replace(" ", "  ")))


def test_batch_signatures_equal_single_ones() -> None:
    texts = [PARAGRAPH, LIBRARY, "", "three words only"]
    batch = minhash_signatures([shingle_hashes(text) for text in texts])
    for text, row in zip(texts, batch, strict=True):
        assert (row == minhash_signature(text)).all()


def test_figures_in_the_same_place_conflict_but_boilerplate_figures_do_not() -> None:
    may = "On 31 May 2024, 75 people returned home, and 75 were handed over in return, officials said."
    june = "On 25 June 2024, 90 people returned home, and 90 were handed over in return, officials said."
    copy = "Updated 2 hours ago. Listen, 4 minutes. " + may + " Read more: 10 things to know today"
    teaser = "On 31 May 2024, 75 people returned home, and 75 were"
    assert fact_conflicts(fact_hashes(may), fact_hashes(june)) > MAX_FACT_CONFLICTS
    assert fact_conflicts(fact_hashes(may), fact_hashes(copy)) == 0
    assert fact_conflicts(fact_hashes(may), fact_hashes(teaser)) == 0


def test_same_story_scores_accept_copies_and_reject_template_twins() -> None:
    report = (
        "On {day}, another exchange of prisoners took place. {n} people returned to Ukraine, and {n} were "
        "handed over to the other side. The released will receive medical care before they see their families, "
        "and officials said that preparations for the next exchange had already started."
    )
    first, other = report.format(day="31 May 2024", n=75), report.format(day="25 June 2024", n=90)
    copy = "Share this article\n" + first + "\nComments are closed"
    identity = text_identity(first)
    candidates = [text_identity(text) for text in (copy, other)]
    scores = same_story_scores(
        identity,
        minhash_signature(first),
        np.vstack([minhash_signature(text) for text in (copy, other)]),
        np.array([len(candidate.shingles) for candidate in candidates]),
        [candidate.facts for candidate in candidates],
    )
    assert scores[0] >= SAME_STORY_THRESHOLD > scores[1]
