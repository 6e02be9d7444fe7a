"""The search index follows every change to articles and their names, and can be rebuilt."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles import search
from articles.models import Article, ArticleAuthor, ArticleEntity
from articles.signals import articles_bulk_created
from tests.factories import make_article, make_author, make_entity

pytestmark = pytest.mark.django_db


def found(text):
    return [article.slug for article in search.search(text)[:20]]


def test_saving_an_article_reindexes_its_new_text():
    article = make_article("Old headline", slug="piece")
    article.title = "Fresh headline about lighthouses"
    article.save()
    assert found("lighthouses") == ["piece"]
    assert found("old") == []


def test_deleting_an_article_removes_it_from_the_index():
    article = make_article("Lighthouse keepers")
    article.delete()
    assert search.indexed_count() == 0
    assert found("lighthouse") == []


def test_publish_and_unpublish_need_no_reindexing():
    article = make_article("Lighthouse draft", slug="piece", status="draft")
    assert found("lighthouse") == []
    Article.objects.filter(pk=article.pk).update(status="published")  # no signal: the index need not know
    assert found("lighthouse") == ["piece"]
    Article.objects.filter(pk=article.pk).update(status="review")
    assert found("lighthouse") == []


def test_tagging_renaming_and_untagging_entities_follow_into_the_index():
    article = make_article("Quiet week", slug="piece")
    entity = make_entity("Kaesong", kind="place")
    link = ArticleEntity.objects.create(content_object=article, tag=entity)
    assert found("kaesong") == ["piece"]
    entity.name, entity.aliases = "Kaesong Industrial Region", ["Gaeseong"]
    entity.save()
    assert found("gaeseong") == ["piece"] and found("industrial") == ["piece"]
    link.delete()
    assert found("kaesong") == []


def test_author_changes_follow_into_the_index():
    article = make_article("Quiet week", slug="piece")
    author = make_author("Ann Lee")
    ArticleAuthor.objects.create(article=article, author=author)
    assert found("ann lee") == ["piece"]
    author.name = "Ann Lee-Kowalczyk"
    author.save()
    assert found("kowalczyk") == ["piece"]
    author.delete()
    assert found("kowalczyk") == []


def test_bulk_created_articles_are_indexed_when_the_signal_comes():
    Article.objects.bulk_create([Article(title="Bulk lighthouse", slug="bulk-1", status="published",
                                         published_at=make_article().published_at)])
    assert found("lighthouse") == []
    articles_bulk_created.send(sender=Article, slugs_prefix="bulk-")
    assert found("lighthouse") == ["bulk-1"]


def test_make_corpus_articles_are_searchable_straight_away():
    call_command("make_corpus", "5", "--authors", "3", "--entities", "30", "--words", "60", "--no-progress",
                 stdout=StringIO())
    assert search.indexed_count() == 5
    for article in Article.objects.all():
        assert article.slug in found(f'"{article.title}"')


def test_rebuild_command_refills_the_index_and_is_idempotent():
    make_article("Lighthouse one")
    make_article("Lighthouse two", status="draft")
    with search.connection.cursor() as cursor:
        search.backend().clear(cursor)
    assert found("lighthouse") == []
    out = StringIO()
    call_command("rebuild_search_index", "--no-progress", stdout=out)
    assert "2 articles indexed (0 before)" in out.getvalue()
    call_command("rebuild_search_index", "--no-progress", stdout=out)
    assert search.indexed_count() == 2 and len(found("lighthouse")) == 1


def test_rebuild_dry_run_writes_nothing():
    make_article("Lighthouse one")
    with search.connection.cursor() as cursor:
        search.backend().clear(cursor)
    out = StringIO()
    call_command("rebuild_search_index", "--dry-run", stdout=out)
    assert "would index 1 articles" in out.getvalue()
    assert search.indexed_count() == 0


def test_rebuild_rejects_unknown_options():
    with pytest.raises(CommandError):
        call_command("rebuild_search_index", "--everything")


def test_rows_left_by_raw_deletes_are_harmless_and_cleaned_after_a_flush():
    from django.db import connection

    make_article("Lighthouse kept", slug="kept")
    gone = make_article("Lighthouse gone")
    with connection.cursor() as cursor:  # no signal: the index still has the row
        cursor.execute("DELETE FROM articles_article WHERE id = %s", [gone.pk])
    assert found("lighthouse") == ["kept"]
    call_command("migrate", "articles", verbosity=0)  # sends post_migrate, as flush does
    assert search.indexed_count() == 1


def test_postgresql_keeps_search_documents_in_their_rows():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("TOAST storage exists only on PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SELECT attstorage, attcompression FROM pg_attribute "
                       "WHERE attrelid = 'articles_search'::regclass AND attname = 'document'")
        storage, compression = cursor.fetchone()
        cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        has_lz4 = cursor.fetchone()[0]
    assert storage == "m"  # MAIN: compressed in the row, out of line only as a last resort
    assert compression == "l" if has_lz4 else compression in ("", "\x00")  # lz4, or the server's default
