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
        search.get_search_backend().clear(cursor)
    assert found("lighthouse") == []
    out = StringIO()
    call_command("rebuild_search_index", "--no-progress", stdout=out)
    assert "2 articles indexed (0 before)" in out.getvalue()
    call_command("rebuild_search_index", "--no-progress", stdout=out)
    assert search.indexed_count() == 2 and len(found("lighthouse")) == 1


def test_rebuild_dry_run_writes_nothing():
    make_article("Lighthouse one")
    with search.connection.cursor() as cursor:
        search.get_search_backend().clear(cursor)
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


def test_postgresql_keeps_the_heading_table_in_step_with_the_index():
    from django.db import connection

    from articles.search.backends.postgres import PostgresSearchBackend as postgres

    if connection.vendor != "postgresql":
        pytest.skip("the narrow heading table is PostgreSQL's; FTS5 reads its title and names columns")

    def headings():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT h.article_id, h.heading = s.heading FROM {postgres.HEADINGS} h "
                           f"FULL JOIN {postgres.TABLE} s USING (article_id) ORDER BY 1")
            return cursor.fetchall()

    kept = make_article("Tanaka visits the port", entities=[make_entity("Port authority")])
    gone = make_article("Tanaka at the summit")
    assert headings() == [(kept.pk, True), (gone.pk, True)]
    kept.title = "Petrov visits the port"
    kept.save()
    gone.delete()
    assert headings() == [(kept.pk, True)]
    assert found("petrov") == [kept.slug] and found("tanaka") == []
    orphan = make_article("Petrov in the archive")
    call_command("rebuild_search_index", "--no-progress", stdout=StringIO())
    assert headings() == [(kept.pk, True), (orphan.pk, True)]
    with connection.cursor() as cursor:  # no signal: both tables keep the row until the orphans go
        cursor.execute("DELETE FROM articles_article WHERE id = %s", [orphan.pk])
    search.remove_orphans()
    assert headings() == [(kept.pk, True)]


def test_a_one_word_search_ranks_its_title_and_name_matches_from_the_heading_table(monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("articles.search.backends.compiler.RANK_LIMIT", 1)  # the title/name tier ranks apart
    make_article("Tanaka visits the port")
    make_article("Harbour notes", body="<p>Tanaka said little.</p>")
    with CaptureQueriesContext(connection) as ctx:
        assert [a.title for a in search.search("tanaka")[0:2]] == ["Tanaka visits the port", "Harbour notes"]
    if connection.vendor == "postgresql":
        from articles.search.backends.postgres import PostgresSearchBackend as postgres

        ranked = [q["sql"] for q in ctx.captured_queries if "ts_rank(heading" in q["sql"]]
        assert ranked and all(f"FROM {postgres.HEADINGS} " in sql for sql in ranked)
