"""make_corpus builds realistic articles and is idempotent."""
import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Entity

pytestmark = pytest.mark.django_db


def test_make_corpus_builds_published_articles_with_authors_categories_entities():
    call_command("make_corpus", 12, "--authors", 20, "--entities", 60, "--words", 200, "--no-progress")
    articles = Article.objects.published()
    assert articles.count() == 12
    for article in articles.prefetch_related("authors", "categories", "entity_links"):
        assert 1 <= article.authors.count() <= 3
        assert article.categories.count() == 1
        assert 3 <= article.entity_links.count() <= 8
        assert article.word_count >= 200
        assert article.excerpt
    assert Entity.objects.filter(kind="person").exists() and Entity.objects.filter(kind="topic").exists()


def test_make_corpus_twice_changes_nothing():
    call_command("make_corpus", 5, "--authors", 10, "--entities", 30, "--words", 100, "--no-progress")
    before = (Article.objects.count(), Entity.objects.count(), sorted(Article.objects.values_list("title", flat=True)))
    call_command("make_corpus", 5, "--authors", 10, "--entities", 30, "--words", 100, "--no-progress")
    after = (Article.objects.count(), Entity.objects.count(), sorted(Article.objects.values_list("title", flat=True)))
    assert before == after


def test_make_corpus_rejects_a_negative_count():
    with pytest.raises(CommandError):
        call_command("make_corpus", -1)
