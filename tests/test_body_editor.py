"""The body editor's server side: the widget needs no inline script, pictures uploaded into the body
(alt text required, stored with renditions), and the autosaved copy the change form offers to recover."""
from datetime import timedelta
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image

from articles.html import sanitize_html

from articles.images.renditions import rendition_name
from articles.models import Article, DraftAutosave
from tests.admin_client import form_data, login
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/articles/article/body-image/"


def picture(name="harbour.png", size=(1000, 500)):
    buffer = BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def autosave_url(article):
    return f"/admin/articles/article/{article.pk}/autosave/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def test_the_body_widget_loads_the_editor_as_a_module_with_no_inline_script():
    article = make_article("Talks", status="draft")
    html = login(make_user("edith", "editor")).get(change_url(article)).content.decode()
    assert '<script src="/static/js/body-editor.js" type="module"></script>' in html
    assert 'data-body-editor=""' in html and f'data-image-upload-url="{UPLOAD}"' in html
    assert 'type="importmap"' not in html and "<style" not in html


# Pictures in the body

def test_an_uploaded_picture_is_stored_with_renditions_and_described_for_the_editor():
    response = login(make_user("carla", "contributor")).post(UPLOAD, {
        "image": picture(), "alt": "  Cranes   at dusk ", "caption": "The port", "credit": "Photo: Yonhap"})
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["src"].startswith("/media/body/harbour") and data["src"].endswith(".png")
    assert (data["width"], data["height"], data["alt"]) == (1000, 500, "Cranes at dusk")
    assert data["caption"] == "The port — Photo: Yonhap"
    name = data["src"].removeprefix("/media/")
    assert default_storage.exists(name) and default_storage.exists(rendition_name(name, 800))


@pytest.mark.parametrize("fields, message", [
    ({"alt": "   "}, "Describe the picture"),
    ({"alt": ""}, "Describe the picture"),
    ({"image": SimpleUploadedFile("notes.png", b"not a picture", content_type="image/png")}, "not a picture"),
    ({"image": None}, "required"),
])
def test_an_upload_without_alt_text_or_a_real_picture_is_refused_and_nothing_is_stored(fields, message):
    before = default_storage.listdir("body")[1] if default_storage.exists("body") else []
    data = {"image": picture(), "alt": "Cranes", **fields}
    response = login(make_user("edith", "editor")).post(UPLOAD, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 400 and message in response.json()["error"]
    assert (default_storage.listdir("body")[1] if default_storage.exists("body") else []) == before


def test_the_upload_takes_only_a_post_from_staff_with_its_csrf_token():
    assert login(make_user("edith", "editor")).get(UPLOAD).status_code == 405
    assert Client().post(UPLOAD, {"image": picture(), "alt": "x"}).status_code == 302  # to the login page
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(make_user("cody", "editor"))
    assert guarded.post(UPLOAD, {"image": picture(), "alt": "x"}).status_code == 403


# Autosave

def test_autosave_keeps_one_sanitised_copy_per_article_and_user():
    edith = make_user("edith", "editor")
    article = make_article("Talks", status="draft", body="<p>Begun.</p>")
    client = login(edith)
    for body in ("<p>Begun.</p><p>Going on.</p>", '<p>Begun.</p><p onclick="x()">Still going.</p><script>x</script>'):
        response = client.post(autosave_url(article), {"title": "Talks go on", "body": body})
        assert response.status_code == 200 and "saved_at" in response.json()
    copy = DraftAutosave.objects.get()
    assert (copy.user, copy.title, copy.body) == (edith, "Talks go on", "<p>Begun.</p><p>Still going.</p>")
    article.refresh_from_db()
    assert article.body == "<p>Begun.</p>"  # the article itself is untouched


def test_autosave_follows_who_may_edit_the_article():
    article = make_article("Talks", status="draft", created_by=make_user("carla", "contributor"))
    assert login(make_user("cody", "contributor")).post(autosave_url(article), {"title": "Mine"}).status_code == 403
    assert login(make_user("edith", "editor")).get(autosave_url(article)).status_code == 405
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(article.created_by)
    assert guarded.post(autosave_url(article), {"title": "Mine"}).status_code == 403
    assert not DraftAutosave.objects.exists()


def test_the_change_form_offers_a_newer_differing_copy_and_a_save_forgets_it():
    edith = make_user("edith", "editor")
    article = make_article("Talks", status="draft", body="<p>Begun.</p>")
    client = login(edith)
    assert "Recover autosaved version" not in client.get(change_url(article)).content.decode()
    client.post(autosave_url(article), {"title": "Talks", "body": "<p>Begun.</p><p>More.</p>"})
    html = client.get(change_url(article)).content.decode()
    assert "Recover autosaved version from" in html
    assert '"body": "\\u003Cp\\u003EBegun.\\u003C/p\\u003E\\u003Cp\\u003EMore.\\u003C/p\\u003E"' in html
    assert "Recover autosaved version" not in login(make_user("otto", "editor")).get(change_url(article)).content.decode()

    data = form_data(client, change_url(article))
    data["body"] = "<p>Begun.</p><p>More.</p>"
    assert client.post(change_url(article), data).status_code == 302
    assert not DraftAutosave.objects.exists()


def test_a_copy_older_than_the_saved_article_or_equal_to_it_is_not_offered():
    edith = make_user("edith", "editor")
    article = make_article("Talks", status="draft", body="<p>Begun.</p>")
    DraftAutosave.objects.create(article=article, user=edith, title="Talks", body="<p>Old.</p>",
                                 saved_at=article.updated_at - timedelta(minutes=5))
    assert "Recover autosaved version" not in login(edith).get(change_url(article)).content.decode()
    DraftAutosave.objects.update(body="<p>Begun.</p>", saved_at=timezone.now() + timedelta(minutes=1))
    assert "Recover autosaved version" not in login(edith).get(change_url(article)).content.decode()


HTMLISH = st.text(alphabet=st.sampled_from(list("<>/=\"' &;pabimgscrptonerfigu\r\n\x00é한")) | st.characters(),
                  max_size=200)


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=st.text(max_size=320), body=HTMLISH)
def test_no_posted_copy_makes_the_autosave_or_the_change_form_fail(title, body):
    # Examples share the test's transaction: the article and its editor are made once.
    editor = get_user_model().objects.filter(username="edith").first() or make_user("edith", "editor")
    article = Article.objects.filter(slug="talks").first() or make_article("Talks", status="draft", slug="talks")
    client = login(editor)
    response = client.post(autosave_url(article), {"title": title, "body": body})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        copy = DraftAutosave.objects.get()
        assert sanitize_html(copy.body) == copy.body and "\x00" not in copy.title
    assert client.get(change_url(article)).status_code == 200
