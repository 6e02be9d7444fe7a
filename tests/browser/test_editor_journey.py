"""An editor in a real browser: logs in, writes an article, tags it, publishes it and finds it on the index."""
import pytest

from articles.models import Article
from tests.browser.body_editor import paste
from tests.factories import make_entity

pytestmark = pytest.mark.browser

TITLE = "Seoul Weighs a New Trade Corridor"


def log_in(page, username, password):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


BODY = ("<p>South Korea and its partners weigh a trade corridor through the Port of Busan, "
        "Vice Foreign Minister Ri Kil-song said on Monday.</p>")


def write_article(page):
    page.goto("/admin/articles/article/add/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Title").press("Tab")  # the admin's prepopulate script fills the slug from the title
    assert page.locator("#id_slug").input_value() == "seoul-weighs-a-new-trade-corridor"
    paste(page, "South Korea and its partners weigh a trade corridor.", html=BODY)  # into the rich-text editor
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_url("**/change/")


def tag_from_suggestions(page):
    """Tag the article from the change form's suggestions alone: accept a known entity and a new name."""
    known_row = page.locator("#entity-suggestions tr.known-suggestion", has_text="Port of Busan")
    with page.expect_navigation():
        known_row.get_by_role("button", name="Accept").click()
    new_row = page.locator("#entity-suggestions tr.new-suggestion", has_text="Ri Kil-song")
    new_row.get_by_label("Kind").select_option("person")
    with page.expect_navigation():
        new_row.get_by_role("button", name="Accept as new entity").click()
    assert page.locator("#entity-suggestions tr", has_text="Port of Busan").count() == 0


def publish(page):
    page.get_by_label("Status").select_option("published")
    page.locator("#id_published_at_0").fill("2026-01-05")
    page.locator("#id_published_at_1").fill("09:30:00")
    # Tagged but with no author or category yet: the form asks for this confirmation first.
    page.get_by_label("Publish anyway").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert "/admin/articles/article/" in page.url and "/change/" not in page.url
    assert "was changed successfully" in page.inner_text(".messagelist")


def test_editor_writes_tags_from_suggestions_publishes_and_finds_it_on_the_index(browser_page, django_user_model):
    django_user_model.objects.create_superuser("desk", "desk@example.org", "a long editor password")
    port = make_entity("Port of Busan", kind="place")
    page = browser_page.page

    log_in(page, "desk", "a long editor password")
    write_article(page)
    tag_from_suggestions(page)
    publish(page)

    article = Article.objects.get(slug="seoul-weighs-a-new-trade-corridor")
    assert article.status == "published"
    tagged = {entity.name: entity.kind for entity in article.entities.all()}
    assert tagged == {port.name: "place", "Ri Kil-song": "person"}

    browser_page.goto("/the-peninsula/")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url("**" + article.get_absolute_url())
    assert page.locator("main a", has_text="Port of Busan").first.is_visible()
    assert page.locator("main a", has_text="Ri Kil-song").first.is_visible()
