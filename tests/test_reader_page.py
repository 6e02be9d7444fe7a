"""A page a researcher keeps: reading time, share links, next and previous in the category, a table of
contents, footnotes as notes, the authors' photos and bios beside the article."""
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.factories import make_article, make_author, make_category
from tests.test_images import picture_bytes

pytestmark = pytest.mark.django_db


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def words(n):
    return "<p>" + " ".join(["word"] * n) + "</p>"


# Reading time

@pytest.mark.parametrize(("count", "minutes"), [(10, 1), (230, 1), (344, 1), (346, 2), (2300, 10)])
def test_reading_time_is_the_word_count_at_230_a_minute_and_at_least_one(count, minutes):
    article = make_article(body=words(count))
    assert (article.word_count, article.reading_minutes) == (count, minutes)


def test_reading_time_is_shown_beside_the_date(client):
    article = make_article(body=words(1150))
    meta = page(client, article).select_one(".article-meta")
    assert meta.select_one(".published")
    assert meta.select_one(".reading-time").get_text(" ", strip=True) == "· 5 min read"


def test_reading_time_follows_an_edited_body():
    article = make_article(body=words(1150))
    article.body = words(2300)
    article.save()
    article.refresh_from_db()
    assert article.reading_minutes == 10


# Share links

@pytest.mark.parametrize("server_name", ["testserver", "evil.example"])
def test_share_links_carry_the_articles_absolute_public_address_and_title_escaped(client, settings, server_name):
    settings.SITE_URL = "https://peninsula.example"
    settings.ALLOWED_HOSTS = ["*"]
    article = make_article('Seoul & "Pyongyang" <talks>', slug="seoul-talks")
    soup = BeautifulSoup(client.get(article.get_absolute_url(), SERVER_NAME=server_name).content, "html.parser")
    links = {a.get_text(): a for a in soup.select(".share a")}
    assert list(links) == ["Email", "X", "LinkedIn", "Facebook", "Bluesky"]
    address = "https://peninsula.example/the-peninsula/seoul-talks/"
    title = 'Seoul & "Pyongyang" <talks>'
    expected = {
        "Email": ("mailto", "", {"subject": [title], "body": [f"{title}\r\n{address}"]}),
        "X": ("https", "x.com", {"text": [title], "url": [address]}),
        "LinkedIn": ("https", "www.linkedin.com", {"url": [address]}),
        "Facebook": ("https", "www.facebook.com", {"u": [address]}),
        "Bluesky": ("https", "bsky.app", {"text": [f"{title} {address}"]}),
    }
    for name, (scheme, host, query) in expected.items():
        link = links[name]
        parts = urlsplit(link["href"])
        assert (parts.scheme, parts.netloc, parse_qs(parts.query)) == (scheme, host, query), name
        assert "noopener" in link["rel"]
        assert name.lower().split()[0] in link["aria-label"].lower()  # the name heard holds the one shown
        assert link.get("target") is None
    raw = client.get(article.get_absolute_url()).content.decode()
    assert "<talks>" not in raw
    assert "+" not in links["Email"]["href"]  # RFC 6068: spaces are %20 in mailto


def test_share_links_load_no_third_party_script(client):
    soup = page(client, make_article())
    assert all(not urlsplit(script.get("src", "")).netloc for script in soup.find_all("script"))
    assert not soup.select(".share iframe, .share script, .share img")


# Next and previous in the same category

def test_next_and_previous_are_the_neighbours_in_the_first_category_skipping_drafts_and_scheduled(client):
    with time_machine.travel(datetime(2024, 6, 20, 12, tzinfo=timezone.utc), tick=False):
        korea, economics = make_category("North Korea"), make_category("Economics")
        older = make_article("Older", categories=[korea], days_ago=10)
        make_article("Older elsewhere", categories=[economics], days_ago=6)
        make_article("Older draft", categories=[korea], days_ago=5, status="draft")
        article = make_article("Middle", categories=[korea, economics], days_ago=4)
        make_article("Newer in review", categories=[korea], days_ago=3, status="review")
        newer = make_article("Newer", categories=[economics, korea], days_ago=2)
        make_article("Scheduled", categories=[korea], days_ago=-2)
        soup = page(client, article)
        nav = soup.select_one("nav.neighbours")
        assert nav["aria-label"] == "More in North Korea"
        assert nav.select_one('a[rel="prev"]')["href"] == older.get_absolute_url()
        assert nav.select_one('a[rel="next"]')["href"] == newer.get_absolute_url()
        assert page(client, older).select_one('a[rel="prev"]') is None
        assert page(client, older).select_one('a[rel="next"]')["href"] == article.get_absolute_url()
        # Newer's first category is Economics: its previous is Middle there, not in North Korea
        assert page(client, newer).select_one('a[rel="prev"]')["href"] == article.get_absolute_url()
        assert page(client, newer).select_one("nav.neighbours")["aria-label"] == "More in Economics"


def test_articles_at_the_same_minute_are_ordered_by_id_and_each_appears_once():
    when = datetime(2024, 6, 1, 9, tzinfo=timezone.utc)
    korea = make_category()
    first, second, third = (make_article(categories=[korea], published_at=when) for _ in range(3))
    published = Article.objects.published()
    assert published.neighbours(second, korea) == (first, third)
    assert published.neighbours(first, korea) == (None, second)
    assert published.neighbours(third, korea) == (second, None)


def test_an_article_without_a_category_has_no_next_or_previous(client):
    make_article()
    assert page(client, make_article()).select_one("nav.neighbours") is None


def test_next_and_previous_are_found_in_one_query():
    korea = make_category()
    articles = [make_article(categories=[korea], days_ago=days) for days in (3, 2, 1)]
    published = Article.objects.published()
    with CaptureQueriesContext(connection) as queries:
        assert published.neighbours(articles[1], korea) == (articles[0], articles[2])
    assert len(queries) == 1


# Table of contents

def body_with_headings(n):
    return "".join(f"<h2>Part {i} &amp; more</h2><p>Text {i}.</p>" for i in range(1, n + 1))


def test_three_headings_make_a_table_of_contents_whose_links_reach_them(client):
    article = make_article(slug="three-parts", body=body_with_headings(2) + "<h3>A detail</h3><p>x</p>")
    soup = page(client, article)
    nav = soup.select_one('nav[aria-label="Contents"]')
    entries = [(a.get_text(), a["href"]) for a in nav.select("a")]
    assert entries == [("Part 1 & more", "#three-parts__part-1-more"), ("Part 2 & more", "#three-parts__part-2-more"),
                       ("A detail", "#three-parts__a-detail")]
    for _, href in entries:
        target = soup.find(id=href[1:])
        assert target is not None and target.find_parent(class_="article-body")
    # before the body
    assert nav.find_next(class_="article-body") is not None


def test_two_headings_make_no_table_of_contents(client):
    soup = page(client, make_article(body=body_with_headings(2)))
    assert soup.select_one('nav[aria-label="Contents"]') is None
    assert soup.select(".article-body h2[id]")  # the ids are there all the same, for links to a section


def test_heading_ids_are_unique_stable_across_saves_and_follow_a_slug_change():
    article = make_article(slug="first", body="<h2>Same</h2><h2>Same</h2><h2 id='mine'>Own</h2><h2>Same</h2>")
    ids = [h.id for h in article.table_of_contents]
    assert ids == ["first__same", "first__same-2", "first__mine", "first__same-3"]
    body = article.body
    article.save()
    assert article.body == body  # a second save changes nothing
    article.body = article.body.replace(">Same<", ">Renamed<", 1)
    article.slug = "second"
    article.save()
    assert [h.id for h in article.table_of_contents] == ["second__same", "second__same-2", "second__mine",
                                                        "second__same-3"]


def test_ids_in_a_body_never_clash_with_the_page_or_repeat(client):
    article = make_article(slug="clash", body=(
        '<p id="article-title">A</p><p id="article-title">B</p><h2 id="x y">C</h2>'
        '<p>He wrote id="quoted" in prose.</p>'))
    soup = page(client, article)
    assert len(soup.find_all(id="article-title")) == 1
    assert soup.find("h1")["id"] == "article-title"
    assert [p.get("id") for p in soup.select(".article-body p")] == ["clash__article-title", None, None]
    assert soup.select_one(".article-body h2")["id"] == "clash__x-y"
    assert 'id="quoted"' in article.body  # text is text


def test_ids_are_kept_only_on_anchor_elements_and_hostile_ids_are_tamed():
    article = make_article(slug="s", body='<blockquote id="q">x</blockquote><h2 id="&quot;&gt;<script>">t</h2>')
    assert "<blockquote>x</blockquote>" in article.body
    assert '<h2 id="s__script">t</h2>' in article.body


# Footnotes

WORDPRESS_FOOTNOTES = (
    '<p>A claim.<sup><a href="#fn1" id="ref1">1</a></sup> Another.<sup><a href="#fn2" id="ref2">2</a></sup></p>'
    '<div class="footnotes"><hr><ol><li id="fn1">A source. <a href="#ref1">↩</a></li>'
    '<li id="fn2">Another source. <a href="#ref2">↩</a></li></ol></div>')


def test_footnote_links_round_trip_and_the_notes_are_a_named_section(client):
    article = make_article(slug="noted", body=WORDPRESS_FOOTNOTES)
    soup = page(client, article)
    body = soup.select_one(".article-body")
    for n in (1, 2):
        reference = body.find("a", string=str(n))
        note = soup.find(id=reference["href"][1:])
        assert note.name == "li" and note["id"] == f"noted__fn{n}"
        back = note.find("a", string="↩")
        assert soup.find(id=back["href"][1:]) is reference
    notes = body.select_one("section.notes")
    assert notes.find("h2").get_text() == "Notes"
    assert notes["aria-labelledby"] == notes.find("h2")["id"]
    assert [li["id"] for li in notes.select("ol > li")] == ["noted__fn1", "noted__fn2"]


def test_a_notes_heading_of_the_body_names_the_section_instead_of_a_second_one(client):
    article = make_article(slug="refs", body=WORDPRESS_FOOTNOTES.replace('<div class="footnotes"><hr>', "<h2>References</h2>"))
    notes = page(client, article).select_one(".article-body section.notes")
    assert [h.get_text() for h in notes.find_all("h2")] == ["References"]
    assert notes["aria-labelledby"] == "refs__references"


def test_a_list_nobody_links_to_is_not_notes(client):
    article = make_article(body='<ol><li id="step1">One</li></ol><p><a href="#elsewhere">x</a></p>')
    assert page(client, article).select_one("section.notes") is None


# Authors beside the article

def test_the_byline_authors_photos_and_bios_appear_beside_the_article_in_byline_order(client):
    zed = make_author("Zed Writer", bio="Zed writes on trade.")
    amy = make_author("Amy <Analyst>", bio="Amy covers " + "security " * 80, affiliation="Fellow, KEI")
    amy.photo = SimpleUploadedFile("amy.jpg", picture_bytes(900, 1200), content_type="image/jpeg")
    amy.save()
    article = make_article(authors=[zed, amy])
    soup = page(client, article)
    cards = soup.select(".about-authors .author-card")
    assert [card.select_one(".author-name").get_text() for card in cards] == ["Zed Writer", "Amy <Analyst>"]
    assert cards[0].find("img") is None
    photo = cards[1].find("img")
    assert photo["alt"] == "Amy <Analyst>"
    assert (photo["width"], photo["height"]) == ("900", "1200")
    assert "480w" in photo["srcset"] and "800w" in photo["srcset"]
    assert cards[0].select_one(".bio").get_text() == "Zed writes on trade."
    assert len(cards[1].select_one(".bio").get_text().split()) == 61  # 60 words and an ellipsis
    assert soup.select_one(".about-authors h2").get_text() == "About the authors"


def test_a_missing_photo_file_leaves_the_photo_out(client):
    author = make_author("Lost Photo")
    author.photo.name = "authors/not-there.jpg"
    author.save()
    soup = page(client, make_article(authors=[author]))
    assert soup.select_one(".author-card") is not None and soup.select_one(".author-card img") is None


def test_an_article_without_authors_has_no_about_box(client):
    assert page(client, make_article()).select_one(".about-authors") is None
