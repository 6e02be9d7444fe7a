"""The reference article page: every element of the publisher's page, in order."""
import pytest

from tests.shared_data import SEED, shared

ARTICLE_URL = "/the-peninsula/north-korea-looking-abroad/"


def seed_paragraphs():
    """The reference seed page's paragraphs (the test skips without ../shared, and fails so under CI=true)."""
    return [p.strip() for p in shared(SEED).read_text(encoding="utf-8").split("\n\n") if p.strip()]


def text_positions(html, needles):
    positions = []
    for needle in needles:
        assert needle in html, needle
        positions.append(html.index(needle))
    return positions


@pytest.mark.django_db
def test_article_page_shows_every_element_in_the_publishers_order(client, peninsula):
    """With its photo: the credit line follows the author's note, as on the publisher's page."""
    from bs4 import BeautifulSoup
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.test_images import picture_bytes

    peninsula.image = SimpleUploadedFile("lead.jpg", picture_bytes(), content_type="image/jpeg")
    peninsula.image_alt = "Pyongyang from the Juche Tower"
    peninsula.save()
    html = client.get(ARTICLE_URL).content.decode()
    main = str(BeautifulSoup(html, "html.parser").find("main"))
    paragraphs = seed_paragraphs()
    start = paragraphs.index("By Matthew Nitkoski") + 1
    body, note, credit = paragraphs[start:start + 8], paragraphs[start + 8], paragraphs[start + 9]
    text = BeautifulSoup(main, "html.parser").get_text(" ")
    text = " ".join(text.split())
    order = ["The Peninsula", "North Korea Looking Abroad", "Published February 18, 2015",
             "Category: North Korea", "By Matthew Nitkoski", *body, note, credit, "Related topics",
             "Return to the Peninsula"]
    positions = text_positions(text, [" ".join(item.split()) for item in order])
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_article_body_paragraphs_match_the_seed_exactly(client, peninsula):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(ARTICLE_URL).content, "html.parser")
    rendered = [p.get_text() for p in soup.select(".article-body p")]
    paragraphs = seed_paragraphs()
    start = paragraphs.index("By Matthew Nitkoski") + 1
    assert rendered == paragraphs[start:start + 8]


@pytest.mark.django_db
def test_related_topics_are_grouped_by_kind_and_linked(client, peninsula):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(ARTICLE_URL).content, "html.parser")
    kinds = [dt.get_text() for dt in soup.select(".related-topics dt")]
    assert kinds == ["Person", "Organisation", "Place", "Topic"]
    links = {a.get_text(): a["href"] for a in soup.select(".related-topics a")}
    assert links["Kim Jong-un"] == "/tag/kim-jong-un/"
    assert links["Council for Cooperation with North Korea"].startswith("/tag/")


@pytest.mark.django_db
def test_return_link_leads_to_the_index(client, peninsula):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(ARTICLE_URL).content, "html.parser")
    link = soup.find("a", string="Return to the Peninsula")
    assert link["href"] == "/the-peninsula/"


@pytest.mark.django_db
def test_missing_author_and_category_leave_their_lines_out(client):
    from tests.factories import make_article

    article = make_article("Unsigned note")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Category:" not in html
    assert 'class="byline"' not in html


@pytest.mark.django_db
def test_several_authors_are_joined_as_the_publisher_writes_them(client):
    from tests.factories import make_article, make_author

    authors = [make_author("Ann Lee"), make_author("Bo Kim"), make_author("Cy Park")]
    article = make_article(authors=authors)
    html = client.get(article.get_absolute_url()).content.decode()
    from bs4 import BeautifulSoup

    byline = BeautifulSoup(html, "html.parser").select_one(".byline").get_text()
    assert " ".join(byline.split()) == "By Ann Lee, Bo Kim and Cy Park"


@pytest.mark.django_db
def test_the_photo_credit_is_shown_without_the_photo_after_the_author_note(client, peninsula):
    """The credit is part of the post as published: the fixture has no picture file, the line stays."""
    from bs4 import BeautifulSoup

    paragraphs = seed_paragraphs()
    note, credit = paragraphs[paragraphs.index("By Matthew Nitkoski") + 9:][:2]
    assert peninsula.image_credit and not peninsula.image
    soup = BeautifulSoup(client.get(ARTICLE_URL).content, "html.parser")
    assert soup.select_one(".image-credit").get_text() == credit
    assert soup.select_one(".author-note").find_next("p", class_="image-credit") is not None
    assert not soup.select(".article-image")
