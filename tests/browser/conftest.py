"""Playwright driving Debian's Chromium (by its path: no browser download) against pytest-django's live server.

Without Chromium the browser tests skip with the reason, except under CI=true, where they fail.
"""
import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
UNDER_CI = os.environ.get("CI", "").lower() == "true"


def launched_chromium():
    """Yields one headless Chromium, closed when the caller is done (a fixture's generator body).

    Playwright's sync API keeps an event loop running in this thread while it is open; the ORM calls the
    tests make around it are ordinary synchronous ones, so Django's async-safety guard would be a false
    alarm: it is switched off for these tests only."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if UNDER_CI:
            pytest.fail(message + ": browser tests must run under CI=true")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def chromium():
    """One Chromium for this package's tests, closed before the rest of the suite runs."""
    yield from launched_chromium()


class BrowserPage:
    """A fresh browser tab on the live server, recording any Content-Security-Policy violation it sees."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.csp_violations = []
        self.page_errors = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_violations.append(f"{self.page.url}: {message.text}")

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        assert response.status == 200, f"{path} answered {response.status}"
        return response


@pytest.fixture
def browser_page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    tab = BrowserPage(page, live_server.url)
    yield tab
    context.close()
    assert not tab.csp_violations, "CSP violations:\n" + "\n".join(tab.csp_violations)
    assert not tab.page_errors, "JavaScript errors:\n" + "\n".join(tab.page_errors)
