"""A reader cites an article in a real browser: copies a citation, downloads its BibTeX (strict CSP)."""
import pytest

pytestmark = pytest.mark.browser


def test_reader_copies_a_citation_and_downloads_the_bibtex(browser_page, peninsula):
    page = browser_page.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    browser_page.goto(peninsula.get_absolute_url())

    button = page.get_by_role("button", name="Copy the APA (7th edition) citation")
    assert button.is_visible()  # the script shows the buttons it serves
    button.click()
    # The clipboard answers asynchronously: wait for the status line rather than read it at once.
    page.wait_for_function("document.querySelector('.cite-this [role=status]').textContent !== ''")
    assert page.locator(".cite-this [role=status]").inner_text() == "Citation copied."
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Nitkoski, M. (2015, February 18). North Korea looking abroad. The Peninsula. http")

    with page.expect_download() as download:
        page.get_by_role("link", name="BibTeX").click()
    assert download.value.suggested_filename == "north-korea-looking-abroad.bib"
    assert "title = {North Korea Looking Abroad}" in open(download.value.path(), encoding="utf-8").read()
