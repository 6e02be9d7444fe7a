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
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Old title"
    assert [a.name for a in article.authors.all()] == ["Ann First"]
    assert not article.entity_links.exists()
    assert Version.objects.get_for_object(article).count() == 3


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
