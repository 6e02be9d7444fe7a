"""import_wxr: WordPress exports (the importer's own test files and the Theme Unit Test) become articles."""
from datetime import datetime, timedelta, timezone
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from articles.importers.wxr import WxrReader
from articles.models import Article, ArticleEntity, Author, Category, Entity, LegacyURL
from articles.signals import articles_bulk_created
from tests.factories import make_entity
from tests.shared_data import WXR, shared

pytestmark = pytest.mark.django_db

REJECTED = {
    "malformed.xml": "line 90, column 2: malformed or truncated XML (mismatched tag)",
    "malformed-simple.xml": "malformed or truncated XML (no element found)",
    "crazy-cdata.xml": "line 18, column 71: malformed or truncated XML",
    "invalid-version-tag.xml": "unknown WXR version “abc”",
    "missing-version-tag.xml": "not a WordPress export: missing wp:wxr_version",
}


def export(name):
    return shared(WXR) / name


def accepted_files():
    return sorted(p.name for p in WXR.glob("*.xml") if p.name not in REJECTED) if WXR.is_dir() else ["absent"]


def run(path, *args):
    out = StringIO()
    call_command("import_wxr", str(path), "--no-progress", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def snapshot():
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True))
            for model in (Article, Author, Category, Entity, ArticleEntity, LegacyURL)}


def body_of(name):
    run(export(name))
    return Article.objects.get().body


def read_posts(name):
    with export(name).open("rb") as handle:
        return [record for record in WxrReader(handle) if type(record).__name__ == "PostRecord"]


def test_every_exported_file_is_either_imported_or_rejected():
    shared(WXR)
    assert set(REJECTED) <= {p.name for p in WXR.glob("*.xml")}
    assert len(accepted_files()) >= 25


@pytest.mark.parametrize("name", accepted_files())
def test_each_real_export_imports_and_the_second_run_changes_nothing(name):
    path = export(name)
    first = run(path)
    assert "import_wxr:" in first
    before = snapshot()
    articles = list(Article.objects.order_by("pk").values())
    second = run(path)
    assert "0 created, 0 updated" in second
    assert snapshot() == before
    assert list(Article.objects.order_by("pk").values()) == articles


@pytest.mark.parametrize("name, message", sorted(REJECTED.items()))
def test_malformed_and_versionless_exports_are_rejected_with_the_database_unchanged(peninsula, name, message):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run(export(name))
    assert str(error.value).startswith(f"{export(name)}: ")
    assert message in str(error.value) and "\n" not in str(error.value)
    assert snapshot() == before


def test_small_export_matches_the_wordpress_importers_expectations():
    output = run(export("small-export.xml"))
    assert "6 created" in output and "not imported: 5 pages" in output
    assert sorted(Author.objects.values_list("slug", flat=True)) == ["admin", "author", "editor"]
    assert Category.objects.count() == 30
    assert Category.objects.get(slug="foo").parent is None
    assert Category.objects.get(slug="foo-bar").parent == Category.objects.get(slug="bar")
    assert Entity.objects.filter(kind="topic").count() == 3
    # WordPress counts 5 published posts and 1 private one; private posts come in as drafts.
    assert Article.objects.filter(status="published").count() == 5
    private = Article.objects.get(status="draft")
    assert (private.title, private.slug) == ("Private Post", "private-post")
    assert sorted(private.entities.values_list("slug", flat=True)) == ["tag1", "tag2", "tag3"]
    many = Article.objects.get(slug="many-categories")
    assert many.categories.count() == 27
    assert [a.slug for a in many.authors.all()] == ["admin"]
    assert list(Article.objects.get(slug="hello-world").authors.values_list("slug", flat=True)) == ["author"]
    assert list(Article.objects.get(slug="foo-child").categories.values_list("slug", flat=True)) == ["foo-bar"]
    assert not Article.objects.filter(title__in=["Sample Page", "Parent Page", "Child Page", "Draft Page"]).exists()


def test_wxr_1_0_terms_and_pages():
    output = run(export("valid-wxr-1.0.xml"))
    assert "3 created" in output and "not imported: 3 pages" in output
    assert Category.objects.get(slug="alpha").description == "The alpha category"
    tagged = Article.objects.get(entity_links__tag__slug="roar")
    assert list(tagged.categories.values_list("slug", flat=True)) == ["alpha"]
    assert set(tagged.entities.values_list("slug", flat=True)) >= {"news", "roar"}


def test_wxr_1_1_author_category_and_tag():
    run(export("valid-wxr-1.1.xml"))
    john = Author.objects.get(slug="john")
    assert john.name == "John Doe"
    article = Article.objects.get()
    assert list(article.authors.all()) == [john]
    assert list(article.categories.values_list("slug", flat=True)) == ["alpha"]
    assert Entity.objects.get(slug="clippable").name == "Clippable"


@time_machine.travel("2026-06-01 12:00Z")  # its "future" post is dated 2030-01-01
def test_theme_unit_test_counts_statuses_and_special_titles():
    output = run(export("themeunittestdata.wordpress.xml"))
    assert "58 created" in output
    assert "not imported: 37 attachments, 70 menu items, 6 nav_menu terms, 21 pages" in output
    assert Author.objects.count() == 2
    scheduled = [a for a in Article.objects.filter(status="published") if a.is_scheduled]
    assert len(scheduled) == 1  # WordPress "future": published, dated ahead, not yet public
    assert Article.objects.published().count() == 56
    assert Article.objects.filter(status="draft").count() == 1
    assert Article.objects.filter(title="Markup: Title With Markup").exists()
    assert Article.objects.filter(title__startswith="Markup: Title With Special Characters ~`!@#$%^&*()").exists()
    assert Article.objects.filter(slug="edge-case-no-title").get().title.startswith("Untitled post")
    assert "<script" not in "".join(Article.objects.values_list("body", flat=True))


def test_both_copies_of_the_theme_unit_test_are_the_same_articles():
    run(export("theme-unit-test-data.xml"))
    before = snapshot()
    assert "0 created, 0 updated, 58 unchanged" in run(export("themeunittestdata.wordpress.xml"))
    assert snapshot() == before


def test_old_permalinks_become_legacy_urls_that_redirect(client):
    run(export("themeunittestdata.wordpress.xml"))
    legacy = LegacyURL.objects.select_related("article").get(article__slug="markup-html-tags-and-formatting")
    assert legacy.path.startswith("/20")
    response = client.get(legacy.path)
    assert response.status_code == 301 and response["Location"] == legacy.article.get_absolute_url()


def test_slashes_are_kept_as_written():
    run(export("slashes.xml"))
    assert Category.objects.get(slug="alpha").name == 'a \\"great\\" category'
    assert Entity.objects.get(slug="tag1").name == "foo\\'bar"
    assert Article.objects.get().body == "<p>Slashes aren\\'t \\\"cool\\\"</p>"


def test_backslashes_in_a_windows_path_are_kept():
    assert body_of("backslashes.xml") == "<p>C:\\xampp\\htdocs\\wp-content</p>"


def test_a_blank_line_makes_two_paragraphs():
    assert body_of("blank-lines.xml") == "<p>first paragraph</p>\n<p>second paragraph</p>"


def test_newlines_and_the_blank_line_in_content_are_kept():
    (record,) = read_posts("post-content-blank-lines.xml")
    assert record.source_body.count("\n") == 3
    assert body_of("post-content-blank-lines.xml") == (
        "<p>This is an example of a WordPress post.<br>\nIt has lines with text (and one blank line).</p>\n"
        "<p>And more lines with text.</p>")


def test_cdata_edge_cases_come_through_whole():
    assert [r.source_body for r in read_posts("crazy-cdata-escaped.xml")] == ["Content with nested <![CDATA[ tags ]]> :)"]
    assert [r.source_body for r in read_posts("multiple-cdata.xml")] == ["line oneline twoline three"]
    assert body_of("cdata-edge.xml") == "<p>ends with sequence ]] &gt;</p>"


def test_authors_with_trailing_newlines_are_trimmed():
    run(export("authors-multiline.xml"))
    assert sorted(Author.objects.values_list("slug", flat=True)) == ["alice", "bob", "carol"]
    assert list(Article.objects.get().authors.values_list("slug", flat=True)) == ["alice"]


def test_three_hundred_authors_and_no_items():
    assert "0 created" in run(export("large-authors.xml"))
    assert Author.objects.count() == 300 and Article.objects.count() == 0


def test_an_item_without_author_imports_without_byline():
    run(export("missing-tags.xml"))
    assert Article.objects.get().authors.count() == 0


def test_terms_in_varied_formats_are_all_read():
    output = run(export("term-formats.xml"))
    assert sorted(Category.objects.values_list("slug", flat=True)) == ["cat-2", "category-name"]
    assert sorted(Entity.objects.values_list("name", flat=True)) == ["A Random Color", "A Tag!", "Another Tag"]
    assert "not imported: 1 custom-taxonomy terms, 1 nav_menu terms" in output


def test_elements_are_matched_by_namespace_uri_not_prefix():
    output = run(export("namespace-edge-cases.xml"))
    assert list(Author.objects.values_list("slug", flat=True)) == ["real_user"]
    assert sorted(Article.objects.values_list("wp_id", flat=True)) == [1, 2, 3, 4, 6]
    assert "1 skipped (no post type: 1)" in output  # the item whose wp: prefix was hijacked
    assert list(Category.objects.values_list("slug", flat=True)) == ["new-version"]
    assert "&amp;lol1;" in Article.objects.get(wp_id=6).body  # entity text stays text


def test_utf8_challenges_survive_byte_for_byte():
    run(export("wxr-utf-8-challenges.xml"))
    article = Article.objects.get()
    assert article.title == '"The Road \u202eNot\u202c Taken" by Rob\u202dert \u202eFrost \u202a🌲\u202c'
    assert "𝓣𝓮𝓼𝓽 𝓜𝓾𝓵𝓽𝓲-𝓑𝔂𝓽𝓮: 🚀🌟💫" in article.body
    assert "السلام عليكم" in article.body_text
    assert article.excerpt.endswith("t̶̰̒e̶̞̔x̶̰̍t̶̰̒\u200c\u200b\u200d\u200e")
    assert Author.objects.get().name.startswith("A̸̰̅d̴̰͝m̵͎̽i̵̱̋n̷̰̎")
    assert article.slug == "hello-world-utf8-test"


def test_php_serialized_meta_is_never_unserialized():
    for name in ("test-utw-post-meta-import.xml", "test-serialized-postmeta-with-cdata.xml", "chunked-meta.xml"):
        run(export(name))
    bodies = "".join(Article.objects.values_list("body", flat=True))
    assert "a:" not in bodies and "stdClass" not in bodies and "O:8" not in bodies


# Exports written here, for what the real files do not cover --------------------------------

def write_export(tmp_path, items, version="1.2", name="site.xml"):
    ns = "http://wordpress.org/export/1.2/"
    body = "".join(f"""
  <item>
    <title>{item.get('title', 'A post')}</title>
    <link>https://blog.example.org/{item.get('slug', 'a-post')}/</link>
    <dc:creator><![CDATA[{item.get('creator', 'editor')}]]></dc:creator>
    <content:encoded><![CDATA[{item.get('content', 'Some words.')}]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>{item['id']}</wp:post_id>
    <wp:post_date_gmt>{item.get('date', '2016-03-01 10:00:00')}</wp:post_date_gmt>
    <wp:post_name>{item.get('slug', 'a-post')}</wp:post_name>
    <wp:status>{item.get('status', 'publish')}</wp:status>
    <wp:post_type>post</wp:post_type>
    {''.join(f'<category domain="post_tag" nicename="{t.lower()}"><![CDATA[{t}]]></category>' for t in item.get('tags', []))}
  </item>""" for item in items)
    path = tmp_path / name
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">
<channel>
  <title>Blog</title>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name>Ed Itor</wp:author_display_name></wp:author>
  {body}
</channel>
</rss>
""", encoding="utf-8")
    return path


def test_wordpress_statuses_map_to_article_statuses(tmp_path):
    future = (datetime.now(timezone.utc) + timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    statuses = ["publish", "future", "draft", "pending", "private", "trash", "auto-draft"]
    items = [{"id": n + 1, "slug": f"post-{status}", "status": status,
              "date": future if status == "future" else "2016-03-01 10:00:00"} for n, status in enumerate(statuses)]
    output = run(write_export(tmp_path, items))
    got = dict(Article.objects.values_list("slug", "status"))
    assert got == {"post-publish": "published", "post-future": "published", "post-draft": "draft",
                   "post-pending": "review", "post-private": "draft"}
    assert Article.objects.get(slug="post-future").is_scheduled
    assert "5 created, 0 updated, 0 unchanged, 2 skipped (status auto-draft: 1, status trash: 1)" in output


def test_tags_attach_to_an_existing_entity_by_name_or_alias(tmp_path):
    north_korea = make_entity("North Korea", kind="place", slug="north-korea", aliases=["DPRK"])
    run(write_export(tmp_path, [{"id": 7, "tags": ["DPRK", "north korea", "Sanctions"]}]))
    article = Article.objects.get()
    assert set(article.entities.all()) == {north_korea, Entity.objects.get(slug="sanctions")}
    assert Entity.objects.get(slug="sanctions").kind == "topic"
    assert Entity.objects.count() == 2


def test_a_changed_post_updates_its_article_matched_by_wordpress_id(tmp_path):
    run(write_export(tmp_path, [{"id": 7, "title": "First title", "slug": "first"}]))
    output = run(write_export(tmp_path, [{"id": 7, "title": "Better title", "slug": "first", "content": "New."}]))
    assert "0 created, 1 updated" in output
    article = Article.objects.get()
    assert (article.title, article.body, article.wp_id) == ("Better title", "<p>New.</p>", 7)


def test_a_post_already_imported_from_page_text_is_adopted_by_slug_and_date(tmp_path):
    run(write_export(tmp_path, [{"id": 1, "slug": "same-post", "date": "2016-03-01 17:00:00"}], name="a.xml"))
    Article.objects.update(wp_id=None)
    output = run(write_export(tmp_path, [{"id": 9, "slug": "same-post", "date": "2016-03-01 17:00:00"}], name="b.xml"))
    assert "0 created, 1 updated" in output
    assert list(Article.objects.values_list("wp_id", flat=True)) == [9]


def test_dry_run_prints_fields_and_writes_nothing(tmp_path):
    output = run(write_export(tmp_path, [{"id": 3, "title": "Dry", "slug": "dry", "tags": ["Trade"]}]), "--dry-run")
    for line in ("would create article “Dry”", "slug: dry", "status: published", "authors: Ed Itor (new)",
                 "entities: Trade (new)", "wp_id: 3", "legacy URL: /dry/", "dry run, nothing written"):
        assert line in output
    assert snapshot() == {name: [] for name in snapshot()}


def test_an_import_tells_the_search_index_which_articles_it_wrote(tmp_path):
    received = []

    def receiver(sender, pks, **kwargs):
        received.append(sorted(pks))

    articles_bulk_created.connect(receiver)
    try:
        path = write_export(tmp_path, [{"id": 1, "slug": "one"}, {"id": 2, "slug": "two"}])
        run(path)
        run(path)
    finally:
        articles_bulk_created.disconnect(receiver)
    assert received == [sorted(Article.objects.values_list("pk", flat=True))]


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.write_bytes(b"  \n"), "empty file"),
    (lambda p: p.write_bytes(b"PK\x03\x04\x00\x00binary"), "a binary file"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: None, "no such file"),
    (lambda p: p.write_text("<html><body>Hi</body></html>"), "not a WordPress export: the root element is <html>"),
    (lambda p: p.write_text("not xml at all"), "line 1, column 0: malformed or truncated XML"),
])
def test_bad_inputs_are_one_line_errors_naming_the_file(tmp_path, make, message):
    path = tmp_path / "export.xml"
    make(path)
    with pytest.raises(CommandError) as error:
        run(path)
    assert str(error.value) .startswith(f"{path}: ") and message in str(error.value)


def test_an_unknown_wxr_version_is_refused(tmp_path):
    with pytest.raises(CommandError, match="unknown WXR version “1.3”"):
        run(write_export(tmp_path, [{"id": 1}], version="1.3"))
    assert Article.objects.count() == 0


def test_a_truncated_export_writes_nothing(tmp_path):
    path = write_export(tmp_path, [{"id": n, "slug": f"post-{n}"} for n in range(1, 6)])
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("<wp:post_id>4")], encoding="utf-8")
    with pytest.raises(CommandError, match="malformed or truncated XML"):
        run(path)
    assert snapshot() == {name: [] for name in snapshot()}


def test_an_entity_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    '<rss><channel><title>&b;</title></channel></rss>')
    with pytest.raises(CommandError, match="refused XML"):
        run(path)


def import_queries(tmp_path, count):
    """(queries of a first import of `count` posts, queries of its re-import), into an empty archive."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    items = [{"id": n, "slug": f"post-{n}", "title": f"Post {n} on Seoul", "tags": ["Trade", f"Topic{n % 3}"],
              "content": "Officials in Seoul and Tokyo met on trade and tariffs."} for n in range(1, count + 1)]
    path = write_export(tmp_path, items, name=f"posts-{count}.xml")
    with CaptureQueriesContext(connection) as first:
        run(path)
    with CaptureQueriesContext(connection) as second:
        assert f"0 created, 0 updated, {count} unchanged" in run(path)
    Article.objects.all().delete()
    Entity.objects.exclude(kind="place").delete()
    return len(first), len(second)


def test_import_queries_do_not_grow_with_the_posts(tmp_path):
    make_entity("Seoul", kind="place")
    make_entity("Tokyo", kind="place")
    import_queries(tmp_path, 2)  # the first import of the test process also fills Django's caches
    # As many posts as one INSERT of articles takes (SQLite splits a bulk insert at 999 parameters, so fewer
    # than 40 once an article has more than 24 columns); past that, a statement per that many articles.
    from django.db import connection
    fields = [f for f in Article._meta.concrete_fields if not f.primary_key]
    most = min(40, connection.ops.bulk_batch_size(fields, [Article()] * 40))
    counts = [import_queries(tmp_path, n) for n in (5, 10, most)]
    # New articles, their bylines, categories, legacy URLs, entity links and revisions go in a statement per
    # table for each batch; unchanged posts are read a batch at a time: 5 posts cost the queries 40 do.
    assert most >= 30
    assert counts[0] == counts[1] == counts[2], counts
    assert Article.objects.count() == 0  # import_queries() cleans up after itself


def test_a_reimport_that_changes_only_the_links_tells_the_receivers(tmp_path):
    # Link rows go in by bulk_create, which sends no m2m_changed: the one articles_bulk_created names the article.
    run(write_export(tmp_path, [{"id": 1, "slug": "one", "tags": ["Trade"]}, {"id": 2, "slug": "two"}]))
    received = []

    def receiver(sender, pks, **kwargs):
        received.append(sorted(pks))

    articles_bulk_created.connect(receiver)
    try:
        changed = [{"id": 1, "slug": "one", "tags": ["Trade", "Tariffs"]}, {"id": 2, "slug": "two"}]
        output = run(write_export(tmp_path, changed, name="b.xml"))
    finally:
        articles_bulk_created.disconnect(receiver)
    assert "0 created, 1 updated, 1 unchanged" in output
    assert received == [[Article.objects.get(slug="one").pk]]
    assert sorted(Article.objects.get(slug="one").entities.names()) == ["Tariffs", "Trade"]
