"""Render the sample news site from `articles.py`: pages, feeds, revision 2 and expected.json.

Run from the project root: `.venv/bin/python sample_site/_generator/build.py`. The output is
committed; this script only exists so the pages, feeds and expected results stay consistent
when the content changes. Each outlet has its own template, as real sites do: different
markup, different places for the date, different boilerplate.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import ARTICLES, REVISION_2, Article  # noqa: E402

SITE = Path(__file__).resolve().parents[1]
REVISION_2_DIR = SITE / "_revision2"
BASE = "{{BASE}}"
# The Courier's header shows the date the page was last rendered, not the article's date.
COURIER_HEADER_DATE = "Sunday, 22 November 2026"
BY_KEY = {a.key: a for a in ARTICLES}


def when(article: Article, field: str = "published") -> datetime:
    value = getattr(article, field)
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


def e(text: str) -> str:
    return escape(text, quote=True)


def link_to(key: str) -> tuple[str, str]:
    other = BY_KEY[key]
    return other.path, other.title


def related(article: Article, n: int = 3) -> list[Article]:
    """Other stories of the same outlet, nearest first in the content order (deterministic)."""
    same = [a for a in ARTICLES if a.outlet == article.outlet and a.key != article.key]
    index = [a.key for a in ARTICLES].index(article.key)
    same.sort(key=lambda a: abs([x.key for x in ARTICLES].index(a.key) - index))
    return same[:n]


# ------------------------------------------------------------------ Meridian Wire (agency)
def render_meridian(a: Article) -> str:
    t = when(a)
    paras = [f"<p>{e(p)}</p>" for p in a.paras]
    if len(paras) > 2:
        paras.insert(2, "<p>Advertisement · Scroll to continue</p>")
    if a.read_also:
        path, title = link_to(a.read_also)
        paras.insert(min(4, len(paras)), f'<p>Read also: <a href="{BASE}{path}">{e(title)}</a></p>')
    if a.photo:
        # Meridian prints the caption as a paragraph under the picture, inside the body.
        caption, credit = a.photo
        paras.insert(1, f'<img src="/static/img/placeholder.jpg" alt=""><p><em>{e(caption)} (Photo : {e(credit)})</em></p>')
    related_items = "".join(f'<li><a href="{BASE}{r.path}">{e(r.title)}</a></li>' for r in related(a))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(a.title)} | Meridian Wire</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{e(a.summary)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="Meridian Wire">
<link rel="canonical" href="{BASE}{a.path}">
</head>
<body>
<div id="consent-banner" role="dialog">
  <p>We and our partners use cookies to personalise content and ads and to analyse our traffic. <button>Accept all</button> <button>Manage choices</button></p>
</div>
<header class="masthead">
  <a class="logo" href="/meridian/">Meridian Wire</a>
  <nav class="primary-nav"><ul>
    <li><a href="/meridian/world/">World</a></li><li><a href="/meridian/business/">Business</a></li>
    <li><a href="/meridian/markets/">Markets</a></li><li><a href="/meridian/world/europe/">Europe</a></li>
    <li><a href="/meridian/sport/">Sport</a></li><li><a href="/meridian/video/">Video</a></li>
  </ul></nav>
</header>
<main>
<nav class="breadcrumbs" aria-label="breadcrumb"><a href="/meridian/">Home</a> › <a href="/meridian/world/">World</a> › <a href="/meridian/world/europe/">Europe</a></nav>
<article class="story">
  <h1 class="headline">{e(a.title)}</h1>
  <div class="byline">By <a href="/meridian/authors/">{e(a.author)}</a></div>
  <time datetime="{t.strftime("%Y-%m-%dT%H:%M:%SZ")}">{t.strftime("%B %-d, %Y %-I:%M %p")} GMT</time>
  <div class="article-body">
{chr(10).join(paras)}
<p class="signoff">Reporting by Meridian's Kyiv bureau; Editing by Tom Ashby</p>
  </div>
  <div class="share-bar">Share this @MeridianWire · <a href="#">X</a> · <a href="#">LinkedIn</a> · <a href="#">Email</a></div>
  <p class="trust">Our Standards: The Meridian Trust Principles.</p>
</article>
<aside class="related"><h2>Related coverage</h2><ul>{related_items}</ul></aside>
<section class="newsletter"><h2>Morning Brief</h2><p>Sign up for the Meridian Morning Brief: the day's top stories in your inbox.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></section>
</main>
<footer class="site-footer">
  <p>© 2026 Meridian Wire. All rights reserved.</p>
  <ul><li><a href="/meridian/about/">About us</a></li><li><a href="/meridian/privacy/">Privacy</a></li><li><a href="/meridian/terms/">Terms of use</a></li><li><a href="/meridian/contact/">Contact</a></li></ul>
  <p>All quotes delayed a minimum of 15 minutes.</p>
</footer>
</body>
</html>
"""


# ------------------------------------------------------------------ The Daily Clarion (tabloid)
def render_clarion(a: Article) -> str:
    t = when(a)
    modified = when(a, "updated") if a.updated else t
    body = [f'<div class="story-text">{e(p)}</div>' for p in a.paras]
    body.insert(0, f'<div class="story-text"><b>{e(a.title)}</b></div>')  # the headline again
    if len(body) > 3:
        body.insert(3, '<div class="story-text">ADVERTISEMENT</div>')
    if a.read_also:
        path, title = link_to(a.read_also)
        body.insert(min(5, len(body)), f'<div class="story-text">READ MORE: <a href="{path}">{e(title)}</a></div>')
    photo = ""
    if a.photo:
        caption, credit = a.photo
        photo = f'<div class="pic"><img src="/clarion/img/p.jpg" alt=""><span class="pic-caption">{e(caption)} (Photo : {e(credit)})</span></div>'
    updated_line = ""
    if a.updated:
        updated_line = f'<div class="story-meta">Updated: {modified.strftime("%H:%M, %-d %b %Y")}</div>'
    related_items = "".join(f'<div class="more-item"><a href="{r.path}">{e(r.title)}</a></div>' for r in related(a))
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{e(a.title)} | The Daily Clarion</title>
<meta property="og:url" content="{BASE}{a.path}">
<meta property="og:title" content="{e(a.title)}">
<meta property="og:description" content="{e(a.summary)}">
<meta property="article:published_time" content="{t.isoformat()}">
<meta property="article:modified_time" content="{modified.isoformat()}">
<meta property="article:section" content="{e(a.section)}">
<meta name="author" content="{e(a.author)}">
</head>
<body>
<div class="cookie-notice">The Clarion uses cookies. By continuing to browse you agree to our use of cookies. <a href="/clarion/cookies/">Find out more</a> <span class="btn">OK, GOT IT</span></div>
<div class="topbar"><div class="logo">THE DAILY CLARION</div>
<div class="menu"><a href="/clarion/">Home</a> <a href="/clarion/news/">News</a> <a href="/clarion/news/world/">World</a> <a href="/clarion/sport/">Sport</a> <a href="/clarion/showbiz/">Showbiz</a> <a href="/clarion/money/">Money</a> <a href="/clarion/puzzles/">Puzzles</a></div></div>
<div class="trending">TRENDING: Lottery winner · Royal visit · Transfer news · Weather warning</div>
<div class="page">
<div class="crumbs">Home » News » {e(a.section)}</div>
<div class="story">
<h1 class="story-headline">{e(a.title)}</h1>
<div class="story-standfirst">{e(a.summary)}</div>
<div class="story-meta">By {e(a.author)} · Published: {t.strftime("%H:%M, %-d %b %Y")}</div>
{updated_line}
{photo}
{chr(10).join(body)}
<div class="story-text">Got a story? Email news@clarion.example or call our newsdesk.</div>
<div class="share">Share this @DailyClarion · Facebook · WhatsApp · X</div>
</div>
<div class="app-promo">Download the Clarion app for breaking news alerts</div>
<div id="comments" class="comments"><h3>Comments</h3><p>Leave a comment</p><p>Your email address will not be published. Required fields are marked *</p><textarea></textarea><button>Post comment</button></div>
<div class="more-stories"><h3>MORE STORIES</h3>{related_items}</div>
</div>
<div class="footer">© The Daily Clarion 2026 · <a href="/clarion/terms/">Terms</a> · <a href="/clarion/privacy/">Privacy</a> · <a href="/clarion/contact/">Contact us</a> · Do not sell my personal information</div>
</body>
</html>
"""


# ------------------------------------------------------------------ Dnipro Valley Courier (regional)
def render_courier(a: Article, *, amp: bool = False) -> str:
    t = when(a)
    visible_date = t.strftime("%A %-d %B %Y, %-I:%M %p").replace("AM", "am").replace("PM", "pm")
    paras = [f"<p>{e(p)}</p>" for p in a.paras]
    if len(paras) > 1:
        paras.insert(2, '<div class="inline-ad"><p>Advertisement</p></div>' if not amp else "<p>Advertisement</p>")
    if a.read_also:
        path, title = link_to(a.read_also)
        paras.insert(min(4, len(paras)), f'<p class="also">Read also: <a href="{BASE}{path}">{e(title)}</a></p>')
    photo = ""
    if a.photo:
        caption, credit = a.photo
        photo = f'<div class="photo"><img src="/courier/i/x.jpg" alt=""><p class="caption">{e(caption)} (Photo : {e(credit)})</p></div>'
    if a.syndicated_from:
        paras.append("<p><em>This story was provided by Meridian Wire. The Courier is not responsible for its content.</em></p>")
    canonical = f"{BASE}{a.path}"
    amp_link = f'<link rel="amphtml" href="{BASE}{a.feed_link}">' if a.feed_link and "/amp/" in a.feed_link else ""
    if amp:
        return f"""<!doctype html>
<html amp lang="en">
<head>
<meta charset="utf-8">
<title>{e(a.title)} - Dnipro Valley Courier</title>
<link rel="canonical" href="{canonical}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
</head>
<body>
<header class="amp-header"><a href="/courier/">Dnipro Valley Courier</a></header>
<div class="amp-story">
<h1>{e(a.title)}</h1>
<p class="amp-date">Published {visible_date}</p>
{chr(10).join(paras)}
</div>
<footer>© Dnipro Valley Courier · <a href="{canonical}">View full site</a></footer>
</body>
</html>
"""
    related_items = "".join(f'<li><a href="{BASE}{r.path}">{e(r.title)}</a></li>' for r in related(a))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(a.title)} - Dnipro Valley Courier</title>
<link rel="canonical" href="{canonical}">
{amp_link}
</head>
<body>
<div class="cookies">This website uses cookies to improve your experience. <a href="#">Accept</a> | <a href="#">Reject</a></div>
<div class="header">
  <div class="datebar">{COURIER_HEADER_DATE} · Weather: -3°C, light snow</div>
  <div class="brand">Dnipro Valley Courier</div>
  <div class="nav"><a href="/courier/">Front page</a> | <a href="/courier/news/">News</a> | <a href="/courier/business/">Business</a> | <a href="/courier/news/education/">Education</a> | <a href="/courier/weather/">Weather</a> | <a href="/courier/obituaries/">Obituaries</a> | <a href="/courier/subscribe/">Subscribe</a></div>
</div>
<div class="wrap">
<div class="path">You are here: Front page / {e(a.section)}</div>
<div class="story">
<h2 class="story-title">{e(a.title)}</h2>
<p class="byline">By {e(a.author)} | Published {visible_date}</p>
{photo}
{chr(10).join(paras)}
<p class="share">Share this @DVCourier on Facebook · Telegram · Email</p>
<div class="newsletter"><p>Get the Courier in your inbox every morning. Subscribe to our free newsletter.</p></div>
</div>
<div class="comments-box"><p>Comments (0) · Log in to join the discussion. Comments are moderated and may take some time to appear.</p></div>
<div class="sidebar"><h3>Most read</h3><ul>{related_items}</ul></div>
</div>
<div class="footer"><p>Dnipro Valley Courier · Independent local news since 1994 · Letters to the editor · Advertise with us</p><p>© 2026 Courier Media. All rights reserved.</p></div>
</body>
</html>
"""


# ------------------------------------------------------------------ Eastern Policy Desk (think tank blog)
def render_policydesk(a: Article) -> str:
    t = when(a)
    json_ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": a.title,
            "datePublished": t.isoformat(),
            "author": {"@type": "Person", "name": a.author},
            "publisher": {"@type": "Organization", "name": "Eastern Policy Desk"},
        },
        ensure_ascii=False,
    )
    paras = [f"<p>{e(p)}</p>" for p in a.paras]
    if a.read_also:
        path, title = link_to(a.read_also)
        paras.insert(2, f'<p class="related-inline">Related analysis: <a href="{BASE}{path}">{e(title)}</a></p>')
    paras.insert(min(4, len(paras)), '<p class="support">Support independent research. Donate to the Eastern Policy Desk.</p>')
    comments = ""
    if a.reader_comments:
        items = "".join(
            f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{e(name)}</b>'
            f' says:</footer><div class="comment-content"><p>{e(text)}</p></div></article></li>'
            for name, text in a.reader_comments
        )
        comments = f'<div id="comments" class="comments-area"><h2 class="comments-title">{len(a.reader_comments)} comments</h2><ol class="comment-list">{items}</ol></div>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(a.title)} — Eastern Policy Desk</title>
<link rel="canonical" href="{BASE}{a.path}">
<script type="application/ld+json">{json_ld}</script>
</head>
<body class="single-post">
<div class="gdpr-bar">We use cookies for analytics only. <a href="#">Accept</a> · <a href="#">Decline</a></div>
<header id="site-header"><div class="site-title"><a href="/policydesk/">Eastern Policy Desk</a></div>
<div class="tagline">Independent analysis of security in Eastern Europe</div>
<ul class="menu"><li><a href="/policydesk/analysis/">Analysis</a></li><li><a href="/policydesk/data/">Data</a></li><li><a href="/policydesk/events/">Events</a></li><li><a href="/policydesk/about/">About</a></li><li><a href="/policydesk/donate/">Donate</a></li></ul></header>
<div id="content">
<article class="post">
<header class="entry-header">
<p class="crumbs"><a href="/policydesk/">Home</a> / <a href="/policydesk/analysis/">{e(a.section)}</a></p>
<h1 class="entry-title">{e(a.title)}</h1>
<p class="entry-meta">Posted on <time>{t.strftime("%-d %B %Y")}</time> by {e(a.author)}</p>
</header>
<div class="entry-content">
{chr(10).join(paras)}
<p>Share this @EasternPolicyDesk</p>
<p class="disclaimer">The views expressed are the author's own and do not necessarily reflect those of the Eastern Policy Desk.</p>
</div>
<footer class="entry-footer"><p>Subscribe to our weekly briefing for new analysis every Friday.</p></footer>
</article>
{comments}
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.</p><p>Comment</p><p>Name *</p><p>Email *</p><p>Save my name, email, and website in this browser for the next time I comment.</p></div>
</div>
<footer id="colophon"><p>© 2026 Eastern Policy Desk. Registered charity.</p><p>Proudly powered by WordPress</p></footer>
</body>
</html>
"""


# ------------------------------------------------------------------ Голос Подніпров'я (Ukrainian)
UK_MONTHS = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]


def render_holos(a: Article) -> str:
    t = when(a)
    kyiv = t.astimezone(ZoneInfo("Europe/Kyiv"))
    visible = f"{kyiv.day} {UK_MONTHS[kyiv.month - 1]} {kyiv.year}, {kyiv:%H:%M}"
    paras = [f"<p>{e(p)}</p>" for p in a.paras]
    paras.insert(0, f'<p class="title-repeat"><strong>{e(a.title)}</strong></p>')
    if len(paras) > 2:
        paras.insert(3, '<p class="adv">Реклама</p>')
    if a.read_also:
        path, title = link_to(a.read_also)
        paras.insert(min(5, len(paras)), f'<p>Читайте також: <a href="{BASE}{path}">{e(title)}</a></p>')
    photo = ""
    if a.photo:
        caption, credit = a.photo
        photo = f'<p class="img-sign">{e(caption)} (Фото : {e(credit)})</p>'
    related_items = "".join(f'<li><a href="{BASE}{r.path}">{e(r.title)}</a></li>' for r in related(a))
    return f"""<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<title>{e(a.title)} — Голос Подніпров'я</title>
<meta property="og:url" content="{BASE}{a.path}">
<meta property="og:title" content="{e(a.title)}">
<meta property="og:locale" content="uk_UA">
<meta property="article:published_time" content="{kyiv.isoformat()}">
</head>
<body>
<div class="cookie-popup">Ми використовуємо файли cookie, щоб сайт працював краще. <button>Погоджуюсь</button></div>
<div class="top-menu"><a href="/holos/">Головна</a> <a href="/holos/news/">Новини</a> <a href="/holos/war/">Війна</a> <a href="/holos/economy/">Економіка</a> <a href="/holos/society/">Суспільство</a> <a href="/holos/sport/">Спорт</a> <a href="/holos/blogs/">Блоги</a></div>
<div class="content">
<div class="news-item">
<p>• ГОЛОВНА» • {e(a.section).upper()}»</p>
<h1>{e(a.title)}</h1>
<div class="news-date">{visible}</div>
<div class="news-author">Автор: {e(a.author)}</div>
{photo}
<div class="news-text">
{chr(10).join(paras)}
<p>Поділитися: Facebook · Telegram · Viber</p>
<p>Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися головні новини.</p>
<p class="mistake">Якщо ви помітили помилку, виділіть її та натисніть Ctrl+Enter.</p>
</div>
</div>
<div class="more"><h3>Більше новин</h3><ul>{related_items}</ul></div>
</div>
<div class="footer">© 2026 «Голос Подніпров'я». Усі права захищено. Використання матеріалів дозволяється за умови посилання на сайт.</div>
</body>
</html>
"""


# ------------------------------------------------------------------ Северный вестник (Russian)
def render_vestnik(a: Article) -> str:
    t = when(a)
    msk = t.astimezone(ZoneInfo("Europe/Moscow"))
    visible = f"{msk.day} {RU_MONTHS[msk.month - 1]} {msk.year}, {msk:%H:%M}"
    paras = [f"<p>{e(p)}</p>" for p in a.paras]
    if len(paras) > 2:
        paras.insert(2, '<p class="inline-label">Реклама</p>')
    if a.read_also:
        path, title = link_to(a.read_also)
        paras.insert(min(4, len(paras)), f'<p class="see-also">Читайте также: <a href="{path}">{e(title)}</a></p>')
    related_items = "".join(f'<a class="rel" href="{r.path}">{e(r.title)}</a>' for r in related(a))
    return f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>{e(a.title)} — Северный вестник</title>
<link rel="canonical" href="{BASE}{a.path}">
<meta name="description" content="{e(a.summary)}">
</head>
<body>
<div class="cookie">Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с этим. <span>Принять</span></div>
<nav class="menu"><a href="/vestnik/">Главная</a> · <a href="/vestnik/politika/">Политика</a> · <a href="/vestnik/ekonomika/">Экономика</a> · <a href="/vestnik/obshchestvo/">Общество</a> · <a href="/vestnik/sport/">Спорт</a></nav>
<main>
<div class="crumbs">Главная / {e(a.section)}</div>
<article>
<h1>{e(a.title)}</h1>
<div class="meta"><time datetime="{t.strftime("%Y-%m-%dT%H:%M:%SZ")}">{visible}</time> · {e(a.author)}</div>
<div class="lead">{e(a.summary)}</div>
<div class="text">
{chr(10).join(paras)}
</div>
<div class="share">Поделиться: ВКонтакте · Одноклассники · Telegram</div>
<p class="subscribe">Подписывайтесь на наш канал в Telegram.</p>
</article>
<section class="comments"><h3>Комментарии</h3><p>Чтобы оставить комментарий, войдите на сайт.</p></section>
<section class="related"><h3>По теме</h3>{related_items}</section>
</main>
<footer>© 2026 «Северный вестник». 18+. При использовании материалов ссылка обязательна.</footer>
</body>
</html>
"""


RENDERERS: dict[str, Callable[[Article], str]] = {
    "meridian": render_meridian,
    "clarion": render_clarion,
    "courier": render_courier,
    "policydesk": render_policydesk,
    "holos": render_holos,
    "vestnik": render_vestnik,
}

# ------------------------------------------------------------------ feeds
# feed key -> (path, format, title, site path, language)
FEEDS: dict[str, tuple[str, str, str, str, str]] = {
    "meridian": ("/meridian/rss.xml", "rss", "Meridian Wire: Top News", "/meridian/", "en"),
    "meridian-europe": ("/meridian/europe/rss.xml", "rss", "Meridian Wire: Europe", "/meridian/world/europe/", "en"),
    "clarion": ("/clarion/atom.xml", "atom", "The Daily Clarion", "/clarion/", "en-GB"),
    "courier": ("/courier/rss.xml", "rss", "Dnipro Valley Courier", "/courier/", "en"),
    "policydesk": ("/policydesk/atom.xml", "atom", "Eastern Policy Desk", "/policydesk/", "en"),
    "holos": ("/holos/rss.xml", "rss", "Голос Подніпров'я — Новини", "/holos/", "uk"),
    "vestnik": ("/vestnik/atom.xml", "atom", "Северный вестник", "/vestnik/", "ru"),
}


def feed_members(articles: list[Article], feed_key: str) -> list[Article]:
    members = [a for a in articles if a.outlet == feed_key or feed_key in a.extra_feeds]
    return sorted(members, key=lambda a: when(a, "updated" if a.updated else "published"), reverse=True)


def entry_link(a: Article) -> str:
    return f"{BASE}{a.feed_link or a.path}{a.link_suffix}"


def render_rss(feed_key: str, articles: list[Article]) -> str:
    path, _, title, site_path, lang = FEEDS[feed_key]
    members = feed_members(articles, feed_key)
    newest = max(when(a, "updated" if a.updated else "published") for a in members)
    items = []
    for a in members:
        guid = f'<guid isPermaLink="false">{feed_key}-{a.key}</guid>' if feed_key.startswith("meridian") else f"<guid>{BASE}{a.path}</guid>"
        items.append(
            f"""  <item>
    <title>{e(a.title)}</title>
    <link>{e(entry_link(a))}</link>
    {guid}
    <pubDate>{format_datetime(when(a, "updated" if a.updated else "published"), usegmt=True)}</pubDate>
    <description>{e(a.summary)}</description>
    <category>{e(a.section)}</category>
  </item>"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
  <title>{e(title)}</title>
  <link>{BASE}{site_path}</link>
  <description>{e(title)}</description>
  <language>{lang}</language>
  <lastBuildDate>{format_datetime(newest, usegmt=True)}</lastBuildDate>
{chr(10).join(items)}
</channel>
</rss>
"""


def render_atom(feed_key: str, articles: list[Article]) -> str:
    path, _, title, site_path, lang = FEEDS[feed_key]
    members = feed_members(articles, feed_key)
    newest = max(when(a, "updated" if a.updated else "published") for a in members)
    entries = []
    for a in members:
        updated = when(a, "updated") if a.updated else when(a)
        entries.append(
            f"""  <entry>
    <title>{e(a.title)}</title>
    <link rel="alternate" type="text/html" href="{e(entry_link(a))}"/>
    <id>tag:{feed_key}.example,2022:{a.key}</id>
    <published>{when(a).strftime("%Y-%m-%dT%H:%M:%SZ")}</published>
    <updated>{updated.strftime("%Y-%m-%dT%H:%M:%SZ")}</updated>
    <author><name>{e(a.author)}</name></author>
    <summary>{e(a.summary)}</summary>
  </entry>"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">
  <title>{e(title)}</title>
  <id>tag:{feed_key}.example,2022:feed</id>
  <link rel="self" href="{BASE}{path}"/>
  <link rel="alternate" href="{BASE}{site_path}"/>
  <updated>{newest.strftime("%Y-%m-%dT%H:%M:%SZ")}</updated>
{chr(10).join(entries)}
</feed>
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_pages(articles: list[Article], root: Path) -> None:
    for a in articles:
        write(root / a.path.lstrip("/"), RENDERERS[a.outlet](a))
        if a.feed_link and "/amp/" in a.feed_link:
            write(root / a.feed_link.lstrip("/"), render_courier(a, amp=True))


def write_feeds(articles: list[Article], root: Path, only: set[str] | None = None) -> None:
    for key, (path, fmt, *_rest) in FEEDS.items():
        if only is not None and key not in only:
            continue
        text = render_rss(key, articles) if fmt == "rss" else render_atom(key, articles)
        write(root / path.lstrip("/"), text)


# ------------------------------------------------------------------ expected results
MEDIATORS = {
    "2022-03-24": [],
    "2022-06-29": [],
    "2022-09-21": ["SA", "TR"],
    "2023-01-08": [],
    "2023-05-06": [],
    "2023-07-06": [],
    "2024-01-03": ["AE"],
    "2025-03-19": ["AE"],
    "2026-02-05": ["AE", "US"],
}
# event_date -> (to Ukraine, to Russia, wounded to Ukraine, civilians to Ukraine, disputed)
FIGURES = {
    "2022-03-24": (29, 21, None, 19, False),
    "2022-06-29": (144, 144, None, None, False),
    "2022-09-21": (215, 56, None, None, False),
    "2023-01-08": (50, 50, None, None, False),
    "2023-05-06": (45, 3, None, None, False),
    "2023-07-06": (47, 45, None, 2, False),
    "2024-01-03": (230, 248, None, None, True),
    "2025-03-19": (197, 175, 22, None, False),
    "2026-02-05": (157, 160, None, 7, False),
}


def expected_results() -> dict:
    articles = list(ARTICLES)
    exchanges = []
    for event_date, (to_ua, to_ru, wounded, civilians, disputed) in FIGURES.items():
        paths = sorted(a.path for a in articles if a.exchange == event_date)
        exchanges.append(
            {
                "event_date": event_date,
                "returned_to_ukraine": to_ua,
                "returned_to_russia": to_ru,
                "mediators": MEDIATORS[event_date],
                "wounded_to_ukraine": wounded,
                "civilians_to_ukraine": civilians,
                "is_disputed": disputed,
                "n_articles": len(paths),
                "articles": paths,
            }
        )
    syndicated_group = sorted([a.path for a in articles if a.key == "H1" or a.syndicated_from == "H1"])
    n_stories = len(articles) - (len(syndicated_group) - 1)
    return {
        "feeds": len(FEEDS),
        "articles": len(articles),
        "stories": n_stories,
        "exchanges": exchanges,
        "negatives": sorted(a.path for a in articles if a.exchange is None),
        "syndicated": [syndicated_group],
        "updated_article": {
            "path": REVISION_2[0].path,
            "feed": FEEDS["clarion"][0],
            "revision_1": {
                "event_date": "2026-02-05",
                "returned_to_ukraine": 157,
                "returned_to_russia": None,
                "civilians_to_ukraine": 7,
                "mediators": ["AE", "US"],
                "title": BY_KEY["I2"].title,
            },
            "revision_2": {
                "event_date": "2026-02-05",
                "returned_to_ukraine": 157,
                "returned_to_russia": 160,
                "civilians_to_ukraine": 7,
                "mediators": ["AE", "US"],
                "title": REVISION_2[0].title,
                "updated": REVISION_2[0].updated,
            },
        },
        "feed_link_variants": {
            "amp": {"feed_link": BY_KEY["H2"].feed_link, "canonical": BY_KEY["H2"].path},
            "tracking_query": "?utm_source=rss&utm_medium=feed (Meridian, Courier), &utm_campaign=europe (Meridian Europe)",
            "fragment": BY_KEY["H3"].path + "#comments",
            "cross_posted": sorted(a.path for a in articles if "meridian-europe" in a.extra_feeds),
        },
        "notes": (
            "Figures follow exchanges_reference.csv: returned_to_ukraine is Ukraine's count and includes "
            "wounded and civilians returned in the same exchange (2025-03-19: 175 + 22 wounded = 197). "
            "2024-01-03 is disputed because the Clarion states a total of 'about 448' while the sides give "
            "230 + 248 = 478. Revision 2 changes only the Clarion's 2026-02-05 article (and its Atom "
            "entry's <updated>): it adds Russia's figure 160, which other articles already report, so the "
            "fused exchanges are the same after revision 1 and revision 2; the warehouse then holds two "
            "versions of that article. Articles count distinct canonical URLs: the Courier AMP page "
            "canonicalises to its normal URL; Meridian links carry utm_* parameters; four Meridian "
            "articles are cross-posted in two feeds. Negatives recall or mention swaps (a cumulative "
            "total, an agreement not carried out, bodies, children, student/energy/currency/stock "
            "exchanges, an exchange of fire) and must produce no exchange. Recalled swaps inside exchange "
            "articles (the 22 of 7 August 2023 in the Policy Desk's 2024-01-04 note; 144-for-144 and "
            "fifty-for-fifty in analyses) are not news and must not create exchanges."
        ),
    }


def main() -> None:
    articles = list(ARTICLES)
    write_pages(articles, SITE)
    write_feeds(articles, SITE)
    revised = [next((r for r in REVISION_2 if r.key == a.key), a) for a in articles]
    write_pages(list(REVISION_2), REVISION_2_DIR)
    write_feeds(revised, REVISION_2_DIR, only={r.outlet for r in REVISION_2})
    write(SITE / "robots.txt", "User-agent: *\nAllow: /\n")
    write(SITE / "expected.json", json.dumps(expected_results(), ensure_ascii=False, indent=2) + "\n")
    print(f"{len(articles)} articles, {len(FEEDS)} feeds written under {SITE}")


if __name__ == "__main__":
    main()
