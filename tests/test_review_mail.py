"""Review-desk emails: a title's CR or LF never reaches a header, and an email that could not be sent
is shown on the desk instead of being lost in the log."""
import smtplib
from importlib import import_module

import pytest
from django.core import mail
from django.db import transaction

from articles.editorial import review_mail, workflow
from articles.models import Article, UnsentEmail
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_category, make_entity, make_user

pytestmark = pytest.mark.django_db


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def submit(client, article):
    data = form_data(client, change_url(article))
    data["_workflow"] = "submit"
    return client.post(change_url(article), data)


@pytest.fixture
def draft():
    carla = make_user("carla", "contributor")
    make_user("edith", "editor")
    article = make_article("Harbour talks", status="draft", published_at=None, created_by=carla,
                           authors=[make_author("Carla Writer")], categories=[make_category()], entities=[make_entity()])
    return carla, article


def test_a_title_with_cr_or_lf_still_sends_a_one_line_subject(draft, django_capture_on_commit_callbacks):
    carla, article = draft
    Article.objects.filter(pk=article.pk).update(title="Harbour\r\nBcc: victim@example.org\rtalks\n")
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(login(carla), article).status_code == 302
    assert [m.subject for m in mail.outbox] == ["For review: Harbour Bcc: victim@example.org talks"]
    assert mail.outbox[0].to == ["edith@example.org"] and not mail.outbox[0].bcc
    assert not UnsentEmail.objects.exists()


def test_an_email_that_could_not_be_sent_is_shown_on_the_desk_until_one_is_sent(
        draft, monkeypatch, django_capture_on_commit_callbacks):
    carla, article = draft

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("the mail server went away")

    monkeypatch.setattr(review_mail, "send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(login(carla), article).status_code == 302
    article.refresh_from_db()
    assert article.status == "review"  # the save stands
    assert str(article.unsent_email) == "Not emailed to 1 recipient: “For review: Harbour talks”"
    editor = login(make_user("eric", "editor"))
    for url in ("/admin/", "/admin/articles/article/?desk=review", change_url(article)):
        assert "Not emailed to 1 recipient: “For review: Harbour talks”" in editor.get(url).content.decode()

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        data = form_data(editor, change_url(article))
        data.update(_workflow="publish", published_at_0="2026-01-05", published_at_1="10:00:00")
        editor.post(change_url(article), data)
    assert mail.outbox and not UnsentEmail.objects.exists()


@pytest.mark.after_commit
def test_the_email_goes_out_only_when_the_transition_commits(draft, django_capture_on_commit_callbacks):
    carla, article = draft
    with django_capture_on_commit_callbacks(execute=True):
        workflow.take("submit", article, carla)
        assert mail.outbox == []  # composed, waiting for the commit
    assert [(m.subject, m.to) for m in mail.outbox] == [("For review: Harbour talks", ["edith@example.org"])]
    assert "http://testserver/admin/articles/article/" in mail.outbox[0].body  # on the public origin


@pytest.mark.after_commit
def test_no_email_for_a_transition_rolled_back(draft, django_capture_on_commit_callbacks):
    carla, article = draft
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            workflow.take("submit", article, carla)
            raise RuntimeError("the rest of the request failed")
    assert mail.outbox == [] and Article.objects.get(pk=article.pk).status == "draft"


@pytest.mark.after_commit
@pytest.mark.django_db(transaction=True)
def test_a_real_commit_sends_it_and_a_failed_send_is_recorded(monkeypatch):
    # An earlier transactional test's flush may have emptied the roles the migrations made: make them again
    # as the migration does, with its historical models.
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    state = MigrationExecutor(connection).loader.project_state(("archive", "0002_editorial_roles"))
    import_module("archive.migrations.0002_editorial_roles").create_roles(state.apps, None)
    carla, edith = make_user("carla", "contributor"), make_user("edith", "editor")
    article = make_article("Harbour talks", status="review", published_at=None, created_by=carla)
    with transaction.atomic():
        workflow.take("return", article, edith, note="Name the ministry.")
        assert mail.outbox == []
    assert [m.subject for m in mail.outbox] == ["Returned to you: Harbour talks"]

    monkeypatch.setattr(review_mail, "send_mail", lambda *args, **kwargs: 1 / 0)
    with transaction.atomic():
        workflow.take("submit", article, carla)
        assert not UnsentEmail.objects.exists()
    assert str(UnsentEmail.objects.get(article=article)) == "Not emailed to 1 recipient: “For review: Harbour talks”"
