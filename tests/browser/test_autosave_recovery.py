"""A new article's autosaved copy, recovered in a real browser, brings back the whole form: byline rows
in their order, category and series pickers with their names; "Save and continue" then saves all of it."""
import pytest

from articles.models import Article
from tests.browser.body_editor import paste
from tests.browser.test_editors_desk import Clicks, log_in, person, pick
from tests.factories import make_author, make_category, make_series

pytestmark = pytest.mark.browser


def test_a_recovered_new_article_keeps_its_byline_in_order_category_and_series(browser_page):
    person("edith", "editor")
    make_author("Adam Lee"), make_author("Zoe Park")
    make_category("North Korea"), make_series("Korea View")
    page, click = browser_page.page, Clicks()
    log_in(page, "edith")
    browser_page.goto("/admin/articles/article/add/")
    page.get_by_label("Title").fill("Talks resume in Kaesong")
    page.get_by_label("Title").press("Tab")
    paste(page, "Both sides returned to the table.")
    pick(click, page, "author_links-0", "Zoe Park")  # not alphabetical: Zoe first
    click(page.get_by_role("button", name="Add another author"))
    pick(click, page, "author_links-1", "Adam Lee")
    pick(click, page, "category_links-0", "North Korea")
    click(page.locator(".field-series .select2-selection"))
    page.locator(".select2-search__field").fill("Korea")
    click(page.locator(".select2-results__option", has_text="Korea View").first)
    page.evaluate("() => window.peninsulaDesk.autosave()")  # what the timer does every 15 seconds

    page.once("dialog", lambda dialog: dialog.accept())  # "leave the page?": the copy is kept
    page.reload()
    assert page.locator(".desk-recover").count() == 1 and page.locator(".desk-autosave").count() == 0
    assert page.locator("#author_links-1").count() == 0  # the page came back with one empty row
    click(page.get_by_role("button", name="Recover them"))
    assert page.locator("#author_links-0 .select2-selection__rendered").inner_text().strip("×\n ") == "Zoe Park"
    assert page.locator("#author_links-1 .select2-selection__rendered").inner_text().strip("×\n ") == "Adam Lee"
    assert "Korea View" in page.locator(".field-series .select2-selection__rendered").inner_text()
    assert page.get_by_label("Title").input_value() == "Talks resume in Kaesong"

    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    assert "was added successfully" in page.inner_text(".messagelist")
    article = Article.objects.get(title="Talks resume in Kaesong")
    assert [link.author.name for link in article.author_links.select_related("author")] == ["Zoe Park", "Adam Lee"]
    assert [category.name for category in article.categories.all()] == ["North Korea"]
    assert article.series.name == "Korea View"
    assert "Both sides returned to the table." in article.body
