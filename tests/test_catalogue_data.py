"""A migrated back catalogue tells the truth: structured data, dates and their precision, a sitemap of
reachable pages with the archives, bylines of every shape, quiet re-imports, and plain fixture messages."""
import json
import re
import warnings
from datetime import datetime, timezone
from io import StringIO
from xml.etree import ElementTree

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings

from articles.models import Article, Category, Series
from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 15, 16, tzinfo=timezone.utc)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def json_ld(client, path):
    html = client.get(path).content.decode()
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def import_page(*args):
    out = StringIO()
    call_command("import_page", *map(str, args), "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def write_page(tmp_path, header, name="post.txt", title="A Post About Trade"):
    path = tmp_path / name
    path.write_text(f"{title}\n\n{header}\n\nTrade between the two Koreas fell again this year, the figures show.\n\n"
                    "Exports to China made up the difference, as they have for a decade.\n", encoding="utf-8")
    return path


def write_wxr(tmp_path, modified="2012-05-03 08:00:00", content="Some words."):
    ns = "http://wordpress.org/export/1.2/"
    path = tmp_path / "site.xml"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">
<channel><title>Blog</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://blog.example.org</wp:base_site_url>
  <item><title>An Old Post</title><link>https://blog.example.org/an-old-post/</link>
    <dc:creator><![CDATA[editor]]></dc:creator>
    <content:encoded><![CDATA[{content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>7</wp:post_id><wp:post_date_gmt>2012-04-02 10:00:00</wp:post_date_gmt>
    <wp:post_modified_gmt>{modified}</wp:post_modified_gmt>
    <wp:post_name>an-old-post</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
  </item>
</channel></rss>""", encoding="utf-8")
    return path


def sitemap_urls(client):
    """{section URL: [page URLs]} of every section the sitemap index lists."""
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    sections = {}
    for loc in index.iter(f"{SITEMAP}loc"):
        page = ElementTree.fromstring(client.get(loc.text.removeprefix("http://testserver")).content)
        sections.setdefault(loc.text.split("?")[0], []).extend(
            (url.find(f"{SITEMAP}loc").text, getattr(url.find(f"{SITEMAP}lastmod"), "text", None))
            for url in page.iter(f"{SITEMAP}url"))
    return sections


# 3. Honest structured data

def test_publisher_logo_is_the_sites_and_image_is_the_first_body_picture(client):
    make_article(slug="pictured", body='<p>Text.</p><p><img src="/media/body/first.png" alt="A port"></p>'
                                       '<p><img src="https://example.org/second.png" alt="A ship"></p>')
    data = json_ld(client, "/the-peninsula/pictured/")
    assert data["publisher"]["logo"]["url"] == "http://testserver/static/img/logo.png"
    assert data["image"] == "http://testserver/media/body/first.png"


def test_without_any_picture_the_image_is_the_sites_card_not_the_logo(client):
    make_article(slug="plain")
    data = json_ld(client, "/the-peninsula/plain/")
    assert data["image"].endswith("/static/img/the-peninsula.png")
    assert data["publisher"]["logo"]["url"].endswith("/static/img/logo.png")


def test_an_imported_2012_post_is_modified_when_its_source_says_not_today(client, tmp_path):
    call_command("import_wxr", str(write_wxr(tmp_path)), "--no-progress", stdout=StringIO(), stderr=StringIO())
    article = Article.objects.get(slug="an-old-post")
    assert article.source_modified_at == datetime(2012, 5, 3, 8, tzinfo=timezone.utc)
    data = json_ld(client, "/the-peninsula/an-old-post/")
    assert data["dateModified"].startswith("2012-05-03")
    lastmods = dict(sitemap_urls(client)["http://testserver/sitemap-articles.xml"])
    assert lastmods["http://testserver/the-peninsula/an-old-post/"] == "2012-05-03"
    atom = ElementTree.fromstring(client.get("/feed/atom/").content)
    assert atom.find(f"{ATOM}entry/{ATOM}updated").text.startswith("2012-05-03")


def test_a_reimport_is_no_edit_and_a_real_edit_here_is(client, tmp_path):
    export = write_wxr(tmp_path)
    call_command("import_wxr", str(export), "--no-progress", stdout=StringIO(), stderr=StringIO())
    export.write_text(export.read_text().replace("Some words.", "Some words, corrected.")
                      .replace("2012-05-03 08:00:00", "2013-01-09 09:30:00"))
    with time_machine.travel(datetime(2026, 7, 1, tzinfo=timezone.utc), tick=False):
        call_command("import_wxr", str(export), "--no-progress", stdout=StringIO(), stderr=StringIO())
    article = Article.objects.get(slug="an-old-post")
    assert "corrected" in article.body
    assert article.modified_at == datetime(2013, 1, 9, 9, 30, tzinfo=timezone.utc)  # the source's, not July 2026
    with time_machine.travel(datetime(2026, 8, 2, tzinfo=timezone.utc), tick=False):
        article.title = "An Old Post, Retitled"
        article.save()
    assert json_ld(client, "/the-peninsula/an-old-post/")["dateModified"].startswith("2026-08-0")


def test_a_month_only_date_keeps_its_precision_everywhere(client, tmp_path):
    page = tmp_path / "post.txt"
    page.write_text("Trade in Spring\n\nBy Troy Stangarone\n\nTrade between the two Koreas fell again.\n\n"
                    "Exports to China made up the difference.\n", encoding="utf-8")
    import_page(page, "--url", "https://keia.org/2020/04/trade-in-spring/")
    article = Article.objects.get(slug="trade-in-spring")
    assert article.date_precision == "month"
    html = client.get("/the-peninsula/trade-in-spring/").content.decode()
    assert '<time datetime="2020-04">April 2020</time>' in html
    assert "April 1, 2020" not in html
    assert json_ld(client, "/the-peninsula/trade-in-spring/")["datePublished"] == "2020-04"
    index = client.get("/the-peninsula/").content.decode()
    assert "April 2020" in index and "April 1, 2020" not in index
    rss = ElementTree.fromstring(client.get("/feed/").content)
    assert rss.find("channel/item/pubDate").text.startswith("Wed, 01 Apr 2020")  # a feed needs a whole date


def test_a_day_date_shows_the_day():
    article = make_article(published_at=datetime(2015, 2, 18, 17, tzinfo=timezone.utc))
    assert article.published_label == "February 18, 2015"


# 4. Sitemap and archives

def test_every_url_in_the_sitemap_answers_200(client):
    people = make_author(slug="ann")
    shown, hidden = make_category(slug="shown"), make_category(slug="hidden")
    topic, secret = make_entity(slug="trade"), make_entity(slug="secret")
    make_article(slug="public", authors=[people], categories=[shown], entities=[topic], series=make_series(slug="s"),
                 published_at=datetime(2019, 3, 5, 12, tzinfo=timezone.utc))
    make_article(slug="2018", published_at=datetime(2018, 7, 1, 12, tzinfo=timezone.utc))  # a year as a slug
    make_article(slug="431", published_at=datetime(2018, 9, 1, 12, tzinfo=timezone.utc))
    make_article(slug="draft", status="draft", categories=[hidden], entities=[secret],
                 authors=[make_author(slug="ghost")], series=make_series(slug="unseen"))
    make_article(slug="soon", days_ago=-3, categories=[hidden])
    sections = sitemap_urls(client)
    urls = [url for section in sections.values() for url, _ in section]
    assert urls and len(urls) == len(set(urls))
    for url in urls:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url
    archives = [url for url, _ in sections["http://testserver/sitemap-archives.xml"]]
    assert archives == ["http://testserver/the-peninsula/2019/", "http://testserver/the-peninsula/2019/03/",
                        "http://testserver/the-peninsula/archive/2018/", "http://testserver/the-peninsula/2018/07/",
                        "http://testserver/the-peninsula/2018/09/"]
    assert not any("?" in url or "/page/" in url for url in urls)


def test_the_index_links_the_year_and_month_archives_with_counts(client):
    for day in (3, 9):
        make_article(published_at=datetime(2017, 5, day, 15, tzinfo=timezone.utc))
    make_article(published_at=datetime(2016, 11, 2, 15, tzinfo=timezone.utc))
    make_article(status="draft", published_at=datetime(2015, 1, 2, 15, tzinfo=timezone.utc))
    html = client.get("/the-peninsula/").content.decode()
    archives = html[html.index('<nav class="archives"'):]
    assert '<a href="/the-peninsula/2017/">2017</a> (2)' in archives
    assert '<a href="/the-peninsula/2017/05/" aria-label="May 2017">May</a> (2)' in archives
    assert '<a href="/the-peninsula/2016/11/" aria-label="November 2016">Nov</a> (1)' in archives
    assert "2015" not in archives  # a draft's year is not an archive
    make_article(published_at=datetime(2014, 2, 2, 15, tzinfo=timezone.utc))  # a new generation: the list follows
    assert '<a href="/the-peninsula/2014/">2014</a> (1)' in client.get("/the-peninsula/").content.decode()


def test_atom_content_has_absolute_urls(client):
    make_article(slug="linked", body='<p><a href="/the-peninsula/other/">Other</a> and <a href="#note">note</a></p>'
                                     '<p><img src="/media/x.png" alt="X"></p>')
    atom = ElementTree.fromstring(client.get("/feed/atom/").content)
    content = atom.find(f"{ATOM}entry/{ATOM}content").text
    assert 'href="http://testserver/the-peninsula/other/"' in content
    assert 'href="http://testserver/the-peninsula/linked/#linked__note"' in content
    assert 'src="http://testserver/media/x.png"' in content
    assert 'href="/' not in content and 'src="/' not in content


# 5. Bylines and re-imports

@pytest.mark.parametrize("line, names", [
    ("By Robert R. King", ["Robert R. King"]),
    ("By Robert R. King, Jr.", ["Robert R. King, Jr."]),
    ("By John Smith III and Ana de Souza", ["John Smith III", "Ana de Souza"]),
    ("By Oscar van der Berg, Mohamed bin Salman, and Sue Mi Terry",
     ["Oscar van der Berg", "Mohamed bin Salman", "Sue Mi Terry"]),
    ("By Martin L. King, Jr. and J. R. Smith", ["Martin L. King, Jr.", "J. R. Smith"]),
])
def test_bylines_with_initials_suffixes_and_particles(tmp_path, line, names):
    import_page(write_page(tmp_path, line), "--date", "2019-06-03")
    article = Article.objects.with_byline().get()
    assert [author.name for author in article.authors.all()] == names
    assert line.removeprefix("By ") not in article.body  # not left in the body as a heading


def test_the_by_lines_order_wins_over_an_author_line(tmp_path):
    header = ("Author: Yong Kwon\n\nBy Kyle Ferrier, Troy Stangarone, Yong Kwon, Juni Kim, Sarah Son, "
              "Mark Tokola and Phil Eskeland")
    import_page(write_page(tmp_path, header), "--date", "2019-06-03")
    names = [author.name for author in Article.objects.with_byline().get().authors.all()]
    assert names == ["Kyle Ferrier", "Troy Stangarone", "Yong Kwon", "Juni Kim", "Sarah Son", "Mark Tokola",
                     "Phil Eskeland"]


def test_a_page_at_a_the_peninsula_address_is_unchanged_the_second_time(tmp_path):
    page = write_page(tmp_path, "By Troy Stangarone")
    url = "https://keia.org/the-peninsula/a-post-about-trade/"
    first = import_page(page, "--url", url, "--date", "2019-06-03")
    assert "1 created" in first
    second = import_page(page, "--url", url, "--date", "2019-06-03")
    assert "0 created, 0 updated, 1 unchanged" in second
    assert Article.objects.count() == 1


def test_category_option_sets_the_category_only_when_the_page_shows_none(tmp_path):
    import_page(write_page(tmp_path, "By Troy Stangarone", "a.txt", "First Post"), "--date", "2019-06-03",
                "--category", "Economics")
    import_page(write_page(tmp_path, "By Troy Stangarone\n\nCategory: Security", "b.txt", "Second Post"),
                "--date", "2019-06-04", "--category", "Economics")
    categories = {a.slug: [c.name for c in a.categories.all()] for a in Article.objects.with_byline()}
    assert categories == {"first-post": ["Economics"], "second-post": ["Security"]}


def test_a_manifest_category_column(tmp_path):
    write_page(tmp_path, "By Troy Stangarone", "a.txt", "First Post")
    write_page(tmp_path, "By Troy Stangarone", "b.txt", "Second Post")
    manifest = tmp_path / "pages.csv"
    manifest.write_text("file,date,category\na.txt,2019-06-03,Trade\nb.txt,2019-06-04,\n", encoding="utf-8")
    import_page(manifest, "--category", "Economics")
    categories = {a.slug: [c.name for c in a.categories.all()] for a in Article.objects.with_byline()}
    assert categories == {"first-post": ["Trade"], "second-post": ["Economics"]}


# 6. Fixture messages

def fixture(tmp_path, rows):
    path = tmp_path / "post.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


def article_row(**fields):
    return {"model": "articles.article", "fields": {"title": "Hand Written", "slug": "hand-written",
                                                   "status": "published", "published_at": "2015-02-18T12:00:00Z",
                                                   "body": "<p>Words.</p>", **fields}}


@pytest.mark.parametrize("field, model, kind", [("series", Series, "series"), ("category", Category, "category")])
def test_a_name_instead_of_a_slug_points_to_the_existing_slug(tmp_path, field, model, kind):
    model.objects.create(name="Korea View", slug="korea-view")
    if field == "series":
        rows = [article_row(series=["Korea View"])]
    else:
        rows = [article_row(), {"model": "articles.articlecategory",
                                "fields": {"article": ["hand-written"], "category": ["Korea View"], "position": 0}}]
    path = fixture(tmp_path, rows)
    with pytest.raises(CommandError) as error:
        call_command("loaddata", str(path), verbosity=0)
    assert str(error.value).endswith(f"no {kind} “Korea View”; the {kind} named “Korea View” has the slug "
                                     "“korea-view”: use the existing slug [\"korea-view\"]")
    assert "add it" not in str(error.value)
    assert not Article.objects.exists()


def test_a_row_with_a_pk_is_one_line(tmp_path):
    make_article(slug="taken")
    path = fixture(tmp_path, [{"pk": Article.objects.get().pk, **article_row()}])
    with pytest.raises(CommandError) as error:
        call_command("loaddata", str(path), verbosity=0)
    message = str(error.value)
    assert message.startswith(f"{path}: item 1 (articles.article) has \"pk\": ")
    assert "natural key" in message and "\n" not in message
    assert list(Article.objects.values_list("slug", flat=True)) == ["taken"]


@override_settings(TIME_ZONE="America/New_York")
def test_a_date_without_a_time_is_midnight_in_the_sites_zone_without_a_warning(tmp_path):
    path = fixture(tmp_path, [article_row(published_at="2015-02-18")])
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        call_command("loaddata", str(path), verbosity=0)
    assert Article.objects.get().published_at == datetime(2015, 2, 18, 5, tzinfo=timezone.utc)
