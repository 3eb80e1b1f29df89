"""Labelled evaluation of story deduplication: precision and recall of same-story decisions.

Articles and their true stories:
- aeb: ~100 real pages from `$SWAPWIRE_CORPORA/aeb` (ground-truth articleBody), each with seven
  syndicated copies: other outlets' boilerplate (with tracking links), a few words edited, a
  sentence dropped, truncation to ~70%, an added paragraph, and combinations. The other aeb pages
  are the negatives "different stories on other and on the same topics".
- labelled: the project's own exchange articles (eval/labelled/*.txt): many different articles
  about the same exchange, which must stay different stories; a third get two copies each.
- template: short exchange reports written from two templates (below, our own wording) for every
  exchange in `../shared/eval/exchanges_reference.csv`: same words, other dates and figures, so
  each is a story of its own; each gets one syndicated copy.
- sample: the bundled sample site's articles (sample_site/_generator), syndicated wire copies
  grouped by `syndicated_from`.

The articles are shuffled and indexed in batches through `warehouse.story_index.assign_stories`
on a temporary DuckDB file; precision and recall count article pairs (same story predicted vs
same story true). `--thresholds` reruns it per threshold; `--shingles` prints how well exact
(not estimated) containment separates copies from hard negatives for other shingle widths.

    .venv/bin/python scripts/eval_dedup.py [--bases 100] [--thresholds 0.7,0.8,0.9] [--shingles 3,5,7]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import random
import re
import sys
import tempfile
import time
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import combinations
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from tasks import dedup  # noqa: E402
from tasks.dedup import StoryInput, article_id_for, canonicalize_url  # noqa: E402
from warehouse import story_index  # noqa: E402

MIGRATION = PROJECT_ROOT / "warehouse" / "migrations" / "002_story_index.sql"

# Lines other outlets wrap a syndicated text in (our own wording).
BOILERPLATE = [
    "Share this article on Facebook, X or Telegram",
    "Advertisement",
    "Sign up for our morning briefing and get the day's top stories in your inbox",
    "Follow us on Telegram: https://t.me/example_news?utm_source=site&utm_medium=share",
    "Read more at https://news.example.org/latest?utm_source=syndication&fbclid=IwAR3x",
    "This story was provided by a wire service and has not been edited by our staff",
    "Comments are closed for this article",
    "Photo: archive image, used for illustration",
    "Most read today: five things to know before the weekend",
    "All rights reserved. Reproduction without permission is prohibited",
    "Listen to this article, 4 minutes",
    "Updated 2 hours ago",
]
ADDED_PARAGRAPHS = [
    "This article was updated after officials released further details in the afternoon. A spokesperson "
    "declined to comment on the timing but said a fuller statement would follow later in the week.",
    "Our correspondent adds that reactions from residents were mixed, with some welcoming the news and "
    "others saying they would wait to see whether promises made this time would be kept.",
    "In a separate development, the regional administration said it would hold a press conference on "
    "Monday to answer questions from the public about the plans and their cost.",
]
REPLACEMENT_WORDS = ["reportedly", "several", "major", "new", "local", "senior", "recent", "early", "key"]

# Two house styles for short exchange reports (our own wording): same words, other facts.
TEMPLATES = [
    "On {day}, another exchange of prisoners took place between Ukraine and Russia. {ua} people returned "
    "to Ukraine, and {ru} were handed over to the Russian side. {mediation} Those freed are receiving "
    "medical care and will be reunited with their families soon. The coordination headquarters thanked "
    "everyone involved and said work on the next exchange continues.",
    "{ua_words} Ukrainians are home again. The exchange on {day} also returned {ru} servicemen to Russia, "
    "according to statements published by both governments. {mediation} Relatives who gathered at the "
    "reception point described the day as the best news in months, while officials warned that many "
    "more people remain in captivity and that negotiations are difficult.",
]
MEDIATION = {
    "": "No mediator was named in the official statements.",
    "AE": "The United Arab Emirates mediated the exchange, its foreign ministry said.",
    "TR": "Turkey helped to arrange the exchange, officials said.",
    "SA": "Saudi Arabia took part in the negotiations that led to the exchange.",
    "QA": "Qatar said it had facilitated the talks.",
    "US": "The United States said it had supported the exchange.",
    "VA": "The Holy See said it had supported the humanitarian effort.",
}


@dataclass(frozen=True)
class Article:
    article_id: str
    text: str
    story: str  # the true story
    source: str  # aeb | labelled | template | sample
    published_at: datetime | None


def corpora_dir() -> Path:
    shared = Path(os.environ.get("SWAPWIRE_SHARED", PROJECT_ROOT.parent / "shared"))
    return Path(os.environ.get("SWAPWIRE_CORPORA", shared / "corpora")).resolve()


def sentences_of(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def with_boilerplate(text: str, rng: random.Random) -> str:
    top, bottom = rng.sample(BOILERPLATE, 2), rng.sample(BOILERPLATE, 2)
    return "\n".join([*top, text, *bottom])


def edit_words(text: str, rng: random.Random, n: int = 4) -> str:
    words = text.split(" ")
    for index in rng.sample(range(len(words)), min(n, len(words))):
        words[index] = rng.choice(REPLACEMENT_WORDS)
    return " ".join(words)


def drop_sentence(text: str, rng: random.Random) -> str:
    sentences = sentences_of(text)
    if len(sentences) > 3:
        del sentences[rng.randrange(1, len(sentences) - 1)]
    return " ".join(sentences)


def truncate(text: str, share: float = 0.7) -> str:
    words = text.split(" ")
    return " ".join(words[: max(1, int(len(words) * share))]) + " ... Continue reading"


def add_paragraph(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n")
    paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), rng.choice(ADDED_PARAGRAPHS))
    return "\n".join(paragraphs)


def syndicated_variants(text: str, rng: random.Random) -> list[str]:
    """Seven copies of one text as other outlets and later versions carry it."""
    return [
        with_boilerplate(text, rng),
        edit_words(text, rng),
        drop_sentence(text, rng),
        truncate(text),
        add_paragraph(text, rng),
        with_boilerplate(edit_words(drop_sentence(text, rng), rng), rng),
        with_boilerplate(truncate(text, 0.75), rng),
    ]


def aeb_articles(corpora: Path, n_bases: int, rng: random.Random) -> tuple[list[Article], float]:
    """Bases from aeb with their copies; also returns the URL canonicalisation accuracy."""
    truth = json.loads((corpora / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(page_id for page_id, page in truth.items() if len(page["articleBody"].split()) >= 120)
    rng.shuffle(ids)
    articles, url_checks, url_ok = [], 0, 0
    day = datetime(2024, 1, 1)
    for number, page_id in enumerate(ids[:n_bases]):
        body, url = truth[page_id]["articleBody"], truth[page_id]["url"]
        story = f"aeb-{page_id[:12]}"
        published = day + timedelta(hours=number)
        articles.append(Article(article_id_for(canonicalize_url(url)), body, story, "aeb", published))
        for copy_no, variant in enumerate(syndicated_variants(body, rng)):
            articles.append(
                Article(
                    f"{story}-copy{copy_no}", variant, story, "aeb", published + timedelta(minutes=copy_no)
                )
            )
        expected = canonicalize_url(url)
        for tracked in url_variants(url):
            url_checks += 1
            url_ok += canonicalize_url(tracked) == expected
    return articles, url_ok / max(url_checks, 1)


def url_variants(url: str) -> list[str]:
    """The URL as feeds and shares spell it: tracking parameters, fragment, AMP, mobile host."""
    parts = re.match(r"^(https?)://(?:www\.)?([^/]+)(/[^?#]*)?(\?[^#]*)?", url)
    assert parts, url
    scheme, host, path, query = parts.group(1), parts.group(2), parts.group(3) or "/", parts.group(4) or ""
    joiner = "&" if query else "?"
    return [
        f"{url}{joiner}utm_source=rss&utm_medium=feed&utm_campaign=world",
        f"{url}{joiner}fbclid=IwAR0abcdef&ocid=msn",
        f"{url}#comments",
        f"{scheme}://www.{host}{path}{query}",
        f"{scheme}://m.{host}{path}{query}",
        f"{scheme}://{host}{path.rstrip('/')}/amp{query}",
    ]


def labelled_articles(rng: random.Random) -> list[Article]:
    articles = []
    for number, path in enumerate(sorted((PROJECT_ROOT / "eval" / "labelled").glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        story = f"labelled-{path.stem}"
        published = datetime(2024, 3, 1) + timedelta(hours=number)
        articles.append(Article(story, text, story, "labelled", published))
        if number % 3 == 0:
            for copy_no, variant in enumerate((with_boilerplate(text, rng), truncate(text, 0.7))):
                articles.append(Article(f"{story}-copy{copy_no}", variant, story, "labelled", published))
    return articles


def number_words(value: int) -> str:
    small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return small[value].capitalize() if value < len(small) else f"In all, {value}"


def template_articles(rng: random.Random) -> list[Article]:
    reference = PROJECT_ROOT.parent / "shared" / "eval" / "exchanges_reference.csv"
    reference = (
        Path(os.environ.get("SWAPWIRE_SHARED", reference.parents[1])) / "eval" / "exchanges_reference.csv"
    )
    articles = []
    with reference.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        event = datetime.fromisoformat(row["event_date"])
        ua = int(row["returned_to_ukraine"] or 0) or 100
        ru = int(row["returned_to_russia"] or 0) or ua
        mediators = row["mediators"].split()
        mediation = MEDIATION.get(mediators[0] if mediators else "", MEDIATION[""])
        for number, template in enumerate(TEMPLATES):
            text = template.format(
                day=event.strftime("%d %B %Y"), ua=ua, ru=ru, ua_words=number_words(ua), mediation=mediation
            )
            story = f"template{number}-{row['event_date']}"
            articles.append(Article(story, text, story, "template", event))
            articles.append(Article(f"{story}-copy", with_boilerplate(text, rng), story, "template", event))
    return articles


def sample_site_articles() -> list[Article]:
    path = PROJECT_ROOT / "sample_site" / "_generator" / "articles.py"
    if not path.exists():
        return []
    spec = importlib.util.spec_from_file_location("_sample_articles", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return [
        Article(
            f"sample-{item.key}",
            "\n".join(item.paras),
            f"sample-{item.syndicated_from or item.key}",
            "sample",
            datetime.fromisoformat(item.published.replace("Z", "")),
        )
        for item in module.ARTICLES
    ]


def pair_counts(truth: list[str], predicted: list[str]) -> tuple[int, int, int]:
    """(true-positive pairs, predicted-same pairs, truly-same pairs), from the contingency table."""

    def pairs(counter: Counter) -> int:
        return sum(count * (count - 1) // 2 for count in counter.values())

    return (
        pairs(Counter(zip(truth, predicted, strict=True))),
        pairs(Counter(predicted)),
        pairs(Counter(truth)),
    )


def run_index(articles: list[Article], batch_size: int, seed: int) -> tuple[dict[str, str], float]:
    order = articles[:]
    random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "eval.duckdb"))
        con.execute(MIGRATION.read_text(encoding="utf-8"))
        started = time.perf_counter()
        assigned: dict[str, str] = {}
        for start in range(0, len(order), batch_size):
            batch = [
                StoryInput(a.article_id, a.text, a.published_at) for a in order[start : start + batch_size]
            ]
            con.execute("begin transaction")
            assigned |= story_index.assign_stories(con, batch)
            con.execute("commit")
        elapsed = time.perf_counter() - started
        con.close()
    return assigned, elapsed


def report(
    articles: list[Article], assigned: dict[str, str], label: str, elapsed: float
) -> tuple[float, float]:
    print(
        f"\n{label}: {len(articles)} articles, {len({a.story for a in articles})} true stories, {elapsed:.2f} s"
    )
    print(f"  {'subset':<10} {'pairs':>7} {'precision':>9} {'recall':>7}  errors")
    totals = None
    for subset in ["all", "aeb", "labelled", "template", "sample"]:
        chosen = [a for a in articles if subset == "all" or a.source == subset]
        if not chosen:
            continue
        tp, predicted, actual = pair_counts(
            [a.story for a in chosen], [assigned[a.article_id] for a in chosen]
        )
        precision = tp / predicted if predicted else 1.0
        recall = tp / actual if actual else 1.0
        print(
            f"  {subset:<10} {actual:>7} {precision:>9.4f} {recall:>7.4f}  "
            f"{predicted - tp} false-merge pairs, {actual - tp} missed pairs"
        )
        if subset == "all":
            totals = (precision, recall)
    assert totals
    return totals


def exact_separation(articles: list[Article], widths: list[int]) -> None:
    """For each shingle width: exact containment of copies vs of other stories (those the figures
    veto does not already separate), and the best pairwise F1 a containment threshold reaches."""
    print("\nexact containment by shingle width (pairs; negatives after the figures veto)")
    print(
        f"  {'width':>5} {'copies p1':>9} {'copies min':>10} {'negatives max':>13} {'best pair F1':>12} {'at':>5}"
    )
    stories = [a.story for a in articles]
    facts = [dedup.fact_hashes(a.text) for a in articles]
    story_sizes = Counter(stories)
    n_positive_pairs = sum(n * (n - 1) // 2 for n in story_sizes.values())
    for width in widths:
        shingle_sets = [set(dedup.shingle_hashes(a.text, words=width).tolist()) for a in articles]
        postings: dict[int, list[int]] = defaultdict(list)
        for index, shingles in enumerate(shingle_sets):
            for shingle in shingles:
                postings[shingle].append(index)
        shared: Counter = Counter()
        for docs in postings.values():
            if 1 < len(docs) < 200:
                shared.update(combinations(docs, 2))
        positives, negatives = [], []
        for (a, b), common in shared.items():
            containment = common / max(min(len(shingle_sets[a]), len(shingle_sets[b])), 1)
            if stories[a] == stories[b]:
                positives.append(containment)
            elif dedup.fact_conflicts(facts[a], facts[b]) <= dedup.MAX_FACT_CONFLICTS:
                negatives.append(containment)
        positives += [0.0] * (n_positive_pairs - len(positives))  # copies sharing no shingle at all
        positives.sort()
        negatives.sort()
        best_f1, best_threshold = 0.0, 0.0
        for threshold in [step / 20 for step in range(4, 20)]:
            found = len(positives) - bisect_left(positives, threshold)
            wrong = len(negatives) - bisect_left(negatives, threshold)
            f1 = 2 * found / (2 * found + wrong + (len(positives) - found)) if found else 0.0
            if f1 > best_f1:
                best_f1, best_threshold = f1, threshold
        print(
            f"  {width:>5} {positives[len(positives) // 100]:>9.3f} {positives[0]:>10.3f} "
            f"{negatives[-1] if negatives else 0:>13.3f} {best_f1:>12.4f} {best_threshold:>5.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bases", type=int, default=100, help="aeb pages to build syndication groups from")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=50, help="articles per assign_stories call")
    parser.add_argument("--thresholds", default="", help="comma-separated thresholds to compare")
    parser.add_argument("--min-jaccard", type=float, default=None, help="override dedup.MIN_JACCARD")
    parser.add_argument("--shingles", default="", help="comma-separated shingle widths to compare (exact)")
    args = parser.parse_args()

    corpora = corpora_dir()
    if not (corpora / "aeb" / "ground-truth.json").exists():
        print(
            f"aeb corpus not found under {corpora} (set SWAPWIRE_CORPORA); cannot evaluate", file=sys.stderr
        )
        return 2
    if args.min_jaccard is not None:
        dedup.MIN_JACCARD = args.min_jaccard
    rng = random.Random(args.seed)
    started = time.perf_counter()
    aeb, url_accuracy = aeb_articles(corpora, args.bases, rng)
    articles = aeb + labelled_articles(rng) + template_articles(rng) + sample_site_articles()
    print(f"built {len(articles)} articles in {time.perf_counter() - started:.1f} s")
    print(f"URL variants mapped to their canonical URL: {url_accuracy:.4f}")
    print(
        f"parameters: shingles={dedup.SHINGLE_WORDS} words, num_perm={dedup.NUM_PERM}, "
        f"bands={dedup.BANDS}x{dedup.ROWS}, threshold={dedup.SAME_STORY_THRESHOLD} (containment), "
        f"min_jaccard={dedup.MIN_JACCARD}, max_fact_conflicts={dedup.MAX_FACT_CONFLICTS}"
    )
    if args.shingles:
        exact_separation(articles, [int(width) for width in args.shingles.split(",")])

    thresholds = [float(value) for value in args.thresholds.split(",")] if args.thresholds else []
    for threshold in thresholds:
        story_index.SAME_STORY_THRESHOLD = threshold
        assigned, elapsed = run_index(articles, args.batch, args.seed)
        report(articles, assigned, f"threshold {threshold}", elapsed)
    story_index.SAME_STORY_THRESHOLD = dedup.SAME_STORY_THRESHOLD
    assigned, elapsed = run_index(articles, args.batch, args.seed)
    precision, recall = report(articles, assigned, f"chosen threshold {dedup.SAME_STORY_THRESHOLD}", elapsed)
    print(f"\nprecision {precision:.4f} recall {recall:.4f} (targets: >= 0.99, >= 0.97)")
    return 0 if precision >= 0.99 and recall >= 0.97 else 1


if __name__ == "__main__":
    raise SystemExit(main())
