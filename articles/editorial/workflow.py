"""The editorial workflow: who may do what to an article, and the state changes themselves.

draft -> review -> published (a future publish date makes it *scheduled*: no process needed,
`Article.objects.published()` compares the date with now). Roles are Django groups created by
a data migration: Contributor and Editor; Administrator is a superuser.
"""
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format

from ..models import Article, LegacyURL

CONTRIBUTOR, EDITOR, ADMINISTRATOR = "Contributor", "Editor", "Administrator"
ROLE_GROUPS = (CONTRIBUTOR, EDITOR)
PUBLISH_PERMISSION = "articles.publish_article"
WORDS_PER_MINUTE = 230

Status = Article.Status


class TransitionError(Exception):
    """A state change this user may not make, or that the article is not ready for."""


def is_editor(user):
    """Editors and administrators publish, schedule, unpublish and edit every article."""
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def can_edit(user, article):
    """Editors edit everything; a contributor edits only their own article, only while it is a draft."""
    if is_editor(user):
        return True
    return (user.is_active and user.is_staff and article.created_by_id == user.pk
            and article.status == Status.DRAFT)


def can_delete(user, article=None):
    return is_editor(user) and user.has_perm("articles.delete_article")


def editable_by(queryset, user):
    """The articles `user` may open in the admin: all for editors, their own for contributors."""
    return queryset if is_editor(user) else queryset.filter(created_by=user)


def state_label(article, now=None):
    """The state as editors say it: draft, in review, scheduled for DATE, published."""
    now = now or timezone.now()
    if article.status == Status.PUBLISHED and article.published_at and article.published_at > now:
        return f"Scheduled for {date_format(timezone.localtime(article.published_at), 'DATETIME_FORMAT')}"
    if article.status == Status.PUBLISHED and not article.published_at:
        return "Published (no date: hidden)"
    return article.get_status_display()


def reading_minutes(word_count):
    return max(1, round(word_count / WORDS_PER_MINUTE)) if word_count else 0


def missing_for_publication(article, counts=None):
    """What a reader would miss: 'author', 'category', 'entity'. `counts` overrides the saved link counts."""
    counts = counts or {"author": article.author_links.count(), "category": article.category_links.count(),
                        "entity": article.entity_links.count()}
    return [name for name in ("author", "category", "entity") if not counts[name]]


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    editor_only: bool
    sources: tuple

    def check(self, article, user, when=None):
        """Raise TransitionError unless `user` may move `article` this way now."""
        if self.editor_only and not is_editor(user):
            raise TransitionError(f"Only an editor can {self.label.lower()}.")
        if not can_edit(user, article):
            raise TransitionError(f"You cannot change “{article}” any more.")
        if article_state(article) not in self.sources:
            raise TransitionError(f"“{article}” is {state_label(article).lower()}: it cannot {self.verb}.")
        if self.name == "schedule" and (when is None or when <= timezone.now()):
            raise TransitionError("Set a publish date in the future to schedule the article.")

    @property
    def verb(self):
        return {"submit": "be submitted for review", "publish": "be published now", "schedule": "be scheduled",
                "unpublish": "be unpublished"}[self.name]

    def apply(self, article, when=None):
        """Set the article's status and date for this transition (the caller saves)."""
        now = timezone.now()
        if self.name == "submit":
            article.status = Status.REVIEW
        elif self.name == "publish":
            article.status = Status.PUBLISHED
            if article.published_at is None or article.published_at > now:
                article.published_at = now
        elif self.name == "schedule":
            article.status, article.published_at = Status.PUBLISHED, when
        elif self.name == "unpublish":
            article.status = Status.DRAFT
            if article.published_at and article.published_at > now:
                article.published_at = None  # a cancelled schedule should not fire on re-publish


def article_state(article):
    if article.status == Status.PUBLISHED:
        return "scheduled" if article.is_scheduled else "published"
    return article.status


TRANSITIONS = {
    t.name: t for t in (
        Transition("submit", "Submit for review", editor_only=False, sources=("draft",)),
        Transition("publish", "Publish now", editor_only=True, sources=("draft", "review", "scheduled")),
        Transition("schedule", "Schedule", editor_only=True, sources=("draft", "review", "scheduled")),
        Transition("unpublish", "Unpublish", editor_only=True, sources=("review", "scheduled", "published")),
    )
}


def available_transitions(article, user):
    """The transitions `user` may apply to `article` now (schedule needs a date, so it is always offered)."""
    available = []
    for transition in TRANSITIONS.values():
        try:
            transition.check(article, user, when=timezone.now() + timedelta(days=1))
        except TransitionError:
            continue
        available.append(transition)
    return available


def perform(name, article, user, when=None):
    """Check and apply transition `name`, then save. Raises TransitionError."""
    transition = TRANSITIONS[name]
    transition.check(article, user, when)
    transition.apply(article, when)
    article.save(update_fields=["status", "published_at", "updated_at"])
    return article


def remember_old_url(sender, instance, raw=False, **kwargs):
    """pre_save: when a published article's slug changes, its old URL becomes a LegacyURL (301)."""
    if raw or instance.pk is None:
        return
    old = Article.objects.filter(pk=instance.pk).values("slug", "status").first()
    if old is None or old["slug"] == instance.slug or old["status"] != Status.PUBLISHED:
        return
    redirect_paths(instance, [Article(slug=old["slug"]).get_absolute_url()])


def redirect_paths(article, paths):
    """Each of these paths that is not the article's own now redirects to it (301). The article
    answers at its own path, so a legacy row for that one would be stale and is dropped."""
    own = article.get_absolute_url()
    for path in paths:
        if path != own:
            LegacyURL.objects.update_or_create(path=path, defaults={"article_id": article.pk})
    LegacyURL.objects.filter(path=own).delete()


def known_paths(article):
    """Every path readers may know the article by: its own while published, and its legacy URLs."""
    paths = list(article.legacy_urls.values_list("path", flat=True))
    if article.status == Status.PUBLISHED:
        paths.append(article.get_absolute_url())
    return paths


def keep_known_paths(article_id, paths):
    """After restoring a revision: each of these paths that is no longer the article's own redirects
    to it. Reverting writes the old slug and legacy rows directly, so remember_old_url never sees the
    change, and the revision's legacy rows replace newer ones."""
    article = Article.objects.filter(pk=article_id).first()
    if article is not None:
        redirect_paths(article, paths)
