"""All-digit slugs (WordPress gives them: “Lego Turing Machine” is `431`) serve their article at the URL the
index, feeds and sitemap link; year archives stay at /the-peninsula/YYYY/ unless an article owns that slug."""
from datetime import datetime, timezone

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def when(year, month=3):
    return datetime(year, month, 4, 17, tzinfo=timezone.utc)


def links_on(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("slug", ["431", "2015"])
def test_an_all_digit_slug_is_reached_from_the_index_feeds_and_sitemap(client, slug):
    article = make_article("Lego Turing Machine", slug=slug, published_at=when(2015))
    url = f"/the-peninsula/{slug}/"
    assert article.get_absolute_url() == url
    index = BeautifulSoup(links_on(client, "/the-peninsula/"), "html.parser")
    assert url in {a["href"] for a in index.select("a[href]")}
    for listing in ("/feed/", "/feed/atom/", "/sitemap-articles.xml"):
        assert f"{url}<" in links_on(client, listing) or f'{url}"' in links_on(client, listing), listing
    page = client.get(url)
    assert page.status_code == 200
    assert BeautifulSoup(page.content, "html.parser").h1.get_text(strip=True) == "Lego Turing Machine"


def test_a_year_no_article_claims_keeps_its_archive(client):
    make_article("Lego Turing Machine", slug="431", published_at=when(2015))
    make_article("A 2016 story", slug="a-2016-story", published_at=when(2016))
    year = client.get("/the-peninsula/2016/")
    assert year.status_code == 200 and "A 2016 story" in year.content.decode()
    assert "Archive: 2016" in year.content.decode()
    assert client.get("/the-peninsula/2015/03/").status_code == 200
    moved = client.get("/the-peninsula/archive/2016/")  # the other address of an unclaimed year: one canonical URL
    assert moved.status_code == 301 and moved["Location"] == "/the-peninsula/2016/"


def test_an_article_whose_slug_is_a_year_wins_and_the_years_archive_moves_aside(client):
    make_article("The year in review", slug="2015", published_at=when(2015, 12))
    make_article("Spring talks", slug="spring-talks", published_at=when(2015))
    page = BeautifulSoup(links_on(client, "/the-peninsula/2015/"), "html.parser")
    assert page.h1.get_text(strip=True) == "The year in review"
    archive = links_on(client, "/the-peninsula/archive/2015/")
    assert "Archive: 2015" in archive and "Spring talks" in archive and "The year in review" in archive
    assert "Spring talks" in links_on(client, "/the-peninsula/2015/03/")  # months never clash: two segments


def test_an_unpublished_article_with_a_year_slug_does_not_hide_the_archive(client):
    make_article("Draft for 2016", slug="2016", status="draft", published_at=when(2016))
    make_article("A 2016 story", slug="a-2016-story", published_at=when(2016))
    assert "A 2016 story" in links_on(client, "/the-peninsula/2016/")  # readers: the archive, no draft
    assert "Draft for 2016" not in links_on(client, "/the-peninsula/2016/")


def test_digits_outside_the_date_rule_are_only_ever_slugs(client):
    assert client.get("/the-peninsula/1850/").status_code == 404
    make_article("Eighteen fifty", slug="1850", published_at=when(2015))
    assert client.get("/the-peninsula/1850/").status_code == 200
