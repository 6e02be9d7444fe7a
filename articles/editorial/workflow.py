"""The editorial workflow as a small state machine: roles, states, and the transitions between them.

draft -> review -> published; a published article with a future date is *scheduled* (no process
publishes it: `Article.objects.published()` compares the date with now). Roles are Django groups
created by a data migration: Contributor and Editor; Administrator is a superuser.

Declared, not coded: STATES lists each state (its label, how it is stored), TRANSITIONS each move
(from which states, to which, who may take it, what else it records). A new state is one State here
(and its stored value in `Article.Status` when it is a new one); a new move is one Transition.
`take()` checks, applies and saves a transition in a revision of its own and sends
`article_transitioned`: its receiver emails whoever the move concerns after the commit
(articles/receivers.py). The admin's buttons, its list actions and the review desk all read these.
"""
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

import reversion
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from ..models import Article
from ..signals import article_transitioned

CONTRIBUTOR, EDITOR, ADMINISTRATOR = "Contributor", "Editor", "Administrator"
ROLE_GROUPS = (CONTRIBUTOR, EDITOR)
PUBLISH_PERMISSION = "articles.publish_article"
WORDS_PER_MINUTE = 230

Status = Article.Status


class TransitionError(Exception):
    """A state change this user may not make, or that the article is not ready for."""


# Roles

def is_editor(user, article=None):
    """Editors and administrators publish, schedule, unpublish and edit every article."""
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def can_edit(user, article):
    """Editors edit everything; a contributor edits only their own article, only while it is a draft."""
    if is_editor(user):
        return True
    return (user.is_active and user.is_staff and article.created_by_id == user.pk
            and article.status == Status.DRAFT)


def is_author(user, article):
    return user.is_active and article.created_by_id == user.pk


def can_delete(user, article=None):
    return is_editor(user) and user.has_perm("articles.delete_article")


def editable_by(queryset, user):
    """The articles `user` may open in the admin: all for editors, their own for contributors."""
    return queryset if is_editor(user) else queryset.filter(created_by=user)


@dataclass(frozen=True)
class Role:
    """Who may take a transition (`allows(user, article)`), and what anyone else is told."""

    allows: Callable
    refusal: str  # formatted with the transition's `action` and the `article`


EDITORS = Role(is_editor, "Only an editor can {action}.")
WRITERS = Role(can_edit, "You cannot change “{article}” any more.")  # editors, or the author of a draft
AUTHOR = Role(is_author, "Only the author of “{article}” can {action} it.")


# States

@dataclass(frozen=True)
class State:
    name: str
    label: str
    status: str  # as stored in Article.status
    future: bool | None = None  # published states: whether the date is still to come
    on_desk: bool = False  # the review desk and its list filter show it, with a count

    def q(self, now=None):
        """The articles in this state, as a filter."""
        in_state = Q(status=self.status)
        if self.future is not None:
            to_come = Q(published_at__gt=now or timezone.now())
            in_state &= to_come if self.future else ~to_come
        return in_state

    def holds(self, article, now=None):
        to_come = article.published_at is not None and article.published_at > (now or timezone.now())
        return article.status == self.status and self.future in (None, to_come)


STATES = {state.name: state for state in (
    State("draft", Status.DRAFT.label, Status.DRAFT),
    State("review", Status.REVIEW.label, Status.REVIEW, on_desk=True),
    State("scheduled", "Scheduled", Status.PUBLISHED, future=True, on_desk=True),
    State("published", Status.PUBLISHED.label, Status.PUBLISHED, future=False),
)}
DESK_STATES = [state for state in STATES.values() if state.on_desk]


def article_state(article):
    """The name of the state `article` is in."""
    return next(state.name for state in STATES.values() if state.holds(article))


def state_label(article, now=None):
    """The state as editors say it: draft, in review, scheduled for DATE, published."""
    now = now or timezone.now()
    if article.status == Status.PUBLISHED and article.published_at and article.published_at > now:
        when = timezone.localtime(article.published_at)
        return f"Scheduled for {date_format(when, 'DATETIME_FORMAT')} {when.tzname()}"
    if article.status == Status.PUBLISHED and not article.published_at:
        return "Published (no date: hidden)"
    return STATES[article_state(article)].label


def reading_minutes(word_count):
    return max(1, round(word_count / WORDS_PER_MINUTE)) if word_count else 0


def missing_for_publication(article, counts=None):
    """What a reader would miss: 'author', 'category', 'entity'. `counts` overrides the saved link counts."""
    counts = counts or {"author": article.author_links.count(), "category": article.category_links.count(),
                        "entity": article.entity_links.count()}
    return [name for name in ("author", "category", "entity") if not counts[name]]


# What a transition records besides the status (`effect(article, now, when, user, note)`).

def record_submission(article, now, when, user, note):
    article.submitted_at, article.review_note = now, ""
    if user is not None:
        article.submitted_by = user


def record_note(article, now, when, user, note):
    article.review_note = note


def publish_from_now(article, now, when, user, note):
    if article.published_at is None or article.published_at > now:
        article.published_at = now


def publish_when(article, now, when, user, note):
    article.published_at = when


def cancel_schedule(article, now, when, user, note):
    if article.published_at and article.published_at > now:
        article.published_at = None  # a cancelled schedule should not fire on re-publish


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # the button
    sources: tuple  # state names
    target: str  # a state name
    who: Role
    verb: str  # what the article cannot do when it is in another state
    done: str  # the revision's comment; {when} and {note} are filled in
    effect: Callable = None
    needs_future_date: bool = False
    fields: tuple = ("status", "published_at", "updated_at", "submitted_by", "submitted_at", "review_note")

    def check(self, article, user, when=None):
        """Raise TransitionError unless `user` may move `article` this way now."""
        if not self.who.allows(user, article):
            raise TransitionError(self.who.refusal.format(action=self.label.lower(), article=article))
        if article_state(article) not in self.sources:
            raise TransitionError(f"“{article}” is {state_label(article).lower()}: it cannot {self.verb}.")
        if self.needs_future_date and (when is None or when <= timezone.now()):
            raise TransitionError("Set a publish date in the future to schedule the article.")

    def apply(self, article, when=None, user=None, note=""):
        """Set the article's status and what goes with it (the caller saves); a submission records who
        made it, a return the editor's `note`, a schedule its date `when`."""
        article.status = STATES[self.target].status
        if self.effect is not None:
            self.effect(article, timezone.now(), when, user, note)

    def done_note(self, article):
        """What happened, for the revision's comment (after `apply`)."""
        when = state_label(article).removeprefix("Scheduled for ")
        return self.done.format(when=when, note=article.review_note)


TRANSITIONS = {t.name: t for t in (
    Transition("submit", "Submit for review", ("draft",), "review", WRITERS, "be submitted for review",
               "Submitted for review.", record_submission),
    Transition("publish", "Publish now", ("draft", "review", "scheduled"), "published", EDITORS,
               "be published now", "Published.", publish_from_now),
    Transition("schedule", "Schedule", ("draft", "review", "scheduled"), "scheduled", EDITORS, "be scheduled",
               "Scheduled for {when}.", publish_when, needs_future_date=True),
    Transition("unpublish", "Unpublish", ("scheduled", "published"), "draft", EDITORS, "be unpublished",
               "Unpublished.", cancel_schedule),
    Transition("return", "Return to author", ("review",), "draft", EDITORS, "be returned to its author",
               "Returned to author: {note}", record_note),
    Transition("withdraw", "Withdraw", ("review",), "draft", AUTHOR, "be withdrawn", "Withdrawn by the author."),
)}


def available_transitions(article, user):
    """The transitions `user` may apply to `article` now (schedule needs a date, so it is always offered)."""
    tomorrow = timezone.now() + timedelta(days=1)
    available = []
    for transition in TRANSITIONS.values():
        try:
            transition.check(article, user, when=tomorrow)
        except TransitionError:
            continue
        available.append(transition)
    return available


def done_note(name, article):
    """The revision comment for transition `name` (none for a save that is no transition)."""
    return TRANSITIONS[name].done_note(article) if name in TRANSITIONS else ""


def transition_made(article, action, changed_fields):
    """The transition a saved admin form made: its button (`action`), or a status changed in the menu."""
    if action in TRANSITIONS:
        return action
    if "status" not in changed_fields:
        return None
    if article.status == Status.PUBLISHED:
        return "schedule" if article.is_scheduled else "publish"
    return "submit" if article.status == Status.REVIEW else None


def announce(article, name, user):
    """Tell the receivers that `user` moved `article` by transition `name` (its save is done)."""
    article_transitioned.send(sender=Article, article=article, transition=name, user=user)


def take(name, article, user, when=None, note="", comment_suffix=""):
    """Check, apply and save transition `name` in a revision of its own (so a restore of one article
    leaves others be), then announce it. Raises TransitionError, having changed nothing."""
    transition = TRANSITIONS[name]
    transition.check(article, user, when)
    with reversion.create_revision():
        transition.apply(article, when, user=user, note=note)
        article.save(update_fields=transition.fields)
        reversion.set_user(user)
        reversion.set_comment(transition.done_note(article) + comment_suffix)
        announce(article, name, user)
    return article
