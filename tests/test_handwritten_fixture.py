"""A fixture written by hand (README example): slugs only, existing rows referenced, never duplicated."""
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleAuthor, ArticleEntity, Author, Category, Entity

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parent / "data" / "example_post.json"


def counts():
    return {m.__name__: m.objects.count() for m in (Article, Author, Category, Entity, ArticleAuthor, ArticleEntity)}


def test_the_example_uses_slugs_and_no_primary_keys():
    rows = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert all("pk" not in row for row in rows)
    assert {row["model"] for row in rows} == {
        "articles.article", "articles.articleauthor", "articles.articlecategory", "articles.articleentity"}


def test_loading_it_adds_one_article_linked_to_the_existing_author_category_and_entity(peninsula):
    before = counts()
    call_command("loaddata", str(EXAMPLE), verbosity=0)
    after = counts()
    assert after["Article"] == before["Article"] + 1
    assert (after["Author"], after["Category"], after["Entity"]) == (before["Author"], before["Category"],
                                                                     before["Entity"])
    article = Article.objects.get(slug="moscow-and-pyongyang-draw-closer")
    assert [a.slug for a in article.authors.all()] == ["matthew-nitkoski"]
    assert article.primary_category.slug == "north-korea"
    assert list(article.entities.values_list("slug", flat=True)) == ["russia"]
    assert article.excerpt.startswith("Russia and North Korea")  # derived on load
    assert article.is_public


def test_loading_it_twice_duplicates_nothing(peninsula):
    call_command("loaddata", str(EXAMPLE), verbosity=0)
    once = counts()
    call_command("loaddata", str(EXAMPLE), verbosity=0)
    assert counts() == once
