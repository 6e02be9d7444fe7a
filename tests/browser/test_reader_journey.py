"""A reader in a real browser: index -> article -> entity page -> search -> subscribes."""
import pytest

from archive.models import Subscriber
from tests.factories import make_article

pytestmark = pytest.mark.browser


def test_reader_browses_an_article_its_entity_searches_and_subscribes(browser_page, peninsula):
    make_article("Sanctions and the Kaesong Complex")
    page = browser_page.page

    browser_page.goto("/the-peninsula/")
    assert page.get_by_role("link", name="North Korea Looking Abroad").first.is_visible()
    page.get_by_role("link", name="North Korea Looking Abroad").first.click()
    page.wait_for_url("**" + peninsula.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "North Korea Looking Abroad"
    assert "Published February 18, 2015" in page.inner_text("main")

    entity_link = page.locator("main a[href^='/tag/']").first
    entity_name = entity_link.inner_text()
    entity_link.click()
    page.wait_for_url("**/tag/**")
    assert entity_name in page.get_by_role("heading", level=1).inner_text()
    assert page.locator(f"main a[href='{peninsula.get_absolute_url()}']").count() >= 1

    page.get_by_label("Search All Site Content").fill("Looking Abroad")
    page.get_by_label("Search All Site Content").press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator(f"main a[href='{peninsula.get_absolute_url()}']").count() >= 1

    signup = page.locator("form[action='/subscribe/']").first
    signup.locator("input[type=email]").fill("reader@example.org")
    signup.get_by_role("button", name="Subscribe").click()
    page.wait_for_load_state()
    assert page.locator("[role=status], [role=alert]").first.is_visible()
    assert Subscriber.objects.filter(email="reader@example.org").exists()
