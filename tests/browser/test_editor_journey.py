"""An editor in a real browser: logs in, writes an article, tags it, publishes it and finds it on the index."""
import pytest

from articles.models import Article
from tests.factories import make_entity

pytestmark = pytest.mark.browser

TITLE = "Seoul Weighs a New Trade Corridor"


def log_in(page, username, password):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def write_article(page):
    page.goto("/admin/articles/article/add/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Title").press("Tab")  # the admin's prepopulate script fills the slug from the title
    assert page.locator("#id_slug").input_value() == "seoul-weighs-a-new-trade-corridor"
    page.locator("#id_body").fill("<p>South Korea and its partners weigh a trade corridor through the port.</p>")


def tag_article(page, entity):
    """Tag the article with `entity`. For now through the admin's entity inline and its autocomplete;
    extend this step to accept the change form's entity suggestions once they are offered there."""
    page.get_by_text("Add another Entity", exact=True).click()
    row = page.locator("tr.form-row:not(.empty-form)").filter(has=page.locator("select[name$='-tag']")).last
    row.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill(entity.name[:4])
    page.locator(".select2-results__option", has_text=entity.name).click()
    row.locator("input[name$='-is_main']").check()


def publish(page):
    page.get_by_label("Status").select_option("published")
    page.locator("#id_published_at_0").fill("2026-01-05")
    page.locator("#id_published_at_1").fill("09:30:00")
    # Tagged but with no author or category yet: the form asks for this confirmation first.
    page.get_by_label("Publish anyway").check()
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/admin/articles/article/")
    assert "was added successfully" in page.inner_text(".messagelist")


def test_editor_writes_tags_publishes_and_finds_the_article_on_the_index(browser_page, django_user_model):
    django_user_model.objects.create_superuser("desk", "desk@example.org", "a long editor password")
    entity = make_entity("Port of Busan", kind="place")
    page = browser_page.page

    log_in(page, "desk", "a long editor password")
    write_article(page)
    tag_article(page, entity)
    publish(page)

    article = Article.objects.get(slug="seoul-weighs-a-new-trade-corridor")
    assert article.status == "published"
    assert list(article.entities.all()) == [entity]

    browser_page.goto("/the-peninsula/")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url("**" + article.get_absolute_url())
    assert page.locator("main a", has_text="Port of Busan").first.is_visible()
