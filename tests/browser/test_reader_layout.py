"""The reader's layout in a real browser: focus ring contrast, search filters' place, the chart on a phone."""
import pytest

from tests.factories import make_article, make_entity

pytestmark = pytest.mark.browser

CONTRAST = """([fg, bg]) => {
  const lum = (css) => { const [r, g, b] = css.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def focus_ring_contrast(page, selector):
    page.focus(selector)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    colors = page.evaluate("""(selector) => {
      const el = document.querySelector(selector); const style = getComputedStyle(el);
      let node = el.parentElement, bg = 'rgba(0, 0, 0, 0)';
      while (node && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) { bg = getComputedStyle(node).backgroundColor; node = node.parentElement; }
      return [style.outlineStyle, style.outlineWidth, style.outlineColor, bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : bg];
    }""", selector)
    assert colors[0] == "solid" and float(colors[1].removesuffix("px")) >= 2, colors
    return page.evaluate(CONTRAST, [colors[2], colors[3]])


def test_the_focus_ring_stands_out_on_the_page_and_on_the_footer(browser_page, peninsula):
    browser_page.goto("/the-peninsula/")
    page = browser_page.page
    assert focus_ring_contrast(page, ".card-title a") >= 3
    assert focus_ring_contrast(page, ".site-footer a") >= 3


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_search_filters_sit_beside_the_results_on_wide_screens_and_fold_above_them_on_phones(browser_page, peninsula):
    for n in range(3):
        make_article(f"Korea trade note {n}", entities=[make_entity(f"Topic {n}")])
    page = browser_page.page
    page.set_viewport_size({"width": 1280, "height": 900})
    browser_page.goto("/search/?q=korea")
    facets, hits = box(page, ".facets"), box(page, ".search-hits")
    assert facets["x"] > hits["x"] + hits["width"] - 1 and hits["width"] >= 600
    assert page.locator(".filter-panel").get_attribute("open") is not None
    assert box(page, "main .subscribe-box")["y"] > hits["y"]  # the sign-up box moved below the results

    page.set_viewport_size({"width": 390, "height": 800})
    browser_page.goto("/search/?q=korea")
    facets, hits = box(page, ".facets"), box(page, ".search-hits")
    assert facets["y"] < hits["y"]
    assert page.locator(".filter-panel").get_attribute("open") is None  # folded on a phone
    page.get_by_text("Narrow your search").click()
    assert page.locator(".facet-values a").first.is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_the_year_chart_labels_stay_legible_on_a_phone(browser_page):
    entity = make_entity("Kaesong")
    for year in range(2008, 2024):
        make_article(entities=[entity], days_ago=(2026 - year) * 365)
    page = browser_page.page
    page.set_viewport_size({"width": 390, "height": 800})
    browser_page.goto(entity.get_absolute_url())
    heights = page.eval_on_selector_all(".year-chart text.year", "els => els.map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 10, heights
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
