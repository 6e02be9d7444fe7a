"""The workflow's state machine on its own (articles/editorial/workflow.py): every transition from every
state, allowed or refused for every role, what taking one records, and the inline rows that follow it."""
from datetime import timedelta

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils import timezone
from reversion.models import Version

from articles.editorial import workflow
from articles.models import Article
from articles.signals import article_transitioned
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

ROLES = ("author", "other contributor", "editor", "administrator")
STATES = ("draft", "review", "scheduled", "published")
# The whole table, written out: transition -> (the states it leaves, the roles that may take it).
ALLOWED = {
    "submit": ({"draft"}, {"author", "editor", "administrator"}),
    "publish": ({"draft", "review", "scheduled"}, {"editor", "administrator"}),
    "schedule": ({"draft", "review", "scheduled"}, {"editor", "administrator"}),
    "unpublish": ({"scheduled", "published"}, {"editor", "administrator"}),
    "return": ({"review"}, {"editor", "administrator"}),
    "withdraw": ({"review"}, {"author"}),
}
TARGETS = {"submit": "review", "publish": "published", "schedule": "scheduled", "unpublish": "draft",
           "return": "draft", "withdraw": "draft"}


@pytest.fixture
def people():
    author = make_user("carla", "contributor")
    return {"author": author, "other contributor": make_user("cody", "contributor"),
            "editor": make_user("edith", "editor"), "administrator": make_user("root", "administrator")}


def article_in(state, author):
    now = timezone.now()
    status, published_at = {"draft": ("draft", None), "review": ("review", None),
                            "scheduled": ("published", now + timedelta(days=3)),
                            "published": ("published", now - timedelta(days=3))}[state]
    return make_article("Harbour talks", status=status, published_at=published_at, created_by=author)


def test_the_table_covers_every_transition_and_every_stored_status_has_a_state():
    assert set(ALLOWED) == set(workflow.TRANSITIONS)
    for transition in workflow.TRANSITIONS.values():
        assert set(transition.sources) <= set(workflow.STATES) and transition.target in workflow.STATES
    assert {state.status for state in workflow.STATES.values()} == set(Article.Status.values)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_each_transition_is_taken_or_refused_by_state_and_role(people, name, role, state):
    article = article_in(state, people["author"])
    user = people[role]
    sources, roles = ALLOWED[name]
    when = timezone.now() + timedelta(days=7)
    assert (workflow.TRANSITIONS[name] in workflow.available_transitions(article, user)) == (
        state in sources and role in roles)
    if state in sources and role in roles:
        workflow.take(name, article, user, when=when, note="Add a source.")
        stored = Article.objects.get(pk=article.pk)
        assert workflow.article_state(stored) == TARGETS[name]
        assert Version.objects.get_for_object(stored).count() == 1
    else:
        before = Article.objects.filter(pk=article.pk).values().get()
        with pytest.raises(workflow.TransitionError):
            workflow.take(name, article, user, when=when)
        assert Article.objects.filter(pk=article.pk).values().get() == before
        assert not Version.objects.get_for_object(article).exists()


@pytest.mark.parametrize("name, role, state, message", [
    ("publish", "author", "draft", "Only an editor can publish now."),
    ("submit", "author", "review", "You cannot change “Harbour talks” any more."),
    ("withdraw", "editor", "review", "Only the author of “Harbour talks” can withdraw it."),
    ("return", "editor", "draft", "“Harbour talks” is draft: it cannot be returned to its author."),
])
def test_a_refusal_says_why(people, name, role, state, message):
    with pytest.raises(workflow.TransitionError, match=message):
        workflow.take(name, article_in(state, people["author"]), people[role])


@pytest.mark.parametrize("days", [None, -1])
def test_scheduling_needs_a_date_to_come(people, days):
    article = article_in("review", people["author"])
    when = None if days is None else timezone.now() + timedelta(days=days)
    with pytest.raises(workflow.TransitionError, match="Set a publish date in the future"):
        workflow.take("schedule", article, people["editor"], when=when)


def test_taking_a_transition_records_it_and_announces_it_once(people):
    heard = []

    def listen(sender, article, transition, user, **kwargs):
        heard.append((article.pk, transition, user.username, Article.objects.get(pk=article.pk).status))

    article_transitioned.connect(listen)
    try:
        article = article_in("review", people["author"])
        workflow.take("return", article, people["editor"], note="Name the ministry.")
        with pytest.raises(workflow.TransitionError):
            workflow.take("return", article, people["editor"], note="Again.")
    finally:
        article_transitioned.disconnect(listen)
    assert heard == [(article.pk, "return", "edith", "draft")]  # announced once, after the save
    article.refresh_from_db()
    assert article.review_note == "Name the ministry."
    revision = Version.objects.get_for_object(article).get().revision
    assert (revision.get_comment(), revision.user) == ("Returned to author: Name the ministry.", people["editor"])


def test_submission_records_who_and_when_and_unpublishing_cancels_a_schedule(people):
    draft = article_in("draft", people["author"])
    workflow.take("submit", draft, people["author"])
    draft.refresh_from_db()
    assert draft.submitted_by == people["author"] and draft.submitted_at is not None
    scheduled = article_in("scheduled", people["author"])
    workflow.take("unpublish", scheduled, people["editor"])
    scheduled.refresh_from_db()
    assert (scheduled.status, scheduled.published_at) == ("draft", None)


def test_the_desk_states_filter_what_they_say(people):
    for state in STATES:
        article_in(state, people["author"])
    for state in workflow.STATES.values():
        found = Article.objects.filter(state.q())
        assert [workflow.article_state(article) for article in found] == [state.name]
    assert [state.name for state in workflow.DESK_STATES] == ["review", "scheduled"]


def test_an_articles_inline_rows_follow_the_article(people):
    """A contributor edits the entity rows of their draft, and no row of it once it is in review."""
    request = RequestFactory().get("/")
    request.user = people["author"]
    article_admin = admin.site.get_model_admin(Article)

    def permissions(article):
        return {type(inline).__name__: (inline.has_add_permission(request, article),
                                        inline.has_change_permission(request, article),
                                        inline.has_delete_permission(request, article))
                for inline in article_admin.get_inline_instances(request, article)}

    assert permissions(article_in("draft", people["author"]))["ArticleEntityInline"] == (True, True, True)
    in_review = permissions(article_in("review", people["author"]))
    assert len(in_review) == len(article_admin.inlines)
    assert set(in_review.values()) == {(False, False, False)}
