"""axe-core (bundled, pinned, by axe-playwright-python) on the reader's pages: no serious or critical violation."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import make_article

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def blocking_violations(page):
    results = Axe().run(page).response
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {[node['target'] for node in v['nodes']][:3]}"
        for v in results["violations"] if v["impact"] in BLOCKING
    ]


def test_reader_pages_have_no_serious_or_critical_accessibility_violations(browser_page, peninsula):
    for n in range(12):  # enough for a second index page, so pagination is checked too
        make_article(f"Briefing number {n}")
    entity = peninsula.entities.first()
    pages = {
        "index": "/the-peninsula/",
        "article": peninsula.get_absolute_url(),
        "entity": entity.get_absolute_url(),
        "search": "/search/?q=korea",
        "subscribe": "/subscribe/",
    }
    found = {}
    for name, path in pages.items():
        browser_page.goto(path)
        found[name] = blocking_violations(browser_page.page)
    assert found == {name: [] for name in pages}
