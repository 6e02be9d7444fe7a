"""Imported posts are known by their source: (the export's site, the post id). Exports of several sites
share one archive without replacing each other's posts; a re-import keeps what editors changed here
(unless --overwrite, and then a revision keeps it); an import never publishes what its source holds back."""
from datetime import datetime, timezone
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from reversion.models import Version

from articles.importers.provenance import UNKNOWN_SOURCE, site_key
from articles.importers.wxr import WxrReader
from articles.models import Article, LegacyURL
from tests.admin_client import form_data, login
from tests.factories import make_user
from tests.sources import wxr, wxr_item

pytestmark = pytest.mark.django_db

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata" / "wxr-real"
SITES = {"cc-labs.xml": "labs.creativecommons.org", "kuesters-de.xml": "kuesters.net", "everet-zh.xml": "everet.org"}
FROZEN = datetime(2021, 6, 15, 12, tzinfo=timezone.utc)  # the clock of the tests that schedule a post


def real_export(name):
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"the real WordPress exports are not at {REAL} (shared/testdata is absent)")
    return path


def run(command, path, *args):
    out = StringIO()
    call_command(command, str(path), "--no-progress", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def importable_posts(path):
    with path.open("rb") as handle:
        return [record for record in WxrReader(handle) if type(record).__name__ == "PostRecord"]


def site_export(tmp_path, site, *items, name=None):
    channel = f"<link>{site}</link>\n<wp:base_site_url>{site}</wp:base_site_url>\n" if site else ""
    path = tmp_path / (name or f"{site_key(site) or 'nosite'}.xml".replace("/", "_"))
    path.write_text(wxr(*items, channel=channel), encoding="utf-8")
    return path


def post(post_id, title, *, slug=None, body="<p>Text.</p>", status="publish", date="2015-02-18 12:00:00",
         creator="admin", link=""):
    item = wxr_item(post_id, title, slug=slug or title.lower().replace(" ", "-"), body=body, status=status,
                    date=date, creator=creator)
    return item.replace("<title>", f"<link>{link}</link>\n<title>", 1) if link else item


def comments(article):
    return [v.revision.get_comment() for v in Version.objects.get_for_object(article).order_by("pk")]


@pytest.mark.parametrize("url, key", [
    ("http://labs.creativecommons.org", "labs.creativecommons.org"),
    ("https://WWW.Kuesters.NET/", "kuesters.net"),
    ("https://s1.demo.opensourcecms.com/wordpress/", "s1.demo.opensourcecms.com/wordpress"),
    ("http://example.org:8080/blog", "example.org:8080/blog"),
    ("https://example.org:443", "example.org"),
    ("example.org", "example.org"),
    ("", ""),
])
def test_a_site_url_becomes_one_source_key(url, key):
    assert site_key(url) == key


def test_three_real_sites_in_one_archive_keep_every_post():
    paths = [real_export(name) for name in SITES]
    expected = {name: len(importable_posts(path)) for name, path in zip(SITES, paths)}
    ids = [{record.wp_id for record in importable_posts(path)} for path in paths]
    assert ids[0] & ids[1] and ids[0] & ids[2]  # the sites share post ids: what replaced posts before
    outputs = [run("import_wxr", path) for path in paths]
    for name, output in zip(SITES, outputs):
        assert f"{expected[name]} created, 0 updated, 0 unchanged" in output, output
    assert Article.objects.count() == sum(expected.values())
    for name, site in SITES.items():
        assert Article.objects.filter(import_source=site).count() == expected[name]
    # Each site's post keeps its own title and byline, whatever the others hold under the same number.
    shared = min(ids[0] & ids[1])
    first = Article.objects.get(import_source=SITES["cc-labs.xml"], wp_id=shared)
    record = next(r for r in importable_posts(paths[0]) if r.wp_id == shared)
    assert first.title == record.title
    assert [a.name for a in first.authors.all()] == [a.name for a in record.authors]
    # And each export imported again finds all its posts unchanged.
    for name, path in zip(SITES, paths):
        assert f"0 created, 0 updated, {expected[name]} unchanged" in run("import_wxr", path)


def test_the_same_post_id_and_slug_from_another_site_is_another_article_with_its_own_slug(tmp_path):
    run("import_wxr", site_export(tmp_path, "https://old.example.org", post(13, "Hello", body="<p>Old blog.</p>")))
    output = run("import_wxr", site_export(tmp_path, "https://new.example.org", post(13, "Hello", body="<p>New.</p>")))
    assert "1 created, 0 updated" in output
    assert "new slugs: 1 taken by other articles (hello → hello-2)" in output
    old, new = Article.objects.order_by("pk")
    assert (old.slug, old.body, old.import_source) == ("hello", "<p>Old blog.</p>", "old.example.org")
    assert (new.slug, new.body, new.import_source) == ("hello-2", "<p>New.</p>", "new.example.org")


def test_an_export_that_names_no_site_still_matches_its_own_posts(tmp_path):
    path = site_export(tmp_path, "", post(5, "Siteless"))
    run("import_wxr", path)
    assert "0 created, 0 updated, 1 unchanged" in run("import_wxr", path)
    assert Article.objects.get().import_source == ""


def test_a_reimport_keeps_an_editors_fix_and_names_it(tmp_path):
    path = site_export(tmp_path, "https://blog.example.org", post(1, "Typo tilte", body="<p>Orignal text.</p>"),
                       post(2, "Untouched"))
    run("import_wxr", path)
    article = Article.objects.get(wp_id=1)
    editor = login(make_user("edith", "editor"))
    url = f"/admin/articles/article/{article.pk}/change/"
    assert "blog.example.org" in editor.get(url).content.decode()  # the change form's record says where from
    data = form_data(editor, url)
    data.update(title="Typo title", body="<p>Original text, fixed.</p>")
    assert editor.post(url, data).status_code == 302
    output = run("import_wxr", path)
    assert "0 created, 0 updated, 1 unchanged" in output
    assert "kept: 1 changed here since the last import (“Typo title”; --overwrite replaces them)" in output
    article.refresh_from_db()
    assert (article.title, article.body) == ("Typo title", "<p>Original text, fixed.</p>")
    assert "kept: 1 changed here" in run("import_wxr", path)  # and again: the source did not change
    assert "0 created, 1 updated" in run("import_wxr", path, "--overwrite")
    article.refresh_from_db()
    assert article.title == "Typo tilte"
    history = editor.get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    assert history.count("Imported from blog.example.org") == 2
    fix, imported = list(Version.objects.get_for_object(article).order_by("pk"))[-3::2]
    compare = editor.get(f"/admin/articles/article/{article.pk}/history/compare/?old={fix.pk}&new={imported.pk}")
    assert "<del>Typo title</del>" in compare.content.decode() and "<ins>Typo tilte</ins>" in compare.content.decode()


def test_overwrite_replaces_the_editors_fix_and_a_revision_restores_it(tmp_path):
    path = site_export(tmp_path, "https://blog.example.org", post(1, "Typo tilte", body="<p>Orignal text.</p>"))
    run("import_wxr", path)
    article = Article.objects.get()
    article.title, article.body = "Typo title", "<p>Original text, fixed.</p>"
    article.save()  # no revision of its own (a script, the shell): the import keeps one before replacing it
    output = run("import_wxr", path, "--overwrite")
    assert "0 created, 1 updated" in output and "kept" not in output
    article.refresh_from_db()
    assert (article.title, article.body) == ("Typo tilte", "<p>Orignal text.</p>")
    assert comments(article) == ["Imported from blog.example.org",
                                 "As changed here, before the import from blog.example.org replaced it",
                                 "Imported from blog.example.org"]
    versions = list(Version.objects.get_for_object(article).order_by("pk"))
    versions[1].revision.revert(delete=True)
    article.refresh_from_db()
    assert (article.title, article.body) == ("Typo title", "<p>Original text, fixed.</p>")
    versions[2].revision.revert(delete=True)  # the import's own revision brings its text back
    article.refresh_from_db()
    assert article.title == "Typo tilte"
    assert "0 created, 0 updated, 1 unchanged" in run("import_wxr", path)


def test_an_update_from_the_source_keeps_a_revision_that_can_be_restored(tmp_path):
    run("import_wxr", site_export(tmp_path, "https://blog.example.org", post(1, "First", slug="first")))
    output = run("import_wxr", site_export(tmp_path, "https://blog.example.org",
                                           post(1, "Second", slug="first", body="<p>Changed at the source.</p>")))
    assert "0 created, 1 updated" in output
    article = Article.objects.get()
    assert comments(article) == ["Imported from blog.example.org", "Imported from blog.example.org"]
    first, second = Version.objects.get_for_object(article).order_by("pk")
    assert [v.object_repr for v in second.revision.version_set.all() if v.content_type.model == "articleauthor"]
    first.revision.revert(delete=True)
    article.refresh_from_db()
    assert (article.title, article.body) == ("First", "<p>Text.</p>")
    assert [a.slug for a in article.authors.all()] == ["admin"]


@time_machine.travel(FROZEN, tick=False)
def test_an_import_never_publishes_what_its_source_holds_back(tmp_path, client):
    statuses = ["publish", "future", "draft", "pending", "private", "trash", "auto-draft", "inherit"]
    items = [post(n, f"Post {status}", status=status, date="2021-07-01 09:00:00" if status == "future" else
                  "2021-06-01 09:00:00") for n, status in enumerate(statuses, start=1)]
    output = run("import_wxr", site_export(tmp_path, "https://blog.example.org", *items))
    assert "5 created" in output and "3 skipped (status auto-draft: 1, status inherit: 1, status trash: 1)" in output
    assert dict(Article.objects.values_list("title", "status")) == {
        "Post publish": "published", "Post future": "published", "Post draft": "draft", "Post pending": "review",
        "Post private": "draft"}
    assert list(Article.objects.published().values_list("title", flat=True)) == ["Post publish"]
    assert Article.objects.get(title="Post future").is_scheduled
    for slug in ("post-draft", "post-pending", "post-private", "post-future"):
        assert client.get(f"/the-peninsula/{slug}/").status_code == 404


@time_machine.travel(FROZEN, tick=False)
def test_another_sites_private_post_under_the_same_id_neither_replaces_nor_is_published(tmp_path, client):
    run("import_wxr", site_export(tmp_path, "https://a.example.org", post(7, "Public on A", creator="alice")))
    run("import_wxr", site_export(tmp_path, "https://b.example.org",
                                  post(7, "Private on B", status="private", body="<p>Secret.</p>", creator="bob")))
    public = Article.objects.get(import_source="a.example.org", wp_id=7)
    assert (public.title, public.status, [a.slug for a in public.authors.all()]) == ("Public on A", "published",
                                                                                     ["alice"])
    assert Article.objects.get(import_source="b.example.org", wp_id=7).status == "draft"
    assert list(Article.objects.published()) == [public]
    response = client.get("/?p=7")
    assert response.status_code == 301 and response["Location"] == public.get_absolute_url()


def test_a_post_made_private_at_the_source_is_unpublished_here(tmp_path):
    run("import_wxr", site_export(tmp_path, "https://blog.example.org", post(3, "Soon private")))
    run("import_wxr", site_export(tmp_path, "https://blog.example.org", post(3, "Soon private", status="private")))
    assert Article.objects.get().status == "draft" and not Article.objects.published().exists()


def give_sources():
    """The data migration 0017_import_source, run on this database."""
    from importlib import import_module

    import_module("articles.migrations.0017_import_source").give_sources(apps, None)


def test_articles_imported_before_sources_are_claimed_by_their_site(tmp_path):
    items = [post(1, "One", link="https://blog.example.org/2015/02/one/"),
             post(2, "Two", link="https://blog.example.org/2015/02/two/")]
    path = site_export(tmp_path, "https://blog.example.org", *items)
    run("import_wxr", path)
    Article.objects.update(import_source="", import_digest="")  # as the rows were before the migration
    give_sources()
    assert set(Article.objects.values_list("import_source", flat=True)) == {UNKNOWN_SOURCE}
    # Another site's post 1, with its own permalink, is not the old post 1.
    other = site_export(tmp_path, "https://other.example.org",
                        post(1, "Other one", link="https://other.example.org/2015/02/other-one/"))
    assert "1 created, 0 updated" in run("import_wxr", other)
    assert Article.objects.get(wp_id=1, import_source=UNKNOWN_SOURCE).title == "One"
    output = run("import_wxr", path)
    assert "0 created, 2 updated" in output and "claimed: 2 imported before sources were recorded" in output
    assert sorted(Article.objects.values_list("import_source", "wp_id")) == [
        ("blog.example.org", 1), ("blog.example.org", 2), ("other.example.org", 1)]
    assert "0 created, 0 updated, 2 unchanged" in run("import_wxr", path)


def test_an_article_changed_before_the_migration_counts_from_the_migration(tmp_path):
    path = site_export(tmp_path, "https://blog.example.org", post(1, "One", link="https://blog.example.org/one/"))
    run("import_wxr", path)
    Article.objects.update(import_source="", import_digest="")
    give_sources()
    article = Article.objects.get()
    article.title = "One, edited after the migration"
    article.save()
    assert "kept: 1 changed here" in run("import_wxr", path)
    assert Article.objects.get().import_source == UNKNOWN_SOURCE  # kept as it is, keys too
    assert LegacyURL.objects.get().article == article


def test_a_dry_run_names_the_article_it_would_keep(tmp_path):
    path = site_export(tmp_path, "https://blog.example.org", post(1, "One"))
    run("import_wxr", path)
    Article.objects.filter(wp_id=1).update(title="Edited here")
    output = run("import_wxr", path, "--dry-run")
    assert "would keep article “Edited here” as it is: changed here since the last import" in output
    assert Article.objects.get().title == "Edited here"


# Pages (import_page), keyed by their --url --------------------------------------------------------

PAGE = """Search All Site Content

The Peninsula

{title}

Published February 18, 2015
Category: North Korea
By Matthew Nitkoski

{body}

Return to the Peninsula
"""


def test_a_page_reimport_keeps_an_editors_fix_unless_overwrite(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE.format(title="Looking Abroad", body="North Korea looks abroad."), encoding="utf-8")
    url = "--url=https://keia.org/the-peninsula/2015/02/looking-abroad/"
    run("import_page", page, url)
    assert "0 created, 0 updated, 1 unchanged" in run("import_page", page, url)
    article = Article.objects.get()
    article.body = "<p>North Korea looks abroad, corrected.</p>"
    article.save()
    page.write_text(PAGE.format(title="Looking Abroad", body="North Korea looks abroad again."), encoding="utf-8")
    output = run("import_page", page, url)
    assert "0 updated" in output and "kept: 1 changed here since the last import (“Looking Abroad”" in output
    assert Article.objects.get().body == "<p>North Korea looks abroad, corrected.</p>"
    assert "1 updated" in run("import_page", page, url, "--overwrite")
    article.refresh_from_db()
    assert article.body == "<p>North Korea looks abroad again.</p>"
    assert comments(article)[-1] == "Imported from https://keia.org/the-peninsula/2015/02/looking-abroad/"


def test_the_admin_refuses_a_post_id_its_source_already_has(tmp_path):
    run("import_wxr", site_export(tmp_path, "", post(5, "Imported")))
    other = Article.objects.create(title="Written here", slug="written-here")
    editor = login(make_user("edith", "editor"))
    url = f"/admin/articles/article/{other.pk}/change/"
    data = form_data(editor, url)
    data["wp_id"] = "5"
    response = editor.post(url, data)
    assert response.status_code == 200 and "already exists" in response.content.decode()
    assert Article.objects.get(pk=other.pk).wp_id is None


def test_an_updated_post_whose_text_sanitises_differently_twice_is_unchanged_next_time(tmp_path):
    # A <pre> loses a leading newline each time it is sanitised: the digest must hold what was stored.
    body = "<pre>\n\nssh-keygen -t rsa\n</pre>"
    run("import_wxr", site_export(tmp_path, "https://blog.example.org", post(1, "Keys", slug="keys", body=body)))
    path = site_export(tmp_path, "https://blog.example.org", post(1, "SSH keys", slug="keys", body=body))
    assert "0 created, 1 updated" in run("import_wxr", path)
    output = run("import_wxr", path)
    assert "0 created, 0 updated, 1 unchanged" in output and "kept" not in output


def test_the_admins_restore_brings_back_the_editors_fix_an_overwrite_replaced(tmp_path):
    path = site_export(tmp_path, "https://blog.example.org", post(1, "Typo tilte", body="<p>Orignal text.</p>"))
    run("import_wxr", path)
    article = Article.objects.get()
    editor = login(make_user("edith", "editor"))
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(editor, url)
    data.update(title="Typo title", body="<p>Original text, fixed.</p>")
    assert editor.post(url, data).status_code == 302
    run("import_wxr", path, "--overwrite")
    fix = Version.objects.get_for_object(article).get(revision__comment__startswith="As changed here")
    restore = f"/admin/articles/article/{article.pk}/history/{fix.pk}/"
    assert editor.post(restore, form_data(editor, restore)).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == ("Typo title", "<p>Original text, fixed.</p>")
    assert [a.slug for a in article.authors.all()] == ["admin"]
