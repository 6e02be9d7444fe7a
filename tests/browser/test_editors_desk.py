"""The editor's desk in a real browser, one test per journey, counting clicks (typing aside).

The README reports the counts: "write, tag and submit a post" and "find a submission, review it and
publish it" are asserted against their goals (at most 10 and at most 5)."""
from importlib import import_module

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from reversion.models import Version

from articles.models import Article, ArticleEntity, Entity, EntityRedirect
from tests.browser.body_editor import paste
from tests.factories import make_article, make_author, make_category, make_entity, make_user

pytestmark = pytest.mark.browser

PASSWORD = "a long desk password"
WRITE_TAG_SUBMIT_GOAL, FIND_REVIEW_PUBLISH_GOAL = 10, 5


class Clicks:
    """Clicks through this counter are the journey's; logging in and typing are not counted."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator, navigates=False):
        self.count += 1
        if navigates:
            with locator.page.expect_navigation():
                locator.click()
        else:
            locator.click()


def ensure_roles():
    """The role groups come from a data migration, which the flush after a live-server test removes."""
    roles = import_module("archive.migrations.0002_editorial_roles")
    for name, codenames in (("Contributor", roles.CONTRIBUTOR), ("Editor", roles.EDITOR)):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            group.permissions.set(Permission.objects.filter(content_type__app_label="articles", codename__in=codenames))


def person(username, role):
    ensure_roles()
    user = make_user(username, role)
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(page, username):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def log_out(page):
    page.context.clear_cookies()


def pick(click, page, row_id, text):
    """Choose `text` in the autocomplete (select2) of inline row `row_id`: open it, type, pick."""
    click(page.locator(f"#{row_id} .select2-selection"))
    page.locator(".select2-search__field").fill(text)
    click(page.locator(".select2-results__option", has_text=text).first)


BODY = ("South Korea and its partners weigh a trade corridor through the Port of Busan.\n\n"
        "The ministry expects a decision by spring.")


def test_write_tag_submit_then_return_with_a_note_resubmit_and_publish(browser_page):
    carla, edith = person("carla", "contributor"), person("edith", "editor")
    make_author("Carla Writer"), make_category("Economics")
    make_entity("Port of Busan", kind="place")
    page = browser_page.page

    # A contributor writes, tags and submits a post, from the admin's home page.
    log_in(page, "carla")
    write = Clicks()
    write(page.locator("#content-main a[href='/admin/articles/article/add/']").first, navigates=True)
    page.get_by_label("Title").fill("Seoul Weighs a Trade Corridor")
    page.get_by_label("Title").press("Tab")
    paste(page, BODY)  # plain text, as pasted from a word processor
    pick(write, page, "author_links-0", "Carla Writer")
    pick(write, page, "category_links-0", "Economics")
    write(page.get_by_role("button", name="Save and continue editing"), navigates=True)
    write(page.locator("#entity-suggestions tr.known-suggestion", has_text="Port of Busan")
          .get_by_role("button", name="Accept"), navigates=True)
    write(page.get_by_role("button", name="Submit for review"), navigates=True)
    article = Article.objects.get(slug="seoul-weighs-a-trade-corridor")
    assert (article.status, article.submitted_by) == ("review", carla)
    assert article.body.count("<p>") == 2 and [e.label for e in article.entities.all()] == ["Port of Busan (place)"]
    assert write.count <= WRITE_TAG_SUBMIT_GOAL, f"write, tag and submit took {write.count} clicks"
    assert [m.subject for m in mail.outbox] == ["For review: Seoul Weighs a Trade Corridor"]
    assert mail.outbox[0].to == ["edith@example.org"]
    log_out(page)

    # The editor finds it on the dashboard and returns it with a note.
    log_in(page, "edith")
    assert "In review (1)" in page.locator("#review-desk").inner_text()
    page.locator("#review-desk a", has_text="Seoul Weighs a Trade Corridor").click()
    page.get_by_label("Note to the author").fill("Name the ministry, please.")
    with page.expect_navigation():
        page.get_by_role("button", name="Return to author").click()
    assert mail.outbox[-1].to == ["carla@example.org"] and "Name the ministry, please." in mail.outbox[-1].body
    log_out(page)

    # The contributor sees the note, edits and resubmits.
    log_in(page, "carla")
    browser_page.goto(f"/admin/articles/article/{article.pk}/change/")
    assert "Name the ministry, please." in page.locator(".desk-note").inner_text()
    page.evaluate("() => window.peninsulaBodyEditor.commands.clearContent()")  # select all, as Ctrl+A would
    paste(page, BODY.replace("The ministry", "The trade ministry"))
    with page.expect_navigation():
        page.get_by_role("button", name="Submit for review").click()
    assert mail.outbox[-1].subject == "For review: Seoul Weighs a Trade Corridor"
    log_out(page)

    # The editor finds the submission, reviews it and publishes it.
    log_in(page, "edith")
    review = Clicks()
    review(page.locator("#review-desk a", has_text="Seoul Weighs a Trade Corridor"), navigates=True)
    assert "Carla Writer" in page.locator("#author_links-group").inner_text()
    review(page.get_by_role("button", name="Publish now"), navigates=True)
    article.refresh_from_db()
    assert article.is_public and "The trade ministry" in article.body
    assert review.count <= FIND_REVIEW_PUBLISH_GOAL, f"find, review and publish took {review.count} clicks"
    assert mail.outbox[-1].subject == "Published: Seoul Weighs a Trade Corridor"
    comments = [v.revision.get_comment() for v in Version.objects.get_for_object(article).order_by("pk")]
    assert any(c.startswith("Returned to author: Name the ministry") for c in comments)
    assert comments[-1].startswith("Published.")
    print(f"\nCLICKS write-tag-submit={write.count} find-review-publish={review.count}")


def test_unsaved_edits_survive_a_suggestion_a_departure_and_a_closed_tab(browser_page):
    person("edith", "editor")
    make_entity("Port of Busan", kind="place")
    article = make_article("Harbour", status="draft", body="<p>Ships at the Port of Busan.</p>")
    page = browser_page.page
    log_in(page, "edith")
    browser_page.goto(f"/admin/articles/article/{article.pk}/change/")

    # Accepting a suggestion saves the edit made before it.
    page.get_by_label("Title").fill("Harbour, retitled")
    with page.expect_navigation():
        page.locator("#entity-suggestions tr.known-suggestion").get_by_role("button", name="Accept").click()
    article.refresh_from_db()
    assert article.title == "Harbour, retitled" and article.entities.count() == 1

    # Leaving a changed form asks first; staying keeps the edit.
    page.get_by_label("Title").click()
    page.keyboard.type(" again")
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.locator("#site-name a").click()
    page.wait_for_timeout(300)  # the dialog is handled asynchronously; nothing is asserted on time
    assert dialogs == ["beforeunload"] and page.get_by_label("Title").input_value() == "Harbour, retitled again"

    # Leaving anyway keeps a copy in the browser, which the editor recovers on return.
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator("#site-name a").click()
    browser_page.goto(f"/admin/articles/article/{article.pk}/change/")
    assert page.get_by_label("Title").input_value() == "Harbour, retitled"
    page.locator(".desk-recover").get_by_role("button", name="Recover them").click()
    assert page.get_by_label("Title").input_value() == "Harbour, retitled again"
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    article.refresh_from_db()
    assert article.title == "Harbour, retitled again"
    assert page.locator(".desk-recover").count() == 0  # the confirmed save forgot the copy


def test_a_renamed_entity_tags_by_its_old_name_without_a_duplicate(browser_page):
    person("edith", "editor")
    burma = make_entity("Burma", kind="place", slug="burma")
    article = make_article("Elections", status="draft", body="<p>Burma votes in November.</p>")
    page = browser_page.page
    log_in(page, "edith")
    browser_page.goto(f"/admin/articles/entity/{burma.pk}/change/")
    page.get_by_label("Name").fill("Myanmar")
    page.locator("#id_slug").fill("myanmar")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    browser_page.goto(f"/admin/articles/article/{article.pk}/change/")
    row = page.locator("#entity-suggestions tr.known-suggestion", has_text="Myanmar")
    assert "Burma" in row.inner_text() and page.locator("#entity-suggestions tr.new-suggestion").count() == 0
    with page.expect_navigation():
        row.get_by_role("button", name="Accept").click()
    assert list(Entity.objects.values_list("name", flat=True)) == ["Myanmar"]
    assert [e.name for e in article.entities.all()] == ["Myanmar"]
    assert EntityRedirect.objects.get(old_slug="burma").entity_id == burma.pk


def test_a_save_that_changes_nothing_keeps_no_revision_and_restore_shows_the_diff(browser_page):
    person("edith", "editor")
    korea = make_entity("Korea", kind="place")
    article = make_article("Talks", status="draft", body="<p>The talks began.</p>\n<p>They went on.</p>")
    page = browser_page.page
    log_in(page, "edith")
    url = f"/admin/articles/article/{article.pk}/change/"
    browser_page.goto(url)
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()  # first save: the baseline
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()  # the browser posts CRLF
    assert Version.objects.get_for_object(article).count() == 1
    page.get_by_label("Title").fill("Talks resume")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    ArticleEntity.objects.create(content_object=article, tag=korea)  # tagged later, elsewhere
    first = Version.objects.get_for_object(article).order_by("pk").first()
    browser_page.goto(f"/admin/articles/article/{article.pk}/history/{first.pk}/")
    title = page.locator(".restore-diff tr.diff-title")
    assert (title.locator("del").inner_text(), title.locator("ins").inner_text()) == ("Talks resume", "Talks")
    assert page.get_by_label("Keep the entities tagged since this revision").is_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    article.refresh_from_db()
    assert article.title == "Talks" and [e.name for e in article.entities.all()] == ["Korea"]
