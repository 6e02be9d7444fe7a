"""The property behind the input rules: no post anyone can import or type makes a public page answer 5xx.

Hypothesis generates posts (any Unicode title, byline, category and tag names, slugs, dates,
sizes), brings them in through import_page, import_wxr and the admin's article form, then
requests every public URL and feed: each answers below 500, and each HTML page parses as
strict HTML5. The normal suite runs a few fixed examples (PROPERTY_EXAMPLES, default 6) on
both databases; `make test-property` runs many more, drawn at random.
"""
import itertools
import os
from datetime import datetime
from io import StringIO
from urllib.parse import quote

import html5lib
import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings, strategies as st

from articles.models import Article, Author, Category, Entity, Series
from tests.sources import page_text, wxr, wxr_item

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "6"))
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# What XML 1.0 can carry at all (an export holding anything else is malformed, which has its own test).
XML_UNSAFE = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]

# Odd but valid Unicode: right-to-left and bidi controls, combining marks piled on one letter, U+FFFF's
# neighbours, zero-width characters.
ODD = ["\u202eevil\u202c", "\u200f\u05e9\u05dc\u05d5\u05dd", "e" + "\u0301" * 60, "\ufeff", "\u200b\u200d",
       "\U0010fffd", "\ufffd", "A\u0308\u0332" * 20]
line = st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters=XML_UNSAFE),
               min_size=1, max_size=60).filter(str.strip)
name = st.one_of(line, st.sampled_from(["김정은", "문재인 대통령", "習近平", "Đặng", "!!!", "🔥", "a/b", "x" * 250, *ODD]))
slug = st.one_of(st.just(""), line, st.sampled_from(["trade%2Fdeals", "%ea%b9%80", "a/b", "///", "%", "-"]))
moment = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 28)),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 12, 28)),
)
body = st.builds(lambda text, times: "\n\n".join([text] * times),
                 st.text(st.characters(exclude_categories=["Cs"], exclude_characters=XML_UNSAFE), max_size=200),
                 st.integers(1, 30))
# Hostile bodies: nesting around the limit and far past it, formatting left open across paragraphs, long
# runs of blanks, huge attributes, "&" around the per-run limit, unclosed tags and comments.
hostile_body = st.one_of(
    st.builds(lambda tag, depth: f"<{tag}>" * depth + "Deep." + f"</{tag}>" * depth,
              st.sampled_from(["div", "blockquote", "span", "ul><li", "table><tr><td", "em"]),
              st.sampled_from([5, 99, 100, 101, 3000])),
    st.builds(lambda n: "".join(f'<p><b id="b{i}">Open {i}</p>' for i in range(n)), st.sampled_from([3, 120])),
    st.builds(lambda blank, n: f"<p>Blanks{blank * n}here.</p>\n\n{blank * n}",
              st.sampled_from([" ", "\t", "\n", "\u00a0", " \n"]), st.integers(1, 30_000)),
    st.builds(lambda n, quote: f'<p><a href="https://example.org/{"a" * n}" title={quote}{"t" * n}{quote}>x</a></p>',
              st.integers(1, 200_000), st.sampled_from(['"', "'"])),
    st.builds(lambda n: "<p>" + "&amp; " * n + "</p>", st.sampled_from([10, 9_999, 10_001])),
    st.sampled_from(["<p>Unclosed <a href='x", "<!-- unclosed <p>x</p>", "<" * 5000, "<p " * 3000,
                     "</" * 3000, "<svg><div>" + "<span/>" * 200, *(f"<p>{odd}</p>" for odd in ODD)]),
)
post = st.fixed_dictionaries({
    "title": name, "slug": slug, "byline": st.lists(name, min_size=1, max_size=3),
    "categories": st.lists(st.tuples(slug, name), max_size=3), "tags": st.lists(st.tuples(slug, name), max_size=4),
    "when": moment, "body": st.one_of(body, hostile_body), "post_id": st.one_of(st.integers(1, 10**6).map(str), st.sampled_from(["²", "1" * 30])),
    "link": st.sampled_from(["https://www.keia.org/", "/the-peninsula/", "javascript:alert(1)", "data:text/html,x",
                             "//evil.example/", "vbscript:x"]),
})
_files = itertools.count()


def stamp(when):
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d} {when.hour:02d}:{when.minute:02d}:{when.second:02d}"


def one_line_command_error(command, *args):
    """Run `command`; a refusal must be a one-line CommandError (nothing else may escape)."""
    try:
        call_command(command, *args, "--no-progress", stdout=StringIO(), stderr=StringIO())
    except CommandError as error:
        assert "\n" not in str(error), str(error)


def import_as_pages(posts, folder):
    for item in posts:
        date = f"{MONTHS[item['when'].month - 1]} {item['when'].day}, {item['when'].year:04d}"
        text = page_text(" ".join(item["title"].split()), date=date, byline=" and ".join(item["byline"]),
                         categories=[n for _, n in item["categories"]], body=item["body"] or "Text.")
        path = folder / f"page-{next(_files)}.txt"
        path.write_text(text, encoding="utf-8")
        one_line_command_error("import_page", str(path))


def import_as_wxr(posts, folder):
    items = [wxr_item(item["post_id"], item["title"], slug=item["slug"], date=stamp(item["when"]),
                      creator=item["byline"][0], categories=item["categories"], tags=item["tags"], body=item["body"])
             for item in posts]
    path = folder / f"export-{next(_files)}.xml"
    path.write_text(wxr(*items), encoding="utf-8")
    one_line_command_error("import_wxr", str(path))


def post_through_the_admin(client, item):
    when = item["when"]
    data = {"title": item["title"], "slug": item["slug"], "status": "published", "body": item["body"],
            "published_at_0": f"{when.year:04d}-{when.month:02d}-{when.day:02d}", "published_at_1": "12:00:00",
            "excerpt": "", "author_note": "", "publish_anyway": "on",
            "related_links-TOTAL_FORMS": "1", "related_links-INITIAL_FORMS": "0",
            "related_links-0-title": "See also", "related_links-0-url": item["link"], "related_links-0-position": "0"}
    for prefix in ["author_links", "category_links", "entity_links", "legacy_urls"]:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post("/admin/articles/article/add/", data)
    assert response.status_code in (200, 302), response.status_code
    if item["link"].startswith(("javascript:", "data:", "vbscript:", "//")):
        assert not Article.objects.filter(related_links__url=item["link"]).exists()


def public_urls():
    urls = {"/", "/the-peninsula/", "/the-peninsula/?page=2", "/tags/", "/feed/", "/feed/atom/", "/sitemap.xml",
            "/robots.txt", "/search/?q=korea", "/search/?q=%EA%B9%80"}
    for article in Article.objects.all():
        urls.add(article.get_absolute_url())
        urls.add(f"/search/?q={quote(article.title[:40])}")
        if article.published_at:
            urls.add(f"/the-peninsula/{article.published_at.year}/")
            urls.add(f"/the-peninsula/{article.published_at.year}/{article.published_at.month}/")
    for model, feed in [(Category, "feed/"), (Author, "feed/"), (Series, "feed/"), (Entity, "feed/")]:
        for row in model.objects.all():
            urls.update({row.get_absolute_url(), row.get_absolute_url() + feed, row.get_absolute_url() + feed + "atom/"})
    for entity in Entity.objects.all():
        urls.add(f"/the-peninsula/?theme={quote(entity.slug)}")
    return urls


def assert_every_public_page_answers():
    client = Client(raise_request_exception=False)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    for url in sorted(public_urls()):
        response = client.get(url)
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        if response.status_code in (200, 404) and response["Content-Type"].startswith("text/html"):
            try:
                parser.parse(response.content.decode())
            except html5lib.html5parser.ParseError as error:
                raise AssertionError(f"{url} is not strict HTML5: {error}") from None


@pytest.mark.django_db
@settings(max_examples=EXAMPLES, deadline=None, derandomize="PROPERTY_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(posts=st.lists(post, min_size=1, max_size=3))
def test_no_imported_or_typed_post_makes_a_public_page_fail(posts, tmp_path, admin_user):
    cache.clear()
    with transaction.atomic():
        import_as_pages(posts, tmp_path)
        import_as_wxr(posts, tmp_path)
        admin = Client()
        admin.force_login(admin_user)
        for item in posts:
            post_through_the_admin(admin, item)
        assert_every_public_page_answers()
        transaction.set_rollback(True)


# Hostile text on the other input paths: the entity form (aliases of any length), search and the sign-up form.
# The entity form is called in-process, so its text may hold lone surrogates; URLs and posts carry the
# same text percent-encoded as bytes (invalid UTF-8 where a surrogate was).
hostile_text = st.one_of(
    st.text(max_size=80),  # any code point, lone surrogates and U+FFFF included
    st.sampled_from(ODD + ["\uffff", "\uffff\uffff", "\ud800", "x\udfffy", "\x00", "a" * 10_000, " " * 40_000,
                           "Kim" + " " * 5000 + "Jong-un", "&" * 5000, "<" * 5000]),
)


def encoded(text):
    return quote(text.encode("utf-8", "surrogatepass"))


@pytest.mark.django_db
@settings(max_examples=EXAMPLES, deadline=None, derandomize="PROPERTY_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(name=hostile_text, aliases=st.lists(hostile_text, max_size=3), query=hostile_text, email=hostile_text)
def test_no_hostile_alias_query_or_address_makes_a_page_fail(name, aliases, query, email):
    from articles.admin.forms import EntityForm
    from articles.entities import load_gazetteer

    cache.clear()
    with transaction.atomic():
        form = EntityForm({"name": name, "slug": "", "kind": "topic", "aliases": "\n".join(aliases)})
        if form.is_valid():  # refused with a form error otherwise: either way, no exception
            form.save()
        load_gazetteer().matches(f"Kim Jong-un met {name} and {' '.join(aliases)} in Seoul.")
        client = Client(raise_request_exception=False)
        for url in (f"/search/?q={encoded(query)}", f"/the-peninsula/?theme={encoded(query)}",
                    f"/tag/{encoded(query)}/", f"/the-peninsula/{encoded(query)}/"):
            assert client.get(url).status_code < 500, url
        response = client.post("/subscribe/", f"email={encoded(email)}", content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500
        transaction.set_rollback(True)
