"""Pictures in article bodies: sized on save, given srcset and lazy loading on the page, no extra queries."""
import html
import urllib.request

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import images
from articles.html import sanitize_html
from articles.images.renditions import rendition_name
from articles.models import Article
from tests.factories import make_article
from tests.test_images import picture_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """External pictures are never fetched to be measured."""
    def refuse(*args, **kwargs):
        raise AssertionError("a body picture was fetched from the network")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def stored_picture(width=1600, height=900, name="body/map.jpg"):
    stored = images.store_image(SimpleUploadedFile(name.rsplit("/", 1)[-1], picture_bytes(width, height)),
                                name.rsplit("/", 1)[0])
    return stored


def figure(url, alt="Map of the peninsula", extra=""):
    """What the admin's editor inserts for an uploaded picture (here without width and height)."""
    return f'<figure><img src="{url}" alt="{alt}"{extra}><figcaption>The peninsula in 1950.</figcaption></figure>'


def page_images(article):
    page = BeautifulSoup(Client().get(article.get_absolute_url()).content, "html.parser")
    return page.select(".article-body img")


def test_a_stored_body_picture_gets_its_size_on_save_and_renditions():
    stored = default_storage.save("imported/copied.jpg", ContentFile(picture_bytes(1300, 650)))
    article = make_article(body=f"<p>Text.</p>{figure(default_storage.url(stored))}")
    img = BeautifulSoup(Article.objects.get(pk=article.pk).body, "html.parser").img
    assert (img["width"], img["height"]) == ("1300", "650")
    for width in (480, 800, 1200):
        assert default_storage.exists(rendition_name(stored, width))


def test_the_page_gives_stored_body_pictures_srcset_and_sizes_and_lazy_loads_all_but_the_first():
    first, second = stored_picture(1600, 900), stored_picture(640, 480, "body/small.png")
    article = make_article(body=figure(first.url) + "<p>Between.</p>" + figure(second.url, alt="A chart"))
    top, lower = page_images(article)
    assert (top["width"], top["height"], top["alt"]) == ("1600", "900", "Map of the peninsula")
    assert [entry.split()[-1] for entry in top["srcset"].split(", ")] == ["480w", "800w", "1200w", "1600w"]
    assert top["src"] == default_storage.url(rendition_name(first.name, 1200))  # the original is wider than needed
    assert top["sizes"].endswith("510px") and "loading" not in top.attrs  # the page's first picture loads at once
    assert [entry.split()[-1] for entry in lower["srcset"].split(", ")] == ["480w", "640w"]
    assert lower["sizes"].endswith(" 510px") and (lower["width"], lower["height"]) == ("640", "480")
    assert (lower["loading"], lower["decoding"]) == ("lazy", "async")


def test_body_pictures_load_lazily_after_a_lead_picture():
    stored = stored_picture()
    article = make_article(body=figure(stored.url), image_alt="Seoul at night")
    article.image = SimpleUploadedFile("lead.jpg", picture_bytes(1000, 600), content_type="image/jpeg")
    article.save()
    [img] = page_images(article)
    assert img["loading"] == "lazy" and img["srcset"]


def test_the_editors_width_and_height_are_kept_and_size_the_srcset_choice():
    stored = stored_picture(1600, 900)
    article = make_article(body=figure(stored.url, extra=' width="320" height="180"'))
    [img] = page_images(article)
    assert (img["width"], img["height"]) == ("320", "180")
    assert img["sizes"] == "(max-width: 368px) calc(100vw - 2rem), 320px"


def test_a_width_alone_gets_the_height_of_the_pictures_shape():
    stored = stored_picture(1600, 900)
    article = make_article(body=figure(stored.url, extra=' width="400"'))
    assert 'width="400" height="225"' in Article.objects.get(pk=article.pk).body


def test_external_pictures_keep_the_size_they_are_given_and_are_never_fetched():
    body = ('<p><img src="https://images.example.org/a.jpg" alt="Given" width="600" height="400"></p>'
            '<p><img src="https://images.example.org/b.jpg" alt="Unknown"></p>')
    article = make_article(body=body)
    given_size, unknown = page_images(article)
    assert (given_size["width"], given_size["height"]) == ("600", "400") and "srcset" not in given_size.attrs
    assert "width" not in unknown.attrs and "srcset" not in unknown.attrs
    assert (unknown["loading"], unknown["decoding"]) == ("lazy", "async")


def test_srcset_and_loading_from_input_are_dropped_and_a_missing_file_changes_nothing():
    body = ('<img src="/media/body/nowhere.jpg" alt="Gone" srcset="https://tracker.example/p.gif 1w" '
            'sizes="1px" loading="eager" onerror="alert(1)">')
    article = make_article(body=body)
    stored = Article.objects.get(pk=article.pk).body
    assert stored == '<img src="/media/body/nowhere.jpg" alt="Gone">'
    [img] = page_images(article)
    assert "tracker.example" not in str(img) and "width" not in img.attrs and "onerror" not in img.attrs


def test_an_older_body_without_sizes_is_sized_on_the_page_without_queries():
    stored = stored_picture(1200, 800)
    article = make_article(body="<p>No picture.</p>")
    plain_queries = len(fresh_render(article)[1])
    Article.objects.filter(pk=article.pk).update(body=figure(stored.url))  # as saved before bodies were sized
    page, queries = fresh_render(article)
    img = BeautifulSoup(page, "html.parser").select_one(".article-body img")
    assert (img["width"], img["height"]) == ("1200", "800") and img["srcset"].endswith("1200w")
    assert len(queries) == plain_queries


def fresh_render(article):
    """The article page rendered afresh (not from the page cache), and the queries that took."""
    from articles.caching.generation import bump_generation

    bump_generation()
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content, queries


def test_saving_a_sized_body_again_changes_nothing():
    stored = stored_picture()
    article = make_article(body=figure(stored.url, alt="Tom & Jerry's \"map\" <1950>"))
    saved = Article.objects.get(pk=article.pk).body
    article.save()
    assert Article.objects.get(pk=article.pk).body == saved


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(alt=st.text(max_size=40), width=st.one_of(st.none(), st.text(max_size=6), st.integers(0, 99999).map(str)))
def test_sizing_is_stable_under_the_sanitiser_for_any_alt_text_and_width(alt, width):
    name = "body/property.png"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(picture_bytes(900, 300, "PNG")))
    extra = "" if width is None else f' width="{html.escape(width)}"'
    raw = f'<p><img src="{default_storage.url(name)}" alt="{html.escape(alt)}"{extra}></p>'
    once = images.size_body_pictures(sanitize_html(raw))
    assert images.size_body_pictures(sanitize_html(once)) == once
    img = BeautifulSoup(images.body_for_page(once), "html.parser").img
    assert img["width"].isdigit() and img["height"].isdigit() and int(img["width"]) > 0
    assert img["srcset"].endswith("900w")
