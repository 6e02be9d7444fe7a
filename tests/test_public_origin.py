"""Absolute URLs (canonical, OpenGraph, JSON-LD, feeds) come from SITE_URL, never from request headers:
a request with a forged scheme or Host changes neither its own page nor what the cache serves later."""
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.factories import make_article, make_author, make_category, make_entity

pytestmark = pytest.mark.django_db

FORGED = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "localhost"}


def absolute_urls(content):
    return set(re.findall(r'https?://[^"\'<>\s\\]+', content.decode()))


@pytest.fixture
def article(settings):
    settings.SITE_URL = "http://testserver"
    author, category, entity = make_author(slug="ann"), make_category(slug="cat"), make_entity(slug="ent")
    return make_article(slug="story", authors=[author], categories=[category], entities=[entity])


@pytest.mark.parametrize("url", ["/the-peninsula/story/", "/the-peninsula/", "/category/cat/", "/tag/ent/",
                                 "/feed/", "/feed/atom/", "/author/ann/feed/"])
def test_a_forged_scheme_and_host_change_no_absolute_url_now_or_later(article, url):
    first = Client().get(url, HTTP_X_FORWARDED_PROTO="https")  # the page the cache then keeps
    other_host = Client().get(url, **FORGED)
    for response in (first, other_host):
        assert response.status_code == 200
        urls = absolute_urls(response.content)
        # The site's own URLs (share links name it only inside their query: those are checked below).
        ours = {u for u in urls if urlsplit(u).hostname in ("testserver", "localhost")}
        assert ours and all(u.startswith("http://testserver/") for u in ours), sorted(ours)
        assert not any("localhost" in u for u in urls)
    assert other_host.content == first.content
    later = Client().get(url)  # the next reader, from the cache when the page is kept
    assert later.content == first.content


def test_the_article_page_says_its_canonical_og_and_json_ld_urls_on_the_site_url(article, settings):
    settings.SITE_URL = "https://www.example.org"
    html = Client().get("/the-peninsula/story/", **FORGED).content.decode()
    assert '<link rel="canonical" href="https://www.example.org/the-peninsula/story/">' in html
    assert 'property="og:url" content="https://www.example.org/the-peninsula/story/"' in html
    assert '"url": "https://www.example.org/the-peninsula/"' in html or \
        '"url":"https://www.example.org/the-peninsula/"' in html
