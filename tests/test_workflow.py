"""The editorial workflow through the admin, per role: what a contributor, an editor and an
administrator can and cannot do to an article (draft -> review -> published / scheduled)."""
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Entity
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_category, make_entity, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/article/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"



@pytest.fixture
def carla():
    return make_user("carla", "contributor")


@pytest.fixture
def cody():
    return make_user("cody", "contributor")


@pytest.fixture
def edith():
    return make_user("edith", "editor")


@pytest.fixture(params=["editor", "administrator"])
def publisher(request):
    """Both roles that may publish."""
    return make_user(f"pub-{request.param}", request.param)


def complete_article(title="Piece", **fields):
    """An article with an author, a category and an entity (nothing to warn about)."""
    return make_article(title, authors=[make_author()], categories=[make_category()], entities=[make_entity()],
                        **fields)


def post_change(client, article, **changes):
    data = form_data(client, change_url(article))
    data.update(changes)
    return client.post(change_url(article), data)


def run_action(client, action, articles, **extra):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [a.pk for a in articles],
                                    "index": 0, **extra})


# Roles

def test_roles_are_groups_with_the_right_permissions():
    contributor = set(Group.objects.get(name="Contributor").permissions.values_list("codename", flat=True))
    editor = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article", "view_entity", "add_articleentity"} <= contributor
    assert not {"publish_article", "delete_article", "change_entity", "add_author"} & contributor
    assert {"publish_article", "delete_article", "change_entity", "add_author", "change_series",
            "change_category"} <= editor


# Contributor

def add_form(client):
    return form_data(client, "/admin/articles/article/add/")


def test_contributor_writes_a_draft_of_their_own(carla):
    client = login(carla)
    data = add_form(client)
    data.update(title="Intern notes", slug="intern-notes", body="<p>Notes</p>")
    response = client.post("/admin/articles/article/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(slug="intern-notes")
    assert (article.status, article.created_by) == ("draft", carla)


def test_contributor_status_choices_stop_at_review(carla):
    html = login(carla).get("/admin/articles/article/add/").content.decode()
    assert 'value="review"' in html and 'value="published"' not in html


def test_contributor_cannot_post_a_published_status(carla):
    client = login(carla)
    data = add_form(client)
    data.update(title="Sneaky", slug="sneaky", status="published")
    response = client.post("/admin/articles/article/add/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Article.objects.filter(slug="sneaky").exists()


def test_contributor_submits_own_draft_for_review_then_cannot_edit_it(carla):
    draft = make_article("Mine", status="draft", created_by=carla)
    client = login(carla)
    assert "Submit for review" in client.get(change_url(draft)).content.decode()
    response = post_change(client, draft, _workflow="submit")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "review"
    page = client.get(change_url(draft)).content.decode()
    assert 'name="_save"' not in page and "Submit for review" not in page
    assert client.post(change_url(draft), {"title": "Changed"}).status_code == 403
    draft.refresh_from_db()
    assert draft.title == "Mine"


@pytest.mark.parametrize("button", ["publish", "schedule", "unpublish"])
def test_contributor_cannot_use_editor_buttons(carla, button):
    draft = make_article("Mine", status="draft", created_by=carla, published_at=None)
    client = login(carla)
    assert f'value="{button}"' not in client.get(change_url(draft)).content.decode()
    response = post_change(client, draft, _workflow=button)
    assert response.status_code == 200
    assert "Only an editor" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_contributor_cannot_open_or_change_anothers_article(carla, cody):
    theirs = make_article("Cody's draft", status="draft", created_by=cody)
    client = login(carla)
    assert "Cody&#x27;s draft" not in client.get(CHANGELIST).content.decode()
    response = client.get(change_url(theirs))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.post(change_url(theirs), {"title": "Hijacked", "slug": theirs.slug, "status": "draft"})
    theirs.refresh_from_db()
    assert theirs.title == "Cody's draft"


def test_contributor_cannot_delete_even_own_draft(carla):
    draft = make_article("Mine", status="draft", created_by=carla)
    client = login(carla)
    assert client.get(f"/admin/articles/article/{draft.pk}/delete/").status_code == 403
    assert client.post(f"/admin/articles/article/{draft.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=draft.pk).exists()


def test_contributor_sees_only_the_submit_action(carla):
    make_article("Mine", status="draft", created_by=carla)
    html = login(carla).get(CHANGELIST).content.decode()
    assert 'value="submit_for_review"' in html
    for action in ("publish_now", "unpublish", "delete_selected", "add_entity_to_selected"):
        assert f'value="{action}"' not in html


@pytest.mark.parametrize("action", ["publish_now", "unpublish", "delete_selected", "add_entity_to_selected"])
def test_contributor_posting_an_editor_action_changes_nothing(carla, action):
    mine = make_article("Mine", status="draft", created_by=carla)
    run_action(login(carla), action, [mine], post="yes")
    mine.refresh_from_db()
    assert mine.status == "draft"


def test_contributor_bulk_submit_touches_only_their_drafts(carla, cody):
    mine = make_article("Mine", status="draft", created_by=carla)
    theirs = make_article("Theirs", status="draft", created_by=cody)
    response = run_action(login(carla), "submit_for_review", [mine, theirs])
    assert response.status_code == 302
    mine.refresh_from_db(), theirs.refresh_from_db()
    assert (mine.status, theirs.status) == ("review", "draft")


# Editor and administrator

def test_editor_publishes_a_submitted_article_now(publisher):
    article = complete_article("Submitted", status="review", published_at=None)
    client = login(publisher)
    assert 'value="publish"' in client.get(change_url(article)).content.decode()
    response = post_change(client, article, _workflow="publish")
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert article.status == "published" and article.published_at <= timezone.now()
    assert Client().get(article.get_absolute_url()).status_code == 200


def test_editor_schedules_with_a_future_date(publisher):
    article = complete_article("Later", status="review", published_at=None)
    client = login(publisher)
    when = timezone.localtime() + timedelta(days=2)
    response = post_change(client, article, _workflow="schedule", published_at_0=when.strftime("%Y-%m-%d"),
                           published_at_1=when.strftime("%H:%M:%S"))
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert article.is_scheduled
    assert Client().get(article.get_absolute_url()).status_code == 404
    assert "Scheduled for" in client.get(CHANGELIST).content.decode()


def test_scheduling_without_a_future_date_explains_why(edith):
    article = complete_article("Later", status="review", published_at=None)
    response = post_change(login(edith), article, _workflow="schedule")
    assert response.status_code == 200
    assert "Set a publish date in the future to schedule" in response.content.decode()
    article.refresh_from_db()
    assert article.status == "review"


@pytest.mark.parametrize("days", [2, -2])
def test_a_refused_schedule_is_redisplayed_with_the_state_as_saved(edith, days):
    """Refused (no byline to publish with, or a date in the past): the form says what is saved, not
    "Scheduled for", and offers the buttons of the saved state."""
    article = make_article("Later", status="review", published_at=None)
    when = timezone.localtime() + timedelta(days=days)
    response = post_change(login(edith), article, _workflow="schedule", status="published",
                           published_at_0=when.strftime("%Y-%m-%d"), published_at_1=when.strftime("%H:%M:%S"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "errornote" in html and "Scheduled for" not in html
    assert '<div class="readonly">In review</div>' in html
    article.refresh_from_db()
    assert (article.status, article.published_at) == ("review", None)


def test_publishing_by_status_without_a_date_explains_why(edith):
    article = complete_article("Undated", status="review", published_at=None)
    response = post_change(login(edith), article, status="published", published_at_0="", published_at_1="")
    assert response.status_code == 200
    assert "Set a publish date to publish this article" in response.content.decode()
    article.refresh_from_db()
    assert article.status == "review"


def test_publishing_an_article_without_author_category_or_entity_asks_first(edith):
    bare = make_article("Bare", status="review", published_at=None)
    client = login(edith)
    response = post_change(client, bare, _workflow="publish")
    assert response.status_code == 200
    assert "This article has no author, no category, no entity" in response.content.decode()
    bare.refresh_from_db()
    assert bare.status == "review"
    response = post_change(client, bare, _workflow="publish", publish_anyway="on")
    assert response.status_code == 302
    bare.refresh_from_db()
    assert bare.is_public


def test_editor_unpublishes_back_to_draft(publisher):
    article = complete_article("Live")
    response = post_change(login(publisher), article, _workflow="unpublish")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "draft"
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_editor_edits_anyones_article_and_deletes(edith, carla):
    theirs = complete_article("Carla's", status="review", created_by=carla)
    client = login(edith)
    assert post_change(client, theirs, title="Carla's, edited").status_code == 302
    theirs.refresh_from_db()
    assert theirs.title == "Carla's, edited"
    assert client.post(f"/admin/articles/article/{theirs.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=theirs.pk).exists()


def test_duplicate_slug_names_the_article_that_has_it(edith):
    complete_article("First", slug="taken")
    second = complete_article("Second", slug="free")
    response = post_change(login(edith), second, slug="taken")
    assert response.status_code == 200
    assert "“First” already uses the slug “taken”" in response.content.decode()


def test_bulk_publish_and_unpublish(publisher):
    ready = [complete_article(f"Ready {i}", status="review", published_at=None) for i in range(3)]
    client = login(publisher)
    assert run_action(client, "publish_now", ready).status_code == 302
    assert Article.objects.published().filter(pk__in=[a.pk for a in ready]).count() == 3
    assert run_action(client, "unpublish", ready).status_code == 302
    assert set(Article.objects.filter(pk__in=[a.pk for a in ready]).values_list("status", flat=True)) == {"draft"}


def test_bulk_publish_of_incomplete_articles_asks_for_confirmation(edith):
    bare = make_article("Bare one", status="review", published_at=None)
    client = login(edith)
    response = run_action(client, "publish_now", [bare])
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bare one" in html and "no author, no category, no entity" in html
    bare.refresh_from_db()
    assert bare.status == "review"
    run_action(client, "publish_now", [bare], publish_anyway="yes")
    bare.refresh_from_db()
    assert bare.is_public


def test_bulk_submit_skips_what_is_not_a_draft_and_says_so(edith):
    live = complete_article("Live one")
    response = run_action(login(edith), "submit_for_review", [live])
    live.refresh_from_db()
    assert live.status == "published"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Not changed (1)" in m for m in messages)


# What the change list and the form show

def test_change_list_shows_each_state(edith):
    make_article("A draft", status="draft")
    make_article("A review", status="review")
    make_article("A scheduled", days_ago=-3)
    make_article("A published")
    html = login(edith).get(CHANGELIST).content.decode()
    for label in ("Draft", "In review", "Scheduled for", "Published"):
        assert f'<td class="field-workflow_state">{label}' in html


def test_form_shows_word_count_and_reading_time(edith):
    article = complete_article("Long", body="<p>" + "word " * 460 + "</p>")
    html = login(edith).get(change_url(article)).content.decode()
    assert "460" in html
    assert "about 2 min" in html


def test_contributor_picks_entities_and_authors_but_cannot_manage_them(carla, edith):
    make_entity("Kaesong", kind="place")
    contributor = login(carla)
    response = contributor.get("/admin/autocomplete/", {"term": "Kaes", "app_label": "articles",
                                                        "model_name": "articleentity", "field_name": "tag"})
    assert [r["text"] for r in response.json()["results"]] == ["Kaesong (place)"]
    for url in ("/admin/articles/author/add/", "/admin/articles/entity/add/", "/admin/articles/category/add/",
                "/admin/articles/series/add/"):
        assert contributor.get(url).status_code == 403
        assert login(edith).get(url).status_code == 200


# The whole story, through the admin as each role uses it

def test_contributor_writes_editor_reviews_schedules_release_happens_and_a_later_edit_is_rolled_back(carla, edith):
    writer, editor, reader = login(carla), login(edith), Client()
    data = add_form(writer)
    data.update(title="Talks resume", slug="talks-resume", body="<p>The talks resumed in May.</p>")
    assert writer.post("/admin/articles/article/add/", data).status_code == 302
    article = Article.objects.get(slug="talks-resume")
    assert post_change(writer, article, body="<p>The talks resumed in late May.</p>").status_code == 302
    assert post_change(writer, article, _workflow="submit").status_code == 302
    article.refresh_from_db()
    assert article.status == "review" and reader.get(article.get_absolute_url()).status_code == 404

    first, *_, last = Version.objects.get_for_object(article).order_by("pk")
    diff = editor.get(f"/admin/articles/article/{article.pk}/history/compare/?old={first.pk}&new={last.pk}")
    assert "<ins>late</ins>" in diff.content.decode()

    release = (timezone.localtime() + timedelta(days=1)).replace(microsecond=0)
    response = post_change(editor, article, _workflow="schedule", publish_anyway="on",
                           published_at_0=release.strftime("%Y-%m-%d"), published_at_1=release.strftime("%H:%M:%S"))
    assert response.status_code == 302, response.content.decode()[:3000]
    with time_machine.travel(release - timedelta(seconds=1), tick=False):
        assert reader.get(article.get_absolute_url()).status_code == 404
        assert "Talks resume" not in reader.get("/the-peninsula/").content.decode()
    with time_machine.travel(release + timedelta(seconds=1), tick=False):
        assert reader.get(article.get_absolute_url()).status_code == 200
        assert "Talks resume" in reader.get("/the-peninsula/").content.decode()
        assert "Talks resume" in reader.get("/feed/").content.decode()

        before_edit = Version.objects.get_for_object(article).order_by("pk").last()
        assert post_change(editor, article, title="Talks collapse").status_code == 302
        assert "Talks collapse" in reader.get(article.get_absolute_url()).content.decode()
        url = f"/admin/articles/article/{article.pk}/history/{before_edit.pk}/"
        restored = editor.post(url, form_data(editor, url))
        assert restored.status_code == 302, restored.content.decode()[:3000]
        page = reader.get(article.get_absolute_url()).content.decode()
    assert "Talks resume" in page and "Talks collapse" not in page
    article.refresh_from_db()
    assert (article.status, article.published_at) == ("published", release)  # still released at its time


def test_contributor_tags_own_draft_from_known_suggestions_but_cannot_create_entities(carla):
    make_entity("Kaesong", kind="place")
    draft = make_article("Mine", status="draft", created_by=carla,
                         body="<p>Workers returned to Kaesong. Officials from Wonsan Maritime Authority agreed.</p>")
    client = login(carla)
    panel = client.get(change_url(draft)).content.decode()
    assert "Kaesong" in panel and "Accept as new entity" not in panel
    url = f"/admin/articles/article/{draft.pk}/entity-suggestion/"
    response = client.post(url, {"decision": "accept", "name": "Wonsan Maritime Authority", "kind": "organization"},
                           follow=True)
    assert "Only an editor can add" in response.content.decode()
    assert not Entity.objects.filter(name="Wonsan Maritime Authority").exists()
    client.post(url, {"decision": "accept", "entity": Entity.objects.get(name="Kaesong").pk})
    assert list(draft.entities.values_list("name", flat=True)) == ["Kaesong"]


def test_editor_still_accepts_a_new_entity_from_suggestions(edith):
    draft = make_article("Piece", status="draft", body="<p>Officials from Wonsan Maritime Authority agreed.</p>")
    client = login(edith)
    client.post(f"/admin/articles/article/{draft.pk}/entity-suggestion/",
                {"decision": "accept", "name": "Wonsan Maritime Authority", "kind": "organization"})
    assert list(draft.entities.values_list("name", flat=True)) == ["Wonsan Maritime Authority"]


def test_suggestion_panel_is_offered_only_to_who_can_change_the_article(carla, edith):
    make_entity("Kaesong", kind="place")
    submitted = make_article("Mine", status="review", created_by=carla, body="<p>Workers returned to Kaesong.</p>")
    assert 'id="entity-suggestions"' not in login(carla).get(change_url(submitted)).content.decode()
    assert 'id="entity-suggestions"' in login(edith).get(change_url(submitted)).content.decode()
