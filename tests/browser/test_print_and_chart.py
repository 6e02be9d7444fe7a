"""The article printed from a real browser (Chromium's print to PDF), and the year chart on a 390 px phone."""
import io
import itertools

import pytest
from pypdf import PdfReader

from tests.factories import make_article, make_entity

pytestmark = pytest.mark.browser

def linked_reference_article(article):
    """The reference article (814 words), one phrase of it linked to an outside page as many posts do."""
    article.body = article.body.replace(
        "Council for Cooperation with North Korea",
        '<a href="https://www.example.org/council">Council for Cooperation with North Korea</a>', 1)
    article.save()
    return article


def test_an_800_word_article_prints_on_two_pages_with_only_the_article_and_link_addresses(browser_page, peninsula):
    article = linked_reference_article(peninsula)
    assert article.word_count >= 800 and "href" in article.body
    page = browser_page.page
    browser_page.goto(article.get_absolute_url())
    pdf = PdfReader(io.BytesIO(page.pdf(format="Letter")))  # page.pdf uses the print stylesheet
    assert len(pdf.pages) <= 2, [p.extract_text()[:300] for p in pdf.pages]
    a4 = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(a4.pages) <= 2, len(a4.pages)
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "North Korea Looking Abroad" in text and "Photo from Adam Barker’s photostream" in text
    assert "Cooperation with North Korea (https://www.example.org/council)" in text  # the address after the text
    for absent in ("Search All Site Content", "Subscribe to our Mailing List", "Stay Informed", "Related topics",
                   "Cite this", "Return to the Peninsula"):
        assert absent not in text, absent
    page.emulate_media(media="print")
    hidden = page.eval_on_selector_all(
        ".site-header, .subscribe-box, .site-footer, .related-topics, .cite-this",
        "els => els.map(e => getComputedStyle(e).display)")
    assert hidden and set(hidden) == {"none"}
    internal_after = page.eval_on_selector(".byline a", "a => getComputedStyle(a, '::after').content")
    assert internal_after in ("none", "normal")  # the site's own links print no address


def boxes_overlap(a, b):
    return not (a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"])


BOXES = "els => els.map(e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, visible: getComputedStyle(e).display !== 'none'}; })"


@pytest.mark.parametrize("first_year", [2012, 2004, 1990])
def test_year_chart_labels_do_not_overlap_on_a_390_px_phone(browser_page, first_year, time_machine):
    time_machine.move_to("2025-06-15 12:00Z")
    entity = make_entity(f"Kaesong {first_year}")
    for year in range(first_year, 2026):
        for _ in range(1 + (year % 3) * 5):  # counts of one and two digits
            make_article(entities=[entity], published_at=f"{year}-03-10T12:00Z")
    page = browser_page.page
    page.set_viewport_size({"width": 390, "height": 800})
    browser_page.goto(entity.get_absolute_url())
    years = page.eval_on_selector_all(".year-chart text.year", BOXES)
    counts = [box for box in page.eval_on_selector_all(".year-chart text.count", BOXES) if box["visible"]]
    assert len(years) >= 4
    assert page.eval_on_selector(".year-chart text.year:last-of-type", "e => e.textContent") == "2025"
    for group in (years, counts):
        for a, b in itertools.combinations(group, 2):
            assert not boxes_overlap(a, b), (a, b)
    heights = [box["bottom"] - box["top"] for box in years]
    assert min(heights) >= 10  # still legible
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
