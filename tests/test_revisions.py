"""Revisions (django-reversion): every admin save is kept with who and when; the history compares
any two revisions (title, text, entities, authors), restores one, and recovers a deleted article."""
import pytest
from reversion.models import Version

from articles.models import Article
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_entity, make_user

pytestmark = pytest.mark.django_db



def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def save(client, article, **changes):
    data = form_data(client, change_url(article))
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


@pytest.fixture
def history():
    """An article saved twice by an editor: new title, new paragraph, an author swapped, an entity added."""
    editor = make_user("edith", "editor")
    client = login(editor)
    first, second = make_author("Ann First"), make_author("Bob Second")
    korea = make_entity("Korea", kind="place")
    article = make_article("Old title", status="draft", body="<p>The talks began in spring.</p>",
                           authors=[first])
    save(client, article)
    save(client, article, title="New title", body="<p>The talks began in late spring.</p><p>Then they stopped.</p>",
         **{"author_links-0-author": str(second.pk), "entity_links-TOTAL_FORMS": "1",
            "entity_links-0-tag": str(korea.pk), "entity_links-0-position": "0", "entity_links-0-is_main": "on"})
    return client, article


def test_each_save_keeps_a_revision_with_who_and_when(history):
    client, article = history
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    assert {v.revision.user.username for v in versions} == {"edith"}
    html = client.get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    assert html.count('name="old"') == 2 and "edith" in html and "Compare the selected revisions" in html


def test_diff_shows_title_text_authors_and_entities(history):
    client, article = history
    old, new = Version.objects.get_for_object(article).order_by("pk")
    response = client.get(f"/admin/articles/article/{article.pk}/history/compare/?old={old.pk}&new={new.pk}")
    html = response.content.decode()
    assert "<del>Old title</del>" in html and "<ins>New title</ins>" in html
    assert "<ins>late</ins>" in html and "<ins>¶ Then they stopped.</ins>" in html
    assert "Removed: <del>Ann First</del>" in html and "Added: <ins>Bob Second</ins>" in html
    assert "Added: <ins>Korea (place), main subject</ins>" in html


def test_diff_with_a_bad_revision_id_is_a_404(history):
    client, article = history
    assert client.get(f"/admin/articles/article/{article.pk}/history/compare/?old=x&new=1").status_code == 404


def test_editor_restores_an_older_revision(history):
    client, article = history
    old = Version.objects.get_for_object(article).order_by("pk").first()
    url = f"/admin/articles/article/{article.pk}/history/{old.pk}/"
    data = form_data(client, url)
    assert data["title"] == "Old title"
    assert data["_keep_later_entities"] == "1"  # offered, ticked: Korea was tagged after this revision
    del data["_keep_later_entities"]
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Old title"
    assert [a.name for a in article.authors.all()] == ["Ann First"]
    assert not article.entity_links.exists()
    assert Version.objects.get_for_object(article).count() == 3


def test_restore_page_shows_the_diff_against_the_article_as_it_is(history):
    client, article = history
    old = Version.objects.get_for_object(article).order_by("pk").first()
    html = client.get(f"/admin/articles/article/{article.pk}/history/{old.pk}/").content.decode()
    assert "What restoring changes" in html
    assert "<del>New title</del>" in html and "<ins>Old title</ins>" in html
    assert "Removed: <del>Bob Second</del>" in html and "Added: <ins>Ann First</ins>" in html
    assert "Keep the entities tagged since this revision" in html and "Korea (place)" in html
    article.refresh_from_db()
    assert article.title == "New title"  # looking restores nothing


def test_restore_keeps_entities_tagged_since_unless_unticked(history):
    client, article = history
    old = Version.objects.get_for_object(article).order_by("pk").first()
    url = f"/admin/articles/article/{article.pk}/history/{old.pk}/"
    assert client.post(url, form_data(client, url)).status_code == 302
    article.refresh_from_db()
    assert article.title == "Old title"
    assert [e.label for e in article.entities.all()] == ["Korea (place)"]
    latest = Version.objects.get_for_object(article).first()
    assert "Reverted" in latest.revision.get_comment()
    assert len(latest.revision.version_set.filter(content_type__model="articleentity")) == 1


def test_a_save_that_changes_nothing_keeps_no_revision(history):
    """Browsers post textareas with CRLF line endings; stored text has LF. That alone is no change."""
    client, article = history
    before = Version.objects.get_for_object(article).count()
    data = form_data(client, change_url(article))
    data["body"] = data["body"].replace("</p><p>", "</p>\r\n<p>  ") + "\r\n"
    data["author_note"] = "\r\n"
    save(client, article, **data)
    assert Version.objects.get_for_object(article).count() == before
    article.refresh_from_db()
    assert "\r" not in article.body and article.body == "<p>The talks began in late spring.</p><p>Then they stopped.</p>"


def test_tagging_in_the_form_alone_keeps_a_revision_with_the_tag(history):
    client, article = history
    china = make_entity("China", kind="place")
    before = Version.objects.get_for_object(article).count()
    save(client, article, **{"entity_links-TOTAL_FORMS": "2", "entity_links-1-tag": str(china.pk),
                             "entity_links-1-position": "1"})
    versions = Version.objects.get_for_object(article)
    assert versions.count() == before + 1
    old, new = versions.order_by("pk")[before - 1:]
    html = client.get(f"/admin/articles/article/{article.pk}/history/compare/?old={old.pk}&new={new.pk}").content.decode()
    assert "Added: <ins>China (place)</ins>" in html


def test_workflow_steps_are_named_in_the_history():
    carla, edith = make_user("carla", "contributor"), make_user("edith", "editor")
    article = make_article("Step by step", status="draft", created_by=carla, published_at=None)
    save(login(carla), article)
    save(login(carla), article, _workflow="submit")
    save(login(edith), article, _workflow="publish", publish_anyway="on")
    comments = [v.revision.get_comment() for v in Version.objects.get_for_object(article).order_by("pk")]
    assert comments[1].startswith("Submitted for review.")
    assert comments[2].startswith("Published.")
    history = login(edith).get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    assert "Submitted for review." in history and "Published." in history


def test_tagging_from_suggestions_and_merging_keep_named_revisions():
    from articles.admin.forms import MergeForm  # noqa: F401 (the merge action's form)

    edith = login(make_user("edith", "editor"))
    busan, pusan = make_entity("Busan", kind="place"), make_entity("Pusan", kind="place")
    article = make_article("Port talks", body="<p>Talks in Busan.</p>")
    edith.post(f"/admin/articles/article/{article.pk}/entity-suggestion/", {"decision": "accept", "entity": busan.pk})
    tagged = Version.objects.get_for_object(article).first()
    assert tagged.revision.get_comment() == "Tagged “Busan”." and tagged.revision.user.username == "edith"
    edith.post("/admin/articles/entity/", {"action": "merge_selected_entities", "_selected_action": [busan.pk, pusan.pk],
                                           "survivor": pusan.pk, "confirm": "1"})
    merged = Version.objects.get_for_object(article).first()
    assert merged.revision.get_comment() == "Merged “Busan” into “Pusan”."
    assert [e.label for e in Article.objects.get(pk=article.pk).entities.all()] == ["Pusan (place)"]


def test_restoring_a_revision_with_another_slug_keeps_every_old_url_working(client):
    from articles.models import LegacyURL

    editor = login(make_user("edith", "editor"))
    article = make_article("Harbour talks", slug="harbour-talks")
    save(editor, article)
    save(editor, article, slug="harbour-talks-resume")  # /harbour-talks/ becomes a legacy URL
    save(editor, article, slug="harbour-talks-final")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    url = f"/admin/articles/article/{article.pk}/history/{first.pk}/"
    assert editor.post(url, form_data(editor, url)).status_code == 302
    article.refresh_from_db()
    assert article.slug == "harbour-talks"
    assert client.get(article.get_absolute_url()).status_code == 200
    for slug in ("harbour-talks-resume", "harbour-talks-final"):
        old_path = Article(slug=slug).get_absolute_url()
        response = client.get(old_path)
        assert (response.status_code, response["Location"]) == (301, article.get_absolute_url()), old_path
    assert not LegacyURL.objects.filter(path=article.get_absolute_url()).exists()


def test_contributor_cannot_restore_over_a_submitted_or_anothers_article(history):
    _, article = history
    carla = make_user("carla", "contributor")
    old = Version.objects.get_for_object(article).order_by("pk").first()
    url = f"/admin/articles/article/{article.pk}/history/{old.pk}/"
    assert login(carla).post(url, {"title": "Old title"}).status_code == 403  # not hers
    Article.objects.filter(pk=article.pk).update(created_by=carla, status="review")
    assert login(carla).post(url, {"title": "Old title"}).status_code == 403  # hers, but submitted
    article.refresh_from_db()
    assert (article.title, article.status) == ("New title", "review")


def test_contributor_restores_own_draft_but_never_into_a_published_state():
    carla = make_user("carla", "contributor")
    client = login(carla)
    article = make_article("Carla v1", status="draft", created_by=carla)
    save(client, article)
    save(client, article, title="Carla v2")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    url = f"/admin/articles/article/{article.pk}/history/{first.pk}/"
    assert client.post(url, form_data(client, url)).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Carla v1", "draft")


def test_editor_recovers_a_deleted_article_with_its_authors(history):
    client, article = history
    pk = article.pk
    assert client.post(f"/admin/articles/article/{pk}/delete/", {"post": "yes"}).status_code == 302
    deleted = Version.objects.get_deleted(Article).get(object_id=str(pk))
    assert "New title" in client.get("/admin/articles/article/recover/").content.decode()
    url = f"/admin/articles/article/recover/{deleted.pk}/"
    assert client.post(url, form_data(client, url)).status_code == 302
    recovered = Article.objects.get(pk=pk)
    assert recovered.title == "New title" and [a.name for a in recovered.authors.all()] == ["Bob Second"]


def test_contributor_cannot_recover_deleted_articles(history):
    client, article = history
    client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    deleted = Version.objects.get_deleted(Article).get(object_id=str(article.pk))
    carla = login(make_user("carla", "contributor"))
    assert "Recover deleted articles" not in carla.get("/admin/articles/article/").content.decode()
    assert "Recover deleted articles" in client.get("/admin/articles/article/").content.decode()
    assert carla.get("/admin/articles/article/recover/").status_code == 403
    assert carla.post(f"/admin/articles/article/recover/{deleted.pk}/", {"title": "x"}).status_code == 403
    assert not Article.objects.filter(pk=article.pk).exists()
