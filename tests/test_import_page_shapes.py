"""import_page reads every shape the blog printed posts in: old-blog text, pages without chrome, saved HTML."""
import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article, Author, Category, Entity, LegacyURL, Series
from tests.factories import make_entity, make_series

pytestmark = pytest.mark.django_db

PAGES = Path(__file__).resolve().parent / "data" / "pages"
TEXT_SHAPES = ["old_three_authors", "old_author_line", "series_note", "korea_view", "current_no_chrome",
               "date_above_title", "hangul"]
HTML_SHAPES = ["old_wordpress", "json_ld"]


def run(*args):
    out = StringIO()
    call_command("import_page", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def page(name):
    return PAGES / name


def article():
    return Article.objects.get()


def byline(item):
    return [a.name for a in item.authors.order_by("article_authors__position")]


def day(item):
    return timezone.localtime(item.published_at).date()


def counts():
    return {model.__name__: model.objects.count() for model in (Article, Author, Category, Entity, Series, LegacyURL)}


# Text shapes, field by field -------------------------------------------------------------------


def test_old_blog_page_with_oxford_comma_byline_lists_and_a_quote():
    run(page("old_three_authors.txt"))
    item = article()
    assert item.title == "Reading the Joint Statement Line by Line"
    assert byline(item) == ["Jenna Gibson", "Mark Tokola", "Phil Eskeland"]
    assert day(item) == date(2015, 2, 18)
    assert item.primary_category is None
    body = item.body
    assert body.count("<p>") == 5 and body.count("</h2>") == 1 and '__what-changed">What Changed</h2>' in body
    assert body.count("<ul>") == 1 and body.count("<ol>") == 1 and body.count("<li>") == 6
    assert ("<blockquote><p>We will work together to build supply chains that are resilient and secure, "
            "and that reward workers") in body
    assert item.author_note.endswith("The views expressed here are the authors’ alone.")
    assert Author.objects.get(slug="mark-tokola").bio.endswith("Deputy Chief of Mission at the U.S. Embassy in Seoul.")
    assert item.image_credit == "Photo by a Korea Economic Institute staff member."
    assert not LegacyURL.objects.exists()


def test_no_author_is_ever_named_and_something():
    run(page("old_three_authors.txt"), page("current_no_chrome.txt"))
    assert not Author.objects.filter(name__istartswith="and ").exists()
    assert sorted(Author.objects.values_list("name", flat=True)) == [
        "Jenna Gibson", "Kyle Ferrier", "Mark Tokola", "Phil Eskeland", "Troy Stangarone"]


def test_author_line_beside_a_by_line_and_an_iso_date():
    run(page("old_author_line.txt"))
    item = article()
    assert (item.title, byline(item), day(item)) == ("Export Numbers in a Cold Winter", ["Troy Stangarone"],
                                                     date(2015, 3, 9))
    assert item.body.count("<p>") == 2 and item.author_note == ""


def test_a_series_note_before_the_byline_stays_the_first_paragraph():
    run(page("series_note.txt"))
    item = article()
    assert byline(item) == ["Nicholas Borst"] and day(item) == date(2016, 3, 2)
    assert item.body.startswith("<p>This is the fifth in a series of blogs on the economics of Korean unification.</p>")
    assert item.body.count("<p>") == 3
    assert item.author_note.startswith("Nicholas Borst is a former Director")


def test_a_group_byline_that_is_a_series_sets_the_series_not_an_author():
    run(page("korea_view.txt"))
    item = article()
    assert item.series.name == "Korea View" and byline(item) == []
    assert day(item) == date(2018, 4, 27) and not Author.objects.exists()


def test_a_byline_naming_an_existing_series_reuses_it():
    weekly = make_series("Korea View", slug="korea-view")
    run(page("korea_view.txt"))
    assert article().series == weekly and Series.objects.count() == 1


def test_the_current_shape_without_chrome():
    run(page("current_no_chrome.txt"))
    item = article()
    assert item.title == "Kaesong After the Shutdown" and day(item) == date(2017, 1, 12)
    assert byline(item) == ["Troy Stangarone", "Kyle Ferrier"]
    assert item.primary_category.name == "North Korea"
    assert item.body.count("<p>") == 2
    assert item.image_credit == "Photo from a factory gate in Kaesong, 2013."
    assert Author.objects.get(slug="kyle-ferrier").bio == "Kyle Ferrier is the Director of Academic Affairs and Research."


def test_a_date_printed_above_the_title_and_a_posted_by_line():
    run(page("date_above_title.txt"))
    item = article()
    assert (item.title, byline(item), day(item)) == ("Notes from a Trade Conference", ["Abraham Kim"],
                                                     date(2009, 11, 4))


def test_hangul_title_byline_and_slug():
    run(page("hangul.txt"))
    item = article()
    assert (item.title, item.slug, byline(item)) == ("한반도 경제 전망", "한반도-경제-전망", ["김민수"])


@pytest.mark.parametrize("line, expected", [
    ("February 18, 2015", date(2015, 2, 18)), ("Feb. 18, 2015", date(2015, 2, 18)),
    ("18 February 2015", date(2015, 2, 18)), ("2015-02-18", date(2015, 2, 18)),
    ("Posted on February 18th, 2015 at 9:30 am", date(2015, 2, 18)), ("Wednesday, February 18, 2015", date(2015, 2, 18)),
    ("Published on 18 Feb 2015", date(2015, 2, 18)), ("02/18/2015", date(2015, 2, 18)),
])
def test_date_lines_in_the_formats_the_blog_used(tmp_path, line, expected):
    path = tmp_path / "post.txt"
    path.write_text(f"A Post\n\nBy Kyle Ferrier\n\n{line}\n\nThe body of the post.\n", encoding="utf-8")
    run(path)
    assert day(article()) == expected


# --url, --date and manifests -------------------------------------------------------------------


def test_an_old_blog_url_gives_the_slug_the_legacy_redirect_and_the_month(client):
    run(page("old_no_date.txt"), "--url", "https://blog.example.org/2014/07/ride-sharing-rules/")
    item = article()
    assert item.slug == "ride-sharing-rules" and day(item) == date(2014, 7, 1)
    assert list(item.legacy_urls.values_list("path", flat=True)) == ["/2014/07/ride-sharing-rules/"]
    response = client.get("/2014/07/ride-sharing-rules/")
    assert response.status_code == 301 and response["Location"] == item.get_absolute_url()


def test_the_date_option_supplies_the_date_and_the_url_its_path():
    run(page("old_no_date.txt"), "--date", "2014-07-22", "--url", "/2014/07/ride-sharing-rules/")
    item = article()
    assert day(item) == date(2014, 7, 22) and item.slug == "ride-sharing-rules"


def test_the_page_date_wins_over_the_url_month():
    run(page("current_no_chrome.txt"), "--url", "/2017/02/kaesong-after-the-shutdown/")
    assert day(article()) == date(2017, 1, 12)


def test_a_url_that_is_not_an_old_blog_path_is_kept_as_a_legacy_url_only():
    run(page("current_no_chrome.txt"), "--url", "https://old.example.org/blog/kaesong.php")
    item = article()
    assert item.slug == "kaesong-after-the-shutdown"
    assert list(item.legacy_urls.values_list("path", flat=True)) == ["/blog/kaesong.php"]


def test_a_csv_manifest_gives_each_file_its_url_date_and_status(tmp_path):
    manifest = tmp_path / "catalogue.csv"
    manifest.write_text("file,url,date,status\n"
                        f"{page('old_no_date.txt')},/2014/07/ride-sharing-rules/,2014-07-22,draft\n"
                        f"{page('korea_view.txt')},,,\n", encoding="utf-8")
    output = run(manifest)
    assert "2 files: 2 created" in output
    ride = Article.objects.get(slug="ride-sharing-rules")
    assert (day(ride), ride.status) == (date(2014, 7, 22), "draft")
    assert Article.objects.get(series__name="Korea View").status == "published"


def test_a_json_manifest_with_paths_relative_to_it(tmp_path):
    (tmp_path / "ride.txt").write_text(page("old_no_date.txt").read_text(encoding="utf-8"), encoding="utf-8")
    manifest = tmp_path / "catalogue.json"
    manifest.write_text(json.dumps([{"file": "ride.txt", "url": "/2014/07/ride-sharing-rules/"}]), encoding="utf-8")
    run(manifest)
    assert day(article()) == date(2014, 7, 1)


# Saved web pages ---------------------------------------------------------------------------------


def test_an_old_blog_page_saved_as_html_keeps_structure_links_and_emphasis():
    run(page("old_wordpress.html"))
    item = article()
    assert item.title == "Rice Prices and the Jangmadang"
    assert byline(item) == ["Jenna Gibson", "Kyle Ferrier"]  # the article's own byline beats <meta name=author>
    assert day(item) == date(2013, 6, 4) and item.primary_category.name == "Economics"
    assert item.body.count("<p>") == 3 + 1  # three paragraphs and the quote's
    assert '__what-the-prices-say">What the prices say</h3>' in item.body and item.body.count("<li>") == 3
    assert "<blockquote>" in item.body and '<a href="https://example.org/prices"' in item.body
    assert "<i>jangmadang</i>" in item.body
    for boilerplate in ("Recent Posts", "Something else entirely", "Leave a Reply", "Stay Informed"):
        assert boilerplate not in item.body + item.author_note
    assert item.author_note.startswith("Jenna Gibson is Director of Communications")


def test_json_ld_gives_date_authors_and_category():
    run(page("json_ld.html"))
    item = article()
    assert item.title == "Alliance Costs, Counted Twice"
    assert byline(item) == ["Mark Tokola", "Troy Stangarone"]
    assert day(item) == date(2019, 8, 14) and item.primary_category.name == "Security"
    assert item.body.count("</h2>") == 1 and item.body.count("<ol>") == 1 and item.body.count("<p>") == 3
    assert "Subscribe to our Mailing List" not in item.body


def test_a_page_rendered_by_this_site_imports_back_as_the_same_article(client, peninsula, tmp_path):
    original = Article.objects.get(slug="north-korea-looking-abroad")
    saved = tmp_path / "saved.html"
    saved.write_bytes(client.get(original.get_absolute_url()).content)
    credit = original.image_credit  # shown with or without a picture file, so it comes back
    expected = (original.title, byline(original), day(original), original.primary_category.name,
                original.body.count("<p>"), original.author_note, credit)
    Article.objects.all().delete()
    Author.objects.all().delete()
    Category.objects.all().delete()
    run(saved)
    item = article()
    assert (item.title, byline(item), day(item), item.primary_category.name, item.body.count("<p>"),
            item.author_note, item.image_credit) == expected


def test_html_imports_link_known_entities():
    russia = make_entity("North Korea", kind="place", slug="north-korea")
    run(page("old_wordpress.html"))
    assert russia in article().entities.all()


# Idempotence -----------------------------------------------------------------------------------


def test_every_shape_twice_changes_nothing_the_second_time():
    files = [page(f"{name}.txt") for name in TEXT_SHAPES] + [page(f"{name}.html") for name in HTML_SHAPES]
    run(*files)
    before = counts()
    snapshot = list(Article.objects.order_by("pk").values())
    output = run(*files)
    assert f"0 created, 0 updated, {len(files)} unchanged" in output
    assert counts() == before and list(Article.objects.order_by("pk").values()) == snapshot


def test_an_url_import_twice_keeps_one_article_and_one_legacy_url():
    for _ in range(2):
        run(page("old_no_date.txt"), "--url", "/2014/07/ride-sharing-rules/")
    assert Article.objects.count() == 1 and LegacyURL.objects.count() == 1


# Dry run -----------------------------------------------------------------------------------------


def test_dry_run_prints_one_row_per_file_with_refusals_and_writes_nothing():
    output = run(page("old_three_authors.txt"), page("json_ld.html"), page("old_no_date.txt"), "--dry-run")
    lines = output.splitlines()
    assert lines[0].split() == ["FILE", "RESULT", "TITLE", "DATE", "BYLINE", "PARAS", "ENTS"]
    assert "created   Reading the Joint Statement Line by Line 2015-02-18 Jenna Gibson, Mark Tokola, …" in lines[1]
    assert "Alliance Costs, Counted Twice" in lines[2] and lines[2].split()[-2:] == ["3", "0"]
    assert "refused   line 1: no “Published <Month D, YYYY>” date line" in lines[3]
    assert "3 files, 1 refused: 2 created" in lines[4]
    assert counts() == dict.fromkeys(counts(), 0)


def test_a_theme_sidebar_longer_than_the_post_stays_out():
    run(page("long_sidebar.html"))
    item = article()
    assert (item.title, byline(item), day(item)) == ("A Short Note on Tariffs", ["Juni Kim"], date(2012, 9, 10))
    assert item.body.count("<p>") == 2 and "About the Blog" not in item.body and "Archives" not in item.body


@pytest.mark.parametrize("line, names", [
    ("By Troy Stangarone | February 18, 2015", ["Troy Stangarone"]),
    ("By Jenna Gibson and Kyle Ferrier, February 18, 2015", ["Jenna Gibson", "Kyle Ferrier"]),
    ("Posted on February 18, 2015 by Jenna Gibson, Mark Tokola, and Phil Eskeland",
     ["Jenna Gibson", "Mark Tokola", "Phil Eskeland"]),
])
def test_a_byline_and_date_on_one_line(tmp_path, line, names):
    path = tmp_path / "post.txt"
    path.write_text(f"A Post\n\n{line}\n\nThe body of the post.\n", encoding="utf-8")
    run(path)
    assert (byline(article()), day(article())) == (names, date(2015, 2, 18))


def test_an_affiliation_after_the_byline_comma_is_not_an_author(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text("A Post\n\nBy Troy Stangarone, Senior Director for Congressional Affairs and Trade\n\n"
                    "2015-02-18\n\nThe body of the post.\n", encoding="utf-8")
    run(path)
    assert byline(article()) == ["Troy Stangarone"]


def test_a_theme_footer_line_gives_category_and_entities_and_no_chrome(tmp_path):
    make_entity("North Korea", kind="place", slug="north-korea")
    path = tmp_path / "post.txt"
    path.write_text("A Post\n\nBy Kyle Ferrier\n\n2015-02-18\n\nThe body of the post.\n\n"
                    "Posted in Economics | Tagged North Korea, markets | Leave a comment\n\nShare this:\n\nTwitter\n",
                    encoding="utf-8")
    run(path)
    item = article()
    assert [c.name for c in item.categories.all()] == ["Economics"]
    assert sorted(item.entities.values_list("name", flat=True)) == ["North Korea", "markets"]
    assert item.body == "<p>The body of the post.</p>"
