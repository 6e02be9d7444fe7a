"""Two editors, one article: a save made on an older version is refused, shows what changed, keeps
the editor's text and lets them apply it once they have seen the other change."""
import pytest
import reversion
from bs4 import BeautifulSoup
from django.db import connection

from articles.models import Article
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_category, make_entity, make_user

pytestmark = pytest.mark.django_db


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


@pytest.fixture
def article():
    """An article saved once with its history, as the admin leaves it."""
    with reversion.create_revision():
        article = make_article("Talks begin", authors=[make_author("Zoe Park"), make_author("Adam Lee")],
                               categories=[make_category("North Korea")], entities=[make_entity("Kaesong")],
                               body="<p>The first body.</p>", excerpt="First excerpt.")
        reversion.add_to_revision(article)
    return article


@pytest.fixture
def two_editors():
    return login(make_user("edith", "editor")), login(make_user("otto", "editor"))


def test_a_save_made_on_an_older_version_is_refused_and_keeps_both_edits_when_reapplied(article, two_editors):
    edith, otto = two_editors
    edith_form, otto_form = form_data(edith, change_url(article)), form_data(otto, change_url(article))
    edith_form["title"] = "Talks resume"
    assert edith.post(change_url(article), edith_form).status_code == 302

    otto_form["body"] = "<p>Otto's new body.</p>"
    refused = otto.post(change_url(article), otto_form)
    assert refused.status_code == 200  # the form again, nothing saved
    article.refresh_from_db()
    assert (article.title, article.body) == ("Talks resume", "<p>The first body.</p>")
    page = BeautifulSoup(refused.content, "html.parser")
    conflict = page.find(id="edit-conflict")
    assert "Someone else saved this article after you opened it" in conflict.text
    assert "edith saved this article" in page.find(class_="errornote").find_next("ul", class_="errorlist").text
    title_row = conflict.find("tr", class_="diff-title")
    assert (title_row.find("del").text, title_row.find("ins").text) == ("Talks begin", "Talks resume")
    assert "Title" in conflict.text.split("Kept from their version")[1]
    # Otto's body is still in the form, and Edith's title replaced the one he had not touched.
    assert page.find("textarea", attrs={"name": "body"}).text.strip() == "<p>Otto's new body.</p>"
    assert page.find("input", attrs={"name": "title"})["value"] == "Talks resume"

    # Re-applied once seen: the form as shown, with the button that names the version he has seen.
    button = conflict.find("button", attrs={"name": "_seen_version"})
    shown = {field["name"]: field.get("value", "") for field in page.find(id="article_form").find_all("input")
             if field.get("name") and field.get("type") not in ("checkbox", "submit", "file")}
    resent = {**otto_form, **shown, "body": "<p>Otto's new body.</p>", button["name"]: button["value"]}
    assert otto.post(change_url(article), resent).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == ("Talks resume", "<p>Otto's new body.</p>")
    assert list(article.author_links.values_list("author__name", flat=True)) == ["Zoe Park", "Adam Lee"]


def test_a_form_posted_without_its_version_is_refused(article, two_editors):
    edith, _ = two_editors
    data = form_data(edith, change_url(article))
    del data["opened_version"]
    data["title"] = "Blind save"
    assert edith.post(change_url(article), data).status_code == 200
    article.refresh_from_db()
    assert article.title == "Talks begin"


def test_a_workflow_action_from_the_list_is_caught_by_an_open_form(article, two_editors):
    edith, otto = two_editors
    otto_form = form_data(otto, change_url(article))
    response = edith.post("/admin/articles/article/", {"action": "unpublish", "_selected_action": [article.pk]})
    assert response.status_code == 302
    otto_form["body"] = "<p>Otto's body.</p>"
    page = otto.post(change_url(article), otto_form)
    assert page.status_code == 200 and b"edit-conflict" in page.content
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.body == "<p>The first body.</p>"
    # Otto left the status as he found it: the re-displayed form carries the unpublished state.
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find("select", attrs={"name": "status"}).find("option", selected=True)["value"] == "draft"


def test_the_change_form_says_who_else_is_editing(article, two_editors):
    edith, otto = two_editors
    edith.get(change_url(article))
    html = otto.get(change_url(article)).content.decode()
    assert "edith is also editing this article" in html
    mine = BeautifulSoup(edith.get(change_url(article)).content, "html.parser")
    assert "otto is also editing this article" in mine.text and "edith is also" not in mine.text


# A normal change-form save, measured before the version check existed and with it: the same count.
# (PostgreSQL's search index takes two more queries than SQLite's.)
SAVE_QUERIES = {"sqlite": 58, "postgresql": 60}


def test_a_normal_change_form_save_costs_no_query_for_the_version_check(article, django_assert_num_queries):
    """The token is read from the row the admin loads anyway (locked FOR UPDATE on PostgreSQL: the same query)."""
    client = login(make_user("edith", "editor"))
    data = form_data(client, change_url(article))
    data["body"] = "<p>A new body.</p>"
    with django_assert_num_queries(SAVE_QUERIES[connection.vendor]):
        assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>A new body.</p>"


def test_a_date_changed_by_the_first_editor_survives_the_second_editors_conflict(article, two_editors):
    edith, otto = two_editors
    edith_form, otto_form = form_data(edith, change_url(article)), form_data(otto, change_url(article))
    edith_form.update({"published_at_0": "2026-01-05", "published_at_1": "09:30:00"})
    assert edith.post(change_url(article), edith_form).status_code == 302
    otto_form["excerpt"] = "Otto's excerpt."
    page = BeautifulSoup(otto.post(change_url(article), otto_form).content, "html.parser")
    # The date Otto left alone shows Edith's, so saving his version anyway keeps it.
    assert page.find("input", attrs={"name": "published_at_0"})["value"] == "2026-01-05"
    assert page.find("input", attrs={"name": "published_at_1"})["value"] == "09:30:00"
    assert page.find("textarea", attrs={"name": "excerpt"}).text.strip() == "Otto's excerpt."


def test_a_restore_opened_before_another_save_is_refused(article, two_editors):
    from reversion.models import Version

    edith, otto = two_editors
    first = Version.objects.get_for_object(article).get()
    restore_url = f"/admin/articles/article/{article.pk}/history/{first.pk}/"
    data = form_data(edith, change_url(article))
    data["title"] = "Talks resume"
    assert edith.post(change_url(article), data).status_code == 302
    restore = form_data(otto, restore_url)  # Otto opens the restore of the first version
    data = form_data(edith, change_url(article))
    data["excerpt"] = "Edith's second thought."
    assert edith.post(change_url(article), data).status_code == 302
    assert otto.post(restore_url, restore).status_code == 200  # refused: Edith saved since he opened it
    article.refresh_from_db()
    assert (article.title, article.excerpt) == ("Talks resume", "Edith's second thought.")
    restore = form_data(otto, restore_url)  # opened again, on the article as it is now
    assert otto.post(restore_url, restore).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.excerpt) == ("Talks begin", "First excerpt.")
