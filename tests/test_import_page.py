"""import_page: saved Peninsula pages become complete articles, idempotently, or fail with a clear error."""
import json
from datetime import datetime, timezone
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Author, Category, Entity
from articles.signals import articles_bulk_created
from tests.factories import make_author, make_category, make_entity
from tests.shared_data import SEED, shared

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).resolve().parent / "data" / "pages"
FIXTURE = REPO / "fixtures" / "the_peninsula.json"
GOOD_PAGES = [PAGES / f"{name}.txt" for name in (
    "two_authors", "three_authors", "author_line", "no_category", "no_credit", "lists", "curly_quotes")]


def run(*args):
    out = StringIO()
    call_command("import_page", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in (Article, Author, Category, Entity)}


def fixture_rows(model):
    return [row["fields"] for row in json.loads(FIXTURE.read_text(encoding="utf-8")) if row["model"] == model]


@pytest.fixture
def seed():
    return shared(SEED)


def test_the_seed_imports_as_the_reference_fixture_field_for_field(seed):
    run(seed)
    article = Article.objects.get()
    expected = fixture_rows("articles.article")[0]
    for name in ("title", "slug", "status", "excerpt", "body", "author_note", "image_credit"):
        assert getattr(article, name) == expected[name], name
    assert article.published_at == datetime(2015, 2, 18, 17, tzinfo=timezone.utc)
    assert article.published_at.isoformat().replace("+00:00", "Z") == expected["published_at"]
    author = fixture_rows("articles.author")[0]
    assert [(a.name, a.slug, a.bio) for a in article.authors.all()] == [(author["name"], author["slug"], author["bio"])]
    category = fixture_rows("articles.category")[0]
    assert [(c.name, c.slug) for c in article.categories.all()] == [(category["name"], category["slug"])]


def test_the_seed_over_the_loaded_fixture_is_unchanged_and_duplicates_nothing(peninsula, seed):
    before = counts()
    output = run(seed)
    assert "0 created, 0 updated, 1 unchanged" in output
    assert counts() == before


def test_importing_links_the_known_entities_the_text_names(seed):
    north_korea = make_entity("North Korea", kind="place", slug="north-korea", aliases=["Pyongyang", "DPRK"])
    make_entity("Elsewhere", slug="elsewhere")
    run(seed)
    assert list(Article.objects.get().entities.all()) == [north_korea]


def test_running_twice_changes_nothing_the_second_time(seed):
    run(seed, *GOOD_PAGES)
    before = counts()
    snapshot = list(Article.objects.order_by("pk").values())
    output = run(seed, *GOOD_PAGES)
    assert "0 created, 0 updated, 8 unchanged" in output
    assert counts() == before
    assert list(Article.objects.order_by("pk").values()) == snapshot


def test_a_changed_page_updates_its_article_instead_of_duplicating_it(seed, tmp_path):
    run(seed)
    changed = tmp_path / "changed.txt"
    changed.write_text(seed.read_text(encoding="utf-8").replace("Nearly six years ago", "Almost six years ago"),
                       encoding="utf-8")
    output = run(changed)
    assert "0 created, 1 updated" in output
    assert Article.objects.get().body.startswith("<p>Almost six years ago")


def test_a_same_titled_page_from_another_day_is_a_new_article_with_its_own_slug(seed, tmp_path):
    run(seed)
    other = tmp_path / "other.txt"
    other.write_text(seed.read_text(encoding="utf-8").replace("February 18, 2015", "March 1, 2016"), encoding="utf-8")
    run(other)
    run(other)
    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "north-korea-looking-abroad", "north-korea-looking-abroad-2"]


def test_several_authors_by_a_and_b_with_bios_from_the_note():
    run(PAGES / "two_authors.txt")
    article = Article.objects.get()
    authors = list(article.authors.order_by("article_authors__position"))
    assert [a.slug for a in authors] == ["troy-stangarone", "kyle-ferrier"]
    assert authors[0].bio == ("Troy Stangarone is the Senior Director for Congressional Affairs and Trade at the "
                              "Korea Economic Institute of America.")
    assert authors[1].bio.startswith("Kyle Ferrier is the Director of Academic Affairs")
    assert "views expressed" not in authors[1].bio
    assert article.author_note.endswith("The views expressed here are the authors’ alone.")
    assert article.image_credit.startswith("Image from the U.S. Department of Agriculture")


def test_three_authors_by_a_b_and_c_each_get_their_own_note_paragraph_as_bio():
    run(PAGES / "three_authors.txt")
    article = Article.objects.get()
    assert [a.name for a in article.authors.order_by("article_authors__position")] == [
        "Jenna Gibson", "Mark Tokola", "Phil Eskeland"]
    tokola = Author.objects.get(slug="mark-tokola")
    assert tokola.bio.endswith("He was previously Deputy Chief of Mission at the U.S. Embassy in Seoul.")
    assert article.author_note.count("\n\n") == 3
    assert "Reunions of separated families" in article.body and "Jenna Gibson" not in article.body


def test_an_author_line_names_the_author():
    run(PAGES / "author_line.txt")
    assert [a.name for a in Article.objects.get().authors.all()] == ["Nicholas Borst"]


def test_an_existing_author_and_category_are_reused_and_keep_their_bio():
    kept = make_author("Troy Stangarone", slug="troy-stangarone", bio="Written by an editor.")
    economics = make_category("Economics", slug="economics", description="Trade and growth.")
    output = run(PAGES / "two_authors.txt")
    assert "new: 1 authors, 0 categories" in output
    article = Article.objects.get()
    assert list(article.authors.order_by("article_authors__position"))[0] == kept
    assert list(article.categories.all()) == [economics]
    kept.refresh_from_db()
    assert kept.bio == "Written by an editor."


def test_no_category_line_leaves_the_article_without_category():
    run(PAGES / "no_category.txt")
    article = Article.objects.get()
    assert article.primary_category is None and Category.objects.count() == 0
    assert article.image_credit == "Photo by Sarah Ryu."


def test_no_credit_line_leaves_the_credit_empty_and_the_note_whole():
    run(PAGES / "no_credit.txt")
    article = Article.objects.get()
    assert article.image_credit == ""
    assert article.author_note.startswith("Kyle Ferrier is the Director")
    assert article.body.count("<p>") == 2


def test_a_long_paragraph_starting_like_a_credit_stays_text(tmp_path):
    page = (PAGES / "no_credit.txt").read_text(encoding="utf-8")
    long_line = "Photo by the author, " + "taken on a long walk along the river, " * 20 + "in spring."
    changed = page.replace("Return to the Peninsula", long_line + "\n\nReturn to the Peninsula", 1)
    assert changed != page
    path = tmp_path / "long_credit.txt"
    path.write_text(changed, encoding="utf-8")
    run(path)
    article = Article.objects.get()
    assert article.image_credit == ""
    assert "taken on a long walk" in article.author_note + article.body


def test_numbered_and_bulleted_lines_become_lists():
    run(PAGES / "lists.txt")
    body = Article.objects.get().body
    assert "<ol>\n<li>Whether Kim Jong-un takes a new title.</li>" in body
    assert "<ul>\n<li>new economic slogans;</li>" in body
    assert body.count("<li>") == 6 and body.count("<p>") == 3


def test_curly_quotes_are_kept_in_title_and_body_and_dropped_from_the_slug():
    run(PAGES / "curly_quotes.txt")
    article = Article.objects.get()
    assert article.title == "“Strategic Patience” and Its Critics"
    assert article.slug == "strategic-patience-and-its-critics"
    assert "“strategic neglect.”" in article.body and "‘patience’" in article.body


def test_status_option_imports_as_draft():
    run(PAGES / "no_credit.txt", "--status", "draft")
    assert Article.objects.get().status == "draft"
    assert not Article.objects.published().exists()


def test_dry_run_prints_every_field_and_writes_nothing(seed):
    output = run(seed, "--dry-run")
    assert counts() == {"Article": 0, "Author": 0, "Category": 0, "Entity": 0}
    for line in ("title: North Korea Looking Abroad", "slug: north-korea-looking-abroad", "status: published",
                 "published_at: February 18, 2015 12:00", "authors: Matthew Nitkoski (new)",
                 "categories: North Korea (new)", "image_credit: Photo from Adam Barker’s photostream",
                 "body: 8 paragraphs, 814 words", "dry run, nothing written"):
        assert line in output


def test_a_file_import_tells_the_search_index_which_articles_changed(seed):
    received = []

    def receiver(sender, pks, **kwargs):
        received.append(pks)

    articles_bulk_created.connect(receiver)
    try:
        run(seed)
        run(seed)
    finally:
        articles_bulk_created.disconnect(receiver)
    assert received == [[Article.objects.get().pk]]


@pytest.mark.parametrize("name, message", [
    ("missing_date.txt", "line 11: no “Published <Month D, YYYY>” date line"),
    ("bad_date.txt", "line 13: unreadable date “Febtober 31, 2015”"),
    ("no_title.txt", "line 11: no title before the “Published” line"),
    ("not_a_page.txt", "line 1: no “Published <Month D, YYYY>” date line (nor any other date line in the page); give it with --date"),
])
def test_a_bad_page_is_a_one_line_error_naming_file_and_line(name, message):
    with pytest.raises(CommandError) as error:
        run(PAGES / name)
    assert str(error.value).startswith(f"{PAGES / name}: {message}")
    assert "\n" not in str(error.value)
    assert counts() == {"Article": 0, "Author": 0, "Category": 0, "Entity": 0}


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "a binary file"),
    (lambda p: p.write_bytes("The Peninsula\n".encode("utf-16")[:3] + b"\xff\xfe\xfa"), "not UTF-8 text"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: None, "no such file"),
])
def test_unreadable_inputs_are_refused_with_the_file_named(tmp_path, make, message):
    path = tmp_path / "page.txt"
    make(path)
    with pytest.raises(CommandError, match=message) as error:
        run(path)
    assert str(error.value).startswith(str(path))


def test_a_page_whose_title_runs_on_for_paragraphs_is_refused(tmp_path):
    path = tmp_path / "run_on.txt"
    text = (PAGES / "no_category.txt").read_text(encoding="utf-8")
    path.write_text(text.replace("The Peninsula\n", "The Peninsula\n" + "A paragraph that is not a title. " * 12 + "\n"
                                 + "Another one that is not a title either. " * 5 + "\n", 1), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run(path)
    assert str(error.value).startswith(f"{path}: line 10: a title of ") and "at most 300" in str(error.value)
    assert counts() == {"Article": 0, "Author": 0, "Category": 0, "Entity": 0}


def test_many_files_show_a_progress_bar_on_stderr(tmp_path):
    text = (PAGES / "no_category.txt").read_text(encoding="utf-8")
    paths = []
    for n in range(20):
        paths.append(tmp_path / f"page_{n}.txt")
        paths[-1].write_text(text.replace("A Note on Archival Sources", f"Archival Note {n}"), encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_page", *map(str, paths), stdout=out, stderr=err)
    assert "20 files: 20 created" in out.getvalue()
    assert "import_page: 100%" in err.getvalue() and "20/20" in err.getvalue()
    quiet = StringIO()
    call_command("import_page", *map(str, paths), "--no-progress", stdout=StringIO(), stderr=quiet)
    assert quiet.getvalue() == ""


def test_one_bad_file_among_good_ones_writes_nothing(seed):
    with pytest.raises(CommandError, match="missing_date.txt"):
        run(seed, PAGES / "missing_date.txt")
    assert Article.objects.count() == 0
