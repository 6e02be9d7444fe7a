"""The review desk: submissions are easy to find (dashboard, filters with counts, "submitted by"),
editors are emailed on submission, authors on a return (with a required note) or a publication,
and a contributor can withdraw a submission."""
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_category, make_entity, make_user

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/articles/article/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def post_change(client, article, **changes):
    data = form_data(client, change_url(article))
    data.update(changes)
    return client.post(change_url(article), data)


@pytest.fixture
def desk():
    """A contributor with a complete draft, two editors (one without an address) and an administrator."""
    carla = make_user("carla", "contributor")
    edith, eric, root = make_user("edith", "editor"), make_user("eric", "editor"), make_user("root", "administrator")
    eric.email = ""
    eric.save()
    article = make_article("Harbour talks", status="draft", published_at=None, created_by=carla,
                           authors=[make_author("Carla Writer")], categories=[make_category()], entities=[make_entity()])
    return carla, edith, root, article


def test_submit_notify_return_with_note_resubmit_publish(desk, django_capture_on_commit_callbacks):
    carla, edith, root, article = desk
    with django_capture_on_commit_callbacks(execute=True):
        assert post_change(login(carla), article, _workflow="submit").status_code == 302
    article.refresh_from_db()
    assert (article.status, article.submitted_by) == ("review", carla)
    assert [m.subject for m in mail.outbox] == ["For review: Harbour talks"]
    assert sorted(mail.outbox[0].to) == ["edith@example.org", "root@example.org"]
    assert change_url(article) in mail.outbox[0].body and "carla submitted" in mail.outbox[0].body

    editor = login(edith)
    response = post_change(editor, article, _workflow="return")
    assert response.status_code == 200 and "Write the author a note" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert post_change(editor, article, _workflow="return",
                           note_to_author="Please add a source for the port figures.").status_code == 302
    article.refresh_from_db()
    assert (article.status, article.review_note) == ("draft", "Please add a source for the port figures.")
    returned = mail.outbox[-1]
    assert returned.to == ["carla@example.org"] and "Please add a source for the port figures." in returned.body
    page = login(carla).get(change_url(article)).content.decode()
    assert "Returned with a note from the editor" in page and "Please add a source" in page
    assert Version.objects.get_for_object(article).first().revision.get_comment().startswith(
        "Returned to author: Please add a source")

    with django_capture_on_commit_callbacks(execute=True):
        assert post_change(login(carla), article, _workflow="submit").status_code == 302
        assert post_change(editor, article, _workflow="publish").status_code == 302
    article.refresh_from_db()
    assert article.is_public and article.review_note == ""
    assert [m.subject for m in mail.outbox[-2:]] == ["For review: Harbour talks", "Published: Harbour talks"]
    assert mail.outbox[-1].to == ["carla@example.org"]


def test_nothing_is_sent_when_the_save_fails(desk, django_capture_on_commit_callbacks):
    carla, edith, root, article = desk
    with django_capture_on_commit_callbacks(execute=True):
        post_change(login(carla), article, _workflow="submit", slug="")  # invalid: nothing saved
    assert mail.outbox == []


def test_filters_dashboard_and_column_show_what_waits(desk):
    carla, edith, root, article = desk
    post_change(login(carla), article, _workflow="submit")
    make_article("Next week", status="published", published_at=timezone.now() + timedelta(days=7))
    make_article("Old news")
    editor = login(edith)
    html = editor.get(CHANGELIST).content.decode()
    assert "In review (1)" in html and "Scheduled (1)" in html
    rows = BeautifulSoup(editor.get(CHANGELIST + "?desk=review").content, "html.parser").select("#result_list tbody tr")
    assert len(rows) == 1 and "Harbour talks" in rows[0].get_text() and "carla" in rows[0].get_text()
    rows = BeautifulSoup(editor.get(CHANGELIST + "?desk=scheduled").content, "html.parser").select("#result_list tbody tr")
    assert [r.select_one("th").get_text(strip=True) for r in rows] == ["Next week"]
    panel = BeautifulSoup(editor.get("/admin/").content, "html.parser").select_one("#review-desk")
    assert "In review (1)" in panel.get_text() and "Harbour talks" in panel.get_text()
    assert "submitted by carla" in " ".join(panel.get_text().split()) and "Next week" in panel.get_text()
    assert "Harbour talks" not in login(make_user("cody", "contributor")).get("/admin/").content.decode()


def test_admin_search_finds_articles_by_author_name(desk):
    carla, edith, root, article = desk
    make_article("Unrelated")
    html = login(edith).get(CHANGELIST + "?q=Carla+Writer").content.decode()
    assert "Harbour talks" in html and "Unrelated" not in html and "1 result" in html


def test_contributor_withdraws_a_submission_and_edits_again(desk):
    carla, edith, root, article = desk
    client = login(carla)
    post_change(client, article, _workflow="submit")
    page = BeautifulSoup(client.get(change_url(article)).content, "html.parser")
    form = page.select_one("form.desk-withdraw")
    assert form is not None and "Withdraw it" in form.get_text()
    assert login(make_user("cody", "contributor")).post(form["action"]).status_code in (302, 403)
    article.refresh_from_db()
    assert article.status == "review"
    assert client.post(form["action"]).status_code == 302
    article.refresh_from_db()
    assert article.status == "draft"
    assert Version.objects.get_for_object(article).first().revision.get_comment() == "Withdrawn by the author."
    assert post_change(client, article, title="Harbour talks, revised").status_code == 302


def test_withdraw_from_the_list_and_only_ones_own(desk):
    carla, edith, root, article = desk
    other = make_article("Someone else's", status="review", created_by=edith)
    post_change(login(carla), article, _workflow="submit")
    login(carla).post(CHANGELIST, {"action": "withdraw_submissions", "_selected_action": [article.pk, other.pk]})
    assert Article.objects.get(pk=article.pk).status == "draft"
    assert Article.objects.get(pk=other.pk).status == "review"


def test_workflow_buttons_are_styled_and_delete_stands_apart(desk):
    carla, edith, root, article = desk
    post_change(login(carla), article, _workflow="submit")
    row = BeautifulSoup(login(edith).get(change_url(article)).content, "html.parser").select_one(".submit-row")
    buttons = row.select(".workflow-buttons button")
    assert [b.get_text() for b in buttons] == ["Publish now", "Schedule", "Return to author", "Preview changes"]
    assert all("button" in b["class"] for b in buttons)
    children = [c for c in row.children if getattr(c, "name", None)]
    assert children[0]["name"] == "_save" and "deletelink" in children[-1]["class"]
    assert children[-2]["class"] == ["workflow-buttons"]
