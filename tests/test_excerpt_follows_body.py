"""The excerpt (card summary, meta description) follows the body's opening until someone writes one; then it stays."""
import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.management import call_command

from articles.models import Article
from tests.admin_client import form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def meta_description(client, article):
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    return page.find("meta", attrs={"name": "description"})["content"]


def test_a_derived_excerpt_follows_a_new_opening():
    article = make_article(body="<p>Old opening about Kaesong.</p>")
    assert article.excerpt == "Old opening about Kaesong." and not article.excerpt_is_manual
    article.body = "<p>New opening about Rason.</p>"
    article.save()
    article.refresh_from_db()
    assert article.excerpt == "New opening about Rason." and not article.excerpt_is_manual


def test_a_written_excerpt_stays_when_the_body_changes():
    article = make_article(body="<p>Old opening.</p>", excerpt="Written by the editor.")
    assert article.excerpt_is_manual
    article.body = "<p>New opening.</p>"
    article.save()
    article.refresh_from_db()
    assert article.excerpt == "Written by the editor."


def test_in_the_admin_an_empty_box_means_derived_and_the_page_follows(admin_client, client):
    article = make_article(body="<p>Old opening about Kaesong.</p>")
    page = BeautifulSoup(admin_client.get(change_url(article)).content, "html.parser")
    box = page.find("textarea", attrs={"name": "excerpt"})
    assert box.get_text().strip() == "" and box["placeholder"] == "Old opening about Kaesong."
    data = form_data(admin_client, change_url(article))
    data["body"] = "<p>New opening about Rason.</p>"
    assert admin_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.excerpt == "New opening about Rason." and not article.excerpt_is_manual
    assert meta_description(client, article) == "New opening about Rason."


def test_in_the_admin_a_typed_excerpt_stays_and_emptying_it_derives_again(admin_client, client):
    article = make_article(body="<p>Old opening.</p>")
    data = form_data(admin_client, change_url(article))
    data["excerpt"] = "Old opening."  # typed, even if it reads as the derived one: the editor's now
    admin_client.post(change_url(article), data)
    data = form_data(admin_client, change_url(article))
    assert data["excerpt"].strip() == "Old opening."  # a written excerpt shows in its box
    data["body"] = "<p>A new opening.</p>"
    assert admin_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.excerpt == "Old opening." and article.excerpt_is_manual
    assert meta_description(client, article) == "Old opening."
    data = form_data(admin_client, change_url(article))
    data["excerpt"] = ""
    admin_client.post(change_url(article), data)
    article.refresh_from_db()
    assert article.excerpt == "A new opening." and not article.excerpt_is_manual


def wxr(tmp_path, excerpt):
    ns = "http://wordpress.org/export/1.2/"
    path = tmp_path / "site.xml"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}"><channel><title>Blog</title>
  <wp:wxr_version>1.2</wp:wxr_version>
  <item><title>With an excerpt</title><link>https://blog.example.org/with/</link>
    <dc:creator><![CDATA[editor]]></dc:creator>
    <content:encoded><![CDATA[Officials met in Seoul.]]></content:encoded>
    <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
    <wp:post_id>1</wp:post_id><wp:post_date_gmt>2016-03-01 10:00:00</wp:post_date_gmt>
    <wp:post_name>with</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>""", encoding="utf-8")
    return path


@pytest.mark.parametrize("excerpt, manual", [("The source's own summary.", True), ("", False)])
def test_an_imported_excerpt_counts_as_written(tmp_path, excerpt, manual):
    call_command("import_wxr", str(wxr(tmp_path, excerpt)), "--no-progress", stdout=StringIO(), stderr=StringIO())
    article = Article.objects.get(slug="with")
    assert article.excerpt_is_manual is manual
    article.body = "<p>An editor rewrote the opening.</p>"
    article.save()
    assert article.excerpt == (excerpt or "An editor rewrote the opening.")


def test_a_fixture_excerpt_counts_as_written_and_a_dump_round_trips_the_flag(peninsula, tmp_path):
    path = tmp_path / "post.json"
    path.write_text(json.dumps([{"model": "articles.article", "fields": {
        "title": "Hand-written", "slug": "hand-written", "status": "draft", "body": "<p>Opening words.</p>",
        "excerpt": "A summary of my own."}}]), encoding="utf-8")
    call_command("loaddata", str(path), verbosity=0)
    assert Article.objects.get(slug="hand-written").excerpt_is_manual
    assert not peninsula.excerpt_is_manual  # its fixture's excerpt is the derived one


def test_the_migration_keeps_every_excerpt_that_is_not_the_derived_one():
    migration = __import__("articles.migrations.0015_fixtures_slugs", fromlist=["mark_written_excerpts"])
    derived = make_article(body="<p>Opening words.</p>")
    frozen = make_article(body="<p>Opening words.</p>")
    Article.objects.filter(pk=frozen.pk).update(excerpt="Derived from an older opening.")
    Article.objects.update(excerpt_is_manual=False)
    migration.mark_written_excerpts(apps, None)
    assert dict(Article.objects.values_list("pk", "excerpt_is_manual")) == {derived.pk: False, frozen.pk: True}
