"""Previews: staff see drafts and unsaved changes in the public template, privately and unindexed;
a signed link lets a reviewer without an account read a draft until the link expires."""
import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from articles.editorial.previews import preview_token
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db



def assert_private_preview(response):
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    html = response.content.decode()
    assert 'content="noindex, nofollow"' in html and 'class="preview-banner"' in html
    assert 'class="article-body"' in html  # the public article template
    return html


def test_editor_sees_a_draft_on_its_own_url_privately():
    article = make_article("Draft piece", status="draft")
    html = assert_private_preview(login(make_user("edith", "editor")).get(article.get_absolute_url()))
    assert "Preview: this article is draft" in html


def test_published_page_is_not_marked_private():
    article = make_article("Live piece")
    response = login(make_user("edith", "editor")).get(article.get_absolute_url())
    assert "no-store" not in response.get("Cache-Control", "") and "X-Robots-Tag" not in response


def test_contributor_previews_own_draft_but_not_anothers():
    carla, cody = make_user("carla", "contributor"), make_user("cody", "contributor")
    mine = make_article("Mine", status="draft", created_by=carla)
    theirs = make_article("Theirs", status="draft", created_by=cody)
    client = login(carla)
    assert_private_preview(client.get(mine.get_absolute_url()))
    assert client.get(theirs.get_absolute_url()).status_code == 404


def test_unsaved_changes_render_in_the_public_template_and_are_not_kept():
    editor = make_user("edith", "editor")
    author = make_author("Nadia Writer")
    article = make_article("Saved title", status="draft", body="<p>Saved body.</p>")
    client = login(editor)
    change_url = f"/admin/articles/article/{article.pk}/change/"
    assert f'formaction="/admin/articles/article/{article.pk}/preview/"' in client.get(change_url).content.decode()
    data = form_data(client, change_url)
    data.update({"title": "Unsaved title", "body": "<p>Unsaved body.</p><script>x()</script>",
                 "author_links-TOTAL_FORMS": "1", "author_links-0-author": str(author.pk),
                 "author_links-0-position": "0"})
    html = assert_private_preview(client.post(f"/admin/articles/article/{article.pk}/preview/", data))
    assert "Unsaved title" in html and "Unsaved body." in html and "By <a" in html and "Nadia Writer" in html
    assert "<script>x()" not in html
    assert "Preview: unsaved changes" in html
    article.refresh_from_db()
    assert (article.title, article.author_links.count()) == ("Saved title", 0)
    assert not Version.objects.get_for_object(article).exists()


def test_a_new_article_can_be_previewed_before_its_first_save():
    client = login(make_user("carla", "contributor"))
    data = form_data(client, "/admin/articles/article/add/")
    data.update(title="Not yet saved", slug="not-yet-saved", body="<p>Fresh.</p>")
    html = assert_private_preview(client.post("/admin/articles/article/preview/", data))
    assert "Not yet saved" in html
    assert not Article.objects.filter(slug="not-yet-saved").exists()


def test_preview_of_an_invalid_form_explains_instead_of_failing():
    client = login(make_user("edith", "editor"))
    data = form_data(client, "/admin/articles/article/add/")
    data.update(title="", slug="")
    response = client.post("/admin/articles/article/preview/", data)
    assert response.status_code == 400 and "Preview not possible" in response.content.decode()


def test_contributor_cannot_preview_changes_to_an_article_they_cannot_edit():
    carla = make_user("carla", "contributor")
    submitted = make_article("Submitted", status="review", created_by=carla)
    assert login(carla).post(f"/admin/articles/article/{submitted.pk}/preview/", {"title": "x"}).status_code == 403
    others = make_article("Others", status="draft")
    assert login(carla).post(f"/admin/articles/article/{others.pk}/preview/", {"title": "x"}).status_code == 403


def test_share_link_is_on_the_form_and_opens_for_a_reader_without_account():
    article = make_article("Embargoed analysis", status="review")
    html = login(make_user("edith", "editor")).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "/preview/" in html and "Anyone with this link" in html
    response = Client().get(f"/preview/{preview_token(article)}/")
    assert "Embargoed analysis" in assert_private_preview(response)


def test_share_link_is_built_from_the_address_the_editor_used_not_site_url(settings):
    settings.SITE_URL = "http://configured.invalid"
    settings.ALLOWED_HOSTS = ["desk.example.org"]
    article = make_article("Embargoed analysis", status="review")
    html = login(make_user("edith", "editor")).get(f"/admin/articles/article/{article.pk}/change/",
                                                   HTTP_HOST="desk.example.org").content.decode()
    assert re.search(r'href="http://desk\.example\.org/preview/[^"/]+/"', html)  # the token carries a time
    assert "configured.invalid" not in html


def assert_private_refusal(response):
    """A refused link is a 404 that says why, and is neither stored by a cache nor indexed."""
    assert response.status_code == 404
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    html = response.content.decode()
    assert "This preview link is invalid or has expired" in html and 'content="noindex, nofollow"' in html


def test_share_link_refuses_a_tampered_token():
    first, second = make_article("First", status="draft"), make_article("Second", status="draft")
    token = preview_token(first)
    forged = str(second.pk) + token[len(str(first.pk)):]
    assert_private_refusal(Client().get(f"/preview/{forged}/"))
    assert "Second" not in Client().get(f"/preview/{forged}/").content.decode()
    assert_private_refusal(Client().get("/preview/nonsense/"))


def test_share_link_to_a_deleted_article_is_refused_the_same_way():
    article = make_article("Withdrawn draft", status="draft")
    token = preview_token(article)
    article.delete()
    assert_private_refusal(Client().get(f"/preview/{token}/"))


def test_share_link_expires():
    article = make_article("Draft", status="draft")
    token = preview_token(article)
    assert Client().get(f"/preview/{token}/").status_code == 200  # a page cache must not keep it
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        expired = Client().get(f"/preview/{token}/")
    assert_private_refusal(expired)
    assert "7 days" in expired.content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        assert Client().get(f"/preview/{token}/").status_code == 200


def test_robots_txt_keeps_previews_out_of_search_engines(client):
    assert "Disallow: /preview/" in client.get("/robots.txt").content.decode()


def test_previewing_a_publication_leaves_the_public_count_alone():
    editor = login(make_user("edith", "editor"))
    make_article("Already public")
    draft = make_article("Draft", status="draft", published_at=None)
    assert "Total Index: 1 publications." in Client().get("/the-peninsula/").content.decode()
    data = form_data(editor, f"/admin/articles/article/{draft.pk}/change/")
    data.update(status="published", published_at_0="2020-01-01", published_at_1="10:00:00", publish_anyway="on")
    html = assert_private_preview(editor.post(f"/admin/articles/article/{draft.pk}/preview/", data))
    assert "Total Index: 2 publications." in html  # the preview shows the site as it would be
    assert "Total Index: 1 publications." in Client().get("/the-peninsula/").content.decode()
