"""Fixtures written by hand (README example) load with only what a person knows; export_article round-trips."""
import json
from datetime import datetime, timezone
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import (Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity,
                             LegacyURL, RelatedLink, Series)
from tests.factories import make_category, make_entity, make_series

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parent / "data" / "example_post.json"
MODELS = (Article, Author, Category, Entity, Series, ArticleAuthor, ArticleCategory, ArticleEntity, RelatedLink,
          LegacyURL)


def counts():
    return {m.__name__: m.objects.count() for m in MODELS}


def write_rows(tmp_path, rows, name="post.json"):
    path = tmp_path / name
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def example_rows():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_the_example_holds_only_what_a_person_knows():
    rows = example_rows()
    assert all("pk" not in row for row in rows)
    article = next(row["fields"] for row in rows if row["model"] == "articles.article")
    assert not {"created_at", "updated_at", "excerpt", "body_text", "word_count"} & set(article)


def test_loading_it_adds_one_article_linked_to_existing_and_new_rows(peninsula):
    before = counts()
    call_command("loaddata", str(EXAMPLE), verbosity=0)
    after = counts()
    assert after["Article"] == before["Article"] + 1 and after["Author"] == before["Author"] + 1
    assert (after["Category"], after["Entity"]) == (before["Category"], before["Entity"])
    article = Article.objects.get(slug="moscow-and-pyongyang-draw-closer")
    assert [a.slug for a in article.authors.order_by("article_authors__position")] == ["matthew-nitkoski", "sarah-ryu"]
    assert article.primary_category.slug == "north-korea"
    assert list(article.entities.order_by("article_links__position").values_list("slug", flat=True)) == [
        "russia", "north-korea"]
    assert article.excerpt.startswith("Russia and North Korea")  # derived on load
    assert article.word_count == 23 and article.body_text.startswith("Russia and North Korea")
    assert article.created_at is not None and article.updated_at is not None  # timestamps fill themselves
    assert article.published_at == datetime(2015, 3, 4, 17, tzinfo=timezone.utc)
    assert article.is_public


def test_loading_it_twice_duplicates_nothing(peninsula):
    call_command("loaddata", str(EXAMPLE), verbosity=0)
    once = counts()
    call_command("loaddata", str(EXAMPLE), verbosity=0)
    assert counts() == once


@pytest.mark.parametrize("model, field, value, kind", [
    ("articles.articleauthor", "author", "nobody-here", "author"),
    ("articles.articlecategory", "category", "no-such-category", "category"),
    ("articles.articleentity", "tag", "atlantis", "entity"),
    ("articles.articleauthor", "article", "an-unknown-article", "article"),
])
def test_a_row_naming_a_missing_row_is_a_one_line_error_and_loads_nothing(peninsula, tmp_path, model, field, value,
                                                                             kind):
    rows = example_rows()
    number, row = next((n, row) for n, row in enumerate(rows, start=1) if row["model"] == model)
    row["fields"][field] = [value]
    path = write_rows(tmp_path, rows)
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("loaddata", str(path), verbosity=0)
    assert str(error.value) == (f"{path}: item {number} ({model}): no {kind} “{value}” in the fixture or the "
                                "database: add it, or load a fixture that has it first")
    assert counts() == before


def test_the_site_fixtures_still_load_together(db):
    call_command("loaddata", "fixtures/entities.json", "fixtures/the_peninsula.json", verbosity=0)
    assert Article.objects.filter(slug="north-korea-looking-abroad").exists()


# export_article ----------------------------------------------------------------------------------


@pytest.fixture
def rich_article(peninsula):
    """The reference article with every kind of row an export must carry."""
    article = Article.objects.get(slug="north-korea-looking-abroad")
    author = article.authors.get()
    author.entity = make_entity("Matthew Nitkoski", kind="person", slug="matthew-nitkoski-person")
    author.save()
    region = make_category("Asia", slug="asia")
    article.categories.first().__class__.objects.filter(slug="north-korea").update(parent=region)
    ArticleCategory.objects.create(article=article, category=make_category("Economics", slug="economics"), position=1)
    article.series = make_series("Korea View", slug="korea-view")
    article.save()
    RelatedLink.objects.create(article=article, title="Russia's Far East", url="https://example.org/far-east", position=0)
    LegacyURL.objects.create(path="/2015/02/north-korea-looking-abroad/", article=article)
    return article


def export(*args):
    out = StringIO()
    call_command("export_article", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def wipe():
    for model in (Article, Author, Category, Series, Entity):
        model.objects.all().delete()


def test_export_then_load_into_an_empty_archive_round_trips_exactly(rich_article, tmp_path):
    path = tmp_path / "export.json"
    call_command("export_article", rich_article.slug, "-o", str(path), stdout=StringIO(), stderr=StringIO())
    first = path.read_text(encoding="utf-8")
    rows = json.loads(first)
    assert all("pk" not in row for row in rows)
    assert {row["model"] for row in rows} == {
        "articles.entity", "articles.author", "articles.category", "articles.series", "articles.article",
        "articles.articleauthor", "articles.articlecategory", "articles.articleentity", "articles.relatedlink",
        "articles.legacyurl"}
    wipe()
    assert counts() == dict.fromkeys(counts(), 0)
    call_command("loaddata", str(path), verbosity=0)
    assert export(rich_article.slug) == first
    article = Article.objects.get(slug=rich_article.slug)
    assert article.updated_at == rich_article.updated_at and article.created_at == rich_article.created_at
    assert article.series.slug == "korea-view" and article.authors.get().entity.slug == "matthew-nitkoski-person"
    assert [c.slug for c in article.categories.order_by("article_categories__position")] == ["north-korea", "economics"]
    assert Category.objects.get(slug="north-korea").parent.slug == "asia"
    assert list(article.legacy_urls.values_list("path", flat=True)) == ["/2015/02/north-korea-looking-abroad/"]


def test_export_loaded_over_the_same_archive_changes_nothing(rich_article, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export(rich_article.slug), encoding="utf-8")
    before = counts()
    call_command("loaddata", str(path), verbosity=0)
    assert counts() == before


def test_export_of_an_unknown_slug_is_a_one_line_error(peninsula):
    with pytest.raises(CommandError, match="^no article with the slug “nowhere” \\(nor 1 more\\)$"):
        export("north-korea-looking-abroad", "nowhere", "elsewhere")
