"""A stored legacy URL redirects however its trailing slash is typed, in one hop."""
import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stored, requested", [
    ("/2014/03/old-title/", "/2014/03/old-title/"),
    ("/2014/03/old-title/", "/2014/03/old-title"),
    ("/blog/2015/nk-abroad.html", "/blog/2015/nk-abroad.html"),
    ("/blog/2015/nk-abroad.html", "/blog/2015/nk-abroad.html/"),
    ("/the-peninsula/earlier-slug/", "/the-peninsula/earlier-slug"),
    ("/the-peninsula/earlier-slug", "/the-peninsula/earlier-slug/"),
    ("/archives/431/", "/archives/431"),
    ("/2014/03/21/old-day-title/", "/2014/03/21/old-day-title"),
    ("/2014/03/21/old-day-title", "/2014/03/21/old-day-title/"),
    ("/p/ünïcode-title/", "/p/%C3%BCn%C3%AFcode-title"),
])
def test_a_legacy_url_redirects_with_or_without_its_trailing_slash(client, stored, requested):
    article = make_article("Moved piece", slug="moved-piece")
    article.legacy_urls.create(path=stored)
    response = client.get(requested)
    assert response.status_code == 301, (stored, requested, response.status_code, response.get("Location"))
    assert response["Location"] == "/the-peninsula/moved-piece/"


def test_a_legacy_url_of_an_unpublished_article_is_a_404_either_way(client):
    article = make_article("Pulled", status="draft")
    article.legacy_urls.create(path="/2014/03/pulled/")
    assert client.get("/2014/03/pulled/").status_code == 404
    assert client.get("/2014/03/pulled").status_code in (301, 404)
    assert client.get("/2014/03/pulled", follow=True).status_code == 404


def test_an_unknown_path_stays_a_404_with_or_without_the_slash(client):
    make_article("Moved piece", slug="moved-piece").legacy_urls.create(path="/2014/03/old-title/")
    assert client.get("/2014/03/other-title").status_code in (301, 404)
    assert client.get("/2014/03/other-title", follow=True).status_code == 404
    assert client.get("/nothing-here/").status_code == 404


@pytest.mark.parametrize("requested", ["/2014/03/late-title", "/2014/03/late-title/"])
def test_a_legacy_url_added_after_a_404_redirects_from_then_on(client, requested):
    article = make_article("Moved piece", slug="moved-piece")
    assert client.get(requested).status_code in (301, 404)
    assert client.get(requested, follow=True).status_code == 404
    article.legacy_urls.create(path="/2014/03/late-title/")
    response = client.get(requested)
    assert response.status_code == 301 and response["Location"] == "/the-peninsula/moved-piece/"
