"""The public pages around the articles: index, archives, category, entity, author, series."""
import pytest
from bs4 import BeautifulSoup

from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_root_redirects_to_the_index(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/the-peninsula/"


def test_wordpress_post_links_lead_to_the_imported_article(client):
    article = make_article("Imported from WordPress", slug="imported", wp_id=4242)
    make_article("Draft from WordPress", status="draft", wp_id=4243)
    response = client.get("/?p=4242")
    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())
    for value in ("4243", "9999", "abc", "12a", "", "99999999999999999999999", "²"):
        assert client.get("/", {"p": value}).status_code == 404, value


def test_index_shows_description_and_a_card_for_the_article(client, peninsula):
    page = soup(client.get("/the-peninsula/"))
    assert "blog of the Korea Economic Institute" in page.select_one(".blog-description").get_text()
    card = page.select_one(".card")
    assert card.select_one(".card-title a").get_text() == "North Korea Looking Abroad"
    meta = " ".join(card.select_one(".card-meta").get_text().split())
    assert meta == "By Matthew Nitkoski February 18, 2015"
    excerpt = card.select_one(".card-excerpt").get_text()
    assert 25 <= len(excerpt.split()) <= 31
    assert excerpt.startswith("Nearly six years ago")
    assert card.select_one(".read-more")["href"] == "/the-peninsula/north-korea-looking-abroad/"


@pytest.mark.parametrize("url", ["/the-peninsula/", "/the-peninsula/north-korea-looking-abroad/",
                                 "/category/north-korea/", "/tag/kim-jong-un/", "/tags/",
                                 "/author/matthew-nitkoski/", "/the-peninsula/2015/", "/the-peninsula/2015/02/",
                                 "/search/?q=korea", "/subscribe/", "/no-such-page/", "/series/korea-view/",
                                 "/search/", "/subscribe/confirm/tampered/", "/unsubscribe/tampered/",
                                 "/tag/no-such-tag/", "/the-peninsula/?page=9"])
def test_every_page_carries_the_site_chrome(client, peninsula, url):
    from articles.models import Series

    peninsula.series = Series.objects.create(name="Korea View", slug="korea-view")
    peninsula.save()
    page = soup(client.get(url))
    assert page.find("label", string="Search All Site Content")
    assert "Total Index: 1 publications." in page.get_text()
    assert page.find("h2", string="Subscribe to our Mailing List!")
    assert page.select_one(".subscribe-box input[type=email]")
    footer = page.find("footer")
    assert footer.find("h2", string="Stay Informed")
    assert "Register to receive updates" in footer.get_text()


def test_total_index_counts_only_published_articles(client):
    make_article()
    make_article(status="draft")
    make_article(days_ago=-3)  # scheduled
    assert "Total Index: 1 publications." in client.get("/the-peninsula/").content.decode()


def test_old_blog_url_answers_301_to_the_article(client, peninsula):
    response = client.get("/2015/02/north-korea-looking-abroad/")
    assert response.status_code == 301
    assert response["Location"] == "/the-peninsula/north-korea-looking-abroad/"


def test_old_blog_url_of_a_draft_is_a_404(client):
    article = make_article(status="draft")
    assert client.get(f"/2015/02/{article.slug}/").status_code == 404


def test_stored_legacy_path_redirects(client, peninsula):
    peninsula.legacy_urls.create(path="/blog/2015/nk-abroad.html")
    response = client.get("/blog/2015/nk-abroad.html")
    assert response.status_code == 301
    assert response["Location"] == peninsula.get_absolute_url()


def test_index_paginates_ten_a_page_newest_first(client):
    articles = [make_article(f"Story {i}", days_ago=i + 1) for i in range(12)]
    first = soup(client.get("/the-peninsula/"))
    titles = [a.get_text() for a in first.select(".card-title a")]
    assert titles == [a.title for a in articles[:10]]
    second = soup(client.get("/the-peninsula/?page=2"))
    assert [a.get_text() for a in second.select(".card-title a")] == ["Story 10", "Story 11"]
    assert second.find("a", rel="prev")


@pytest.mark.parametrize("query", ["?page=3", "?page=0", "?page=abc", "?page=-1", "?category=nope", "?theme=nope"])
def test_bad_pages_and_filters_are_styled_404s(client, query):
    make_article()
    response = client.get("/the-peninsula/" + query)
    assert response.status_code == 404
    assert "Return to the Peninsula" in response.content.decode()


def test_index_filters_by_category_and_theme(client):
    economics = make_category("Economics", slug="economics")
    trade = make_entity("Trade", slug="trade")
    make_article("Trade story", categories=[economics], entities=[trade])
    make_article("Other story")
    by_category = soup(client.get("/the-peninsula/?category=economics"))
    assert [a.get_text() for a in by_category.select(".card-title a")] == ["Trade story"]
    by_theme = soup(client.get("/the-peninsula/?theme=trade"))
    assert "Displaying posts with the theme Trade" in by_theme.get_text()
    assert [a.get_text() for a in by_theme.select(".card-title a")] == ["Trade story"]


def test_pagination_links_keep_the_filter(client):
    trade = make_entity("Trade", slug="trade")
    for i in range(11):
        make_article(entities=[trade], days_ago=i + 1)
    page = soup(client.get("/the-peninsula/?theme=trade"))
    assert page.find("a", rel="next")["href"] == "?theme=trade&page=2"


def test_category_page_lists_its_articles(client, peninsula):
    page = soup(client.get("/category/north-korea/"))
    assert page.find("h1").get_text() == "Category: North Korea"
    assert page.select_one(".card-title a").get_text() == "North Korea Looking Abroad"


def test_entity_page_has_tag_archive_heading_kind_and_description(client, peninsula):
    page = soup(client.get("/tag/kim-jong-un/"))
    assert page.find("h1").get_text() == 'Tag Archive | "Kim Jong-un"'
    assert page.select_one(".entity-kind").get_text() == "Person"
    assert "Supreme leader" in page.select_one(".entity-description").get_text()
    assert page.select_one(".card-title a").get_text() == "North Korea Looking Abroad"


def test_old_tag_page_urls_redirect_to_the_page_parameter(client, peninsula):
    response = client.get("/tag/kim-jong-un/page/2/")
    assert response.status_code == 301
    assert response["Location"] == "/tag/kim-jong-un/?page=2"


def test_entities_index_groups_by_kind_with_counts(client, peninsula):
    page = soup(client.get("/tags/"))
    headings = [h.get_text() for h in page.select("main h2")]
    assert headings == ["Person", "Organisation", "Place", "Topic"]
    assert "Kim Jong-un (1)" in " ".join(page.get_text().split())


def test_author_page_shows_bio_and_articles(client, peninsula):
    page = soup(client.get("/author/matthew-nitkoski/"))
    assert page.find("h1").get_text() == "Matthew Nitkoski"
    assert "MA candidate" in page.select_one(".bio").get_text()
    assert page.select_one(".card-title a").get_text() == "North Korea Looking Abroad"


def test_series_name_stands_in_for_the_author_on_cards(client):
    series = make_series("Korea View", slug="korea-view")
    make_article("Weekly briefing", series=series)
    page = soup(client.get("/series/korea-view/"))
    assert page.find("h1").get_text() == "Korea View"
    assert page.select_one(".card-meta a").get_text() == "Korea View"


def test_year_and_month_archives(client, peninsula):
    make_article("Later", published_at=peninsula.published_at.replace(year=2016))
    year = soup(client.get("/the-peninsula/2015/"))
    assert [a.get_text() for a in year.select(".card-title a")] == ["North Korea Looking Abroad"]
    month = soup(client.get("/the-peninsula/2015/02/"))
    assert [a.get_text() for a in month.select(".card-title a")] == ["North Korea Looking Abroad"]
    assert client.get("/the-peninsula/2015/03/").status_code == 404
    assert client.get("/the-peninsula/1999/").status_code == 404


@pytest.mark.parametrize("url", ["/category/nope/", "/tag/nope/", "/author/nope/", "/series/nope/",
                                 "/the-peninsula/nope/", "/the-peninsula/2015/13/"])
def test_unknown_slugs_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


LIST_PAGES = ["/the-peninsula/", "/category/north-korea/", "/tag/kim-jong-un/", "/author/matthew-nitkoski/",
              "/the-peninsula/2015/", "/the-peninsula/2015/02/", "/the-peninsula/?theme=kim-jong-un"]
ODD_PAGES = ["99999999999999999999", "0", "-1", "1.5", "2", "%E2%82%AC", "%00", "last", ""]


@pytest.mark.parametrize("query", ODD_PAGES)
@pytest.mark.parametrize("url", LIST_PAGES)
def test_odd_page_numbers_give_the_first_page_or_a_styled_404(client, peninsula, url, query):
    response = client.get(url + ("&" if "?" in url else "?") + "page=" + query)
    assert response.status_code in (200, 404)
    assert "Stay Informed" in response.content.decode()
    if query in ("", "last"):  # "last" is Django's name for the last page; an empty value is page 1
        assert response.status_code == 200


@pytest.mark.parametrize("slug", ["%C3%A9t%C3%A9-%ED%95%9C%EA%B5%AD", "x" * 2000, "%F0%9F%98%80", "'%22%3Cb%3E"])
@pytest.mark.parametrize("pattern", ["/category/{}/", "/tag/{}/", "/author/{}/", "/series/{}/", "/the-peninsula/{}/",
                                     "/2015/02/{}/", "/tag/{}/page/2/", "/category/{}/feed/", "/tag/{}/feed/atom/",
                                     "/author/{}/feed/", "/series/{}/feed/"])
def test_unicode_long_and_markup_slugs_are_404s_never_500s(client, peninsula, pattern, slug):
    response = client.get(pattern.format(slug))
    assert response.status_code == 404
    if "/feed/" not in pattern:
        assert "Page not found" in response.content.decode()
    assert "<b>" not in response.content.decode()


@pytest.mark.parametrize("url", ["/the-peninsula/", "/category/cat/", "/tag/ent/", "/author/ann/", "/series/ser/",
                                 "/the-peninsula/2020/", "/the-peninsula/2020/03/", "/the-peninsula/?theme=ent",
                                 "/the-peninsula/?category=cat"])
def test_every_list_page_is_newest_first_ten_a_page(client, url):
    from datetime import datetime, timezone

    common = dict(authors=[make_author(slug="ann")], categories=[make_category(slug="cat")],
                  entities=[make_entity(slug="ent")], series=make_series(slug="ser"))
    for day in [5, 17, 2, 11, 20, 8, 14, 1, 26, 23, 29]:  # created out of order
        make_article(f"March {day:02d}", published_at=datetime(2020, 3, day, 12, tzinfo=timezone.utc), **common)
    first = [a.get_text() for a in soup(client.get(url)).select(".card-title a")]
    assert first == [f"March {day:02d}" for day in [29, 26, 23, 20, 17, 14, 11, 8, 5, 2]]
    second = client.get(url + ("&" if "?" in url else "?") + "page=2")
    assert [a.get_text() for a in soup(second).select(".card-title a")] == ["March 01"]


def test_a_server_error_shows_the_standalone_error_page(client, monkeypatch):
    import html5lib

    from articles.pages.views import IndexView

    def broken(self):
        raise RuntimeError("database went away")

    monkeypatch.setattr(IndexView, "get_queryset", broken)
    client.raise_request_exception = False
    response = client.get("/the-peninsula/")
    assert response.status_code == 500
    html = response.content.decode()
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert "Something went wrong" in html and 'href="/the-peninsula/"' in html
    assert "database went away" not in html and "Traceback" not in html
