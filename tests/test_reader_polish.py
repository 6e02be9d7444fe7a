"""Reader polish: the favicon, page titles that say what the page shows, the year chart's labels, author
photos, the Korean font, Brotli copies of static files, and the reference article line for line."""
from datetime import timedelta

import brotli
import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.utils import timezone
from whitenoise.middleware import WhiteNoiseMiddleware

from archive import mailing_list
from archive.models import Subscriber
from articles.editorial.previews import shared_preview_url
from articles.entities.charts import WIDTH, YEAR_LABEL_SPACING, year_chart
from tests.factories import make_article, make_author
from tests.shared_data import SEED, shared
from tests.test_images import picture_bytes

# The seed page's lines that belong to the site's frame, not to the post (the header, the sign-up box,
# the footer); the page shows them too, but elsewhere than between the title and "Return to the Peninsula".
SEED_CHROME = {"Search All Site Content", "Total Index: 6296 publications.", "Subscribe to our Mailing List!",
               "Sign up for our mailing list to keep up to date on all the latest developments.",
               "Stay Informed", "Register to receive updates from KEI"}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def local(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.mark.django_db
def test_favicon_ico_is_served_at_the_root_as_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        assert b"".join(response.streaming_content) == icon.read()
    page = soup_of(client.get("/subscribe/"))
    assert page.select_one('link[rel="icon"][href$="favicon.ico"]') is not None


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "method", "title"), [
    ("confirm", "get", "Confirm your subscription"),
    ("confirm", "post", "Subscription confirmed"),
    ("unsubscribe", "get", "Unsubscribe"),
    ("unsubscribe", "post", "You are unsubscribed"),
])
def test_mailing_list_pages_are_titled_by_what_they_show(client, page, method, title):
    subscriber = Subscriber.objects.create(email="titles@example.org")
    url = local(mailing_list.confirm_url(subscriber) if page == "confirm" else mailing_list.unsubscribe_url(subscriber))
    soup = soup_of(getattr(client, method)(url))
    assert soup.title.get_text() == f"{title} | The Peninsula"
    assert soup.h1.get_text() == title
    assert soup.select_one('meta[property="og:title"]')["content"] == title


@pytest.mark.django_db
def test_a_confirmed_reader_revisiting_the_link_sees_a_page_titled_confirmed(client):
    subscriber = Subscriber.objects.create(email="again@example.org", status="active")
    soup = soup_of(client.get(local(mailing_list.confirm_url(subscriber))))
    assert soup.title.get_text().startswith("Subscription confirmed") and soup.h1.get_text() == "Subscription confirmed"
    assert not soup.select("main form")


@pytest.mark.django_db
def test_an_expired_link_is_titled_expired_and_a_bad_one_not_valid(client, time_machine):
    subscriber = Subscriber.objects.create(email="late@example.org")
    url = local(mailing_list.confirm_url(subscriber))
    bad = soup_of(client.get("/unsubscribe/nope/"))
    assert bad.title.get_text().startswith("Link not valid") and bad.h1.get_text() == "This link is not valid"
    time_machine.move_to(timezone.now() + timedelta(days=8))
    expired = soup_of(client.get(url))
    assert expired.title.get_text().startswith("Link expired") and expired.h1.get_text() == "This link has expired"


@pytest.mark.django_db
def test_a_preview_is_titled_as_a_preview_of_its_article(client):
    draft = make_article("Plans for Kaesong", status="draft")
    soup = soup_of(client.get(shared_preview_url(draft)))
    assert soup.title.get_text() == "Preview: Plans for Kaesong | The Peninsula"


@pytest.mark.parametrize("span", [1, 5, 11, 12, 16, 25, 40, 75])
def test_year_labels_are_far_enough_apart_to_fit_and_the_latest_year_is_always_labelled(span):
    chart = year_chart({2025 - i: i + 1 for i in range(span)})
    labelled = sorted(chart["labelled"])
    assert labelled[-1] == 2025
    centres = {bar.year: bar.label_x for bar in chart["bars"]}
    gaps = [centres[b] - centres[a] for a, b in zip(labelled, labelled[1:])]
    slot = WIDTH / span
    assert all(YEAR_LABEL_SPACING - 0.5 <= gap < YEAR_LABEL_SPACING + slot for gap in gaps), gaps  # no more thinned than needed


def test_count_labels_give_way_on_phones_only_when_the_bars_are_too_narrow_for_them():
    assert not year_chart({2010 + i: 5 for i in range(12)})["dense"]
    assert year_chart({2010 + i: 5 for i in range(12)} | {2000: 250})["dense"]  # 26 slots, three digits
    assert not year_chart({1990 + i: 3 for i in range(35)})["dense"]  # one digit fits a 17-unit slot
    assert year_chart({1990 + i: 12 for i in range(35)})["dense"]


@pytest.mark.django_db
def test_the_author_page_shows_the_authors_photo_with_the_name_as_alt(client):
    author = make_author("Yong Kwon", photo=SimpleUploadedFile("kwon.jpg", picture_bytes(300, 400),
                                                                content_type="image/jpeg"))
    make_article(authors=[author])
    img = soup_of(client.get(author.get_absolute_url())).select_one("main img.author-photo")
    assert img["alt"] == "Yong Kwon" and img["src"] == author.photo.url
    assert client.get(img["src"]).status_code == 200
    plain = make_author("Ann Lee")
    make_article(authors=[plain])
    assert not soup_of(client.get(plain.get_absolute_url())).select("img.author-photo")


def test_the_font_stacks_name_korean_fonts_before_the_generic_family():
    css = open(finders.find("css/site.css"), encoding="utf-8").read()
    korean = css.split("--korean:", 1)[1].split(";", 1)[0]
    assert all(font in korean for font in ('"Apple SD Gothic Neo"', '"Malgun Gothic"', '"Noto Sans KR"'))
    assert 'Georgia, "Times New Roman", var(--korean), serif' in css
    assert "system-ui, var(--korean), sans-serif" in css and "system-ui, sans-serif" not in css


def test_collectstatic_writes_brotli_copies_and_whitenoise_serves_them(tmp_path):
    storages = {"default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
                "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
        from django.templatetags.static import static

        url = static("css/site.css")
        hashed = tmp_path / url.removeprefix("/static/")
        assert brotli.decompress((tmp_path / f"{hashed.relative_to(tmp_path)}.br").read_bytes()) == hashed.read_bytes()
        middleware = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
        response = middleware(RequestFactory().get(url, HTTP_ACCEPT_ENCODING="gzip, br"))
    assert response.status_code == 200 and response["Content-Encoding"] == "br"


@pytest.mark.django_db
def test_the_reference_article_shows_every_line_of_the_seed_page_in_order(client, peninsula):
    """The fixture has no picture file: its credit line is still there, after the author's note."""
    seed = shared(SEED).read_text(encoding="utf-8")
    lines = [" ".join(line.split()) for line in seed.splitlines() if line.strip()]
    post = [line for line in lines if line not in SEED_CHROME]
    assert "Photo from Adam Barker’s photostream on flickr Creative Commons." in post
    main = " ".join(soup_of(client.get(peninsula.get_absolute_url())).find("main").get_text(" ").split())
    position = 0
    for line in post:
        found = main.find(line, position)
        assert found >= 0, f"missing or out of order: {line[:80]}"
        position = found + len(line)
