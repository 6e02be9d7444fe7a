"""Pages are valid HTML5 with landmarks, ordered headings and labelled fields."""
import html5lib
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

PAGES = ["/the-peninsula/", "/the-peninsula/north-korea-looking-abroad/", "/tag/kim-jong-un/", "/tags/",
         "/author/matthew-nitkoski/", "/category/north-korea/", "/search/?q=trade", "/subscribe/", "/nope/",
         "/series/korea-view/", "/the-peninsula/2015/", "/the-peninsula/2015/02/", "/the-peninsula/?theme=kim-jong-un",
         "/search/", "/subscribe/confirm/tampered/", "/unsubscribe/tampered/", "/tag/nope/", "/the-peninsula/?page=9"]


@pytest.fixture(autouse=True)
def series(db):
    """A series with one article, so /series/<slug>/ has a card to render."""
    from tests.factories import make_article, make_series

    make_article(series=make_series(name="Korea View", slug="korea-view"))


@pytest.mark.parametrize("url", PAGES)
def test_page_parses_as_strict_html5(client, peninsula, url):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(client.get(url).content.decode())  # strict: raises at the first parse error
    assert not parser.errors
    assert document.find("body/main") is not None or document.find(".//main") is not None


@pytest.mark.parametrize("url", PAGES)
def test_page_has_landmarks_one_h1_ordered_headings_and_labels(client, peninsula, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.find("html")["lang"] == "en"
    assert page.find("header") and page.find("main") and page.find("footer")
    assert len(page.find_all("h1")) == 1
    levels = [int(h.name[1]) for h in page.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    for field in page.select("input:not([type=hidden]):not([type=submit]), select, textarea"):
        assert page.find("label", attrs={"for": field["id"]}), field
    for img in page.find_all("img"):
        assert img.has_attr("alt")


def test_every_focusable_element_on_the_pages_has_a_visible_focus_style(client, peninsula):
    import re
    from pathlib import Path

    from tests.factories import make_article

    make_article(entities=list(peninsula.entities.all()[:1]))  # entity pages then show their year chart
    css = (Path(__file__).resolve().parent.parent / "static" / "css" / "site.css").read_text(encoding="utf-8")
    styled = set()
    for selectors, rules in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        if "outline" in rules and "outline: none" not in rules and "outline:none" not in rules:
            styled |= set(re.findall(r"([a-z]+):focus(?:-visible)?", selectors))
    used = set()
    for url in PAGES:
        page = BeautifulSoup(client.get(url).content, "html.parser")
        used |= {element.name for element in page.select("a[href], button, input:not([type=hidden]), select, "
                                                         "textarea, summary, [tabindex]")}
    assert used <= styled, used - styled
