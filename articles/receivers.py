"""Every side effect of a content write, wired in one place and run once, after the commit: the search
index, the page-cache generation, and the review desk's emails.

An admin save writes an article, its bylines, categories and entity links in one transaction.
Each write only notes what it touched; when the transaction commits, the touched articles are
reindexed once and the page-cache generation moves once. A rollback runs neither, so no reader
can cache a page, or find a search result, from a change that never happened.

Only a write readers can see moves the generation (`shows_publicly`): an article that is published
(public or scheduled) before or after the write, its rows, and existing names shown on public pages.
Drafts, autosaves, proposals and rejected suggestions leave every cached page in place, so open
editors do not retire the whole page cache every few seconds.

What stays inside the transaction is what must commit or roll back with the write itself:
fields derived on raw (fixture) saves and the legacy URL a slug change leaves behind.

A workflow transition (`article_transitioned`) emails whoever it concerns: the email is composed at once,
from the article as the transition left it, and sent after the commit.
"""
import threading
from functools import partial

from django.apps import apps
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete, pre_save
from django.utils import timezone

from . import search
from .editorial import legacy_urls, review_mail
from .models import (Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, DraftAutosave, Entity,
                     EntityMerge, Proposal, RejectedSuggestion, Series, UnsentEmail)
from .caching import generation
from .follows.models import Follow, FollowDelivery
from .signals import article_transitioned, articles_bulk_created


class PendingChanges:
    """What the current transaction's writes touched on one database: run once on commit.

    Every write registers a run; the first after the commit does all the work and the others find
    nothing left. A run rolled back with its transaction leaves its articles for the next commit
    on this connection, which reindexes them from their rows as they are then: no harm done.
    """

    # A class attribute so that tests inside a transaction that never commits (pytest-django's
    # `db`) can run the work at each write instead (tests/conftest.py).
    on_commit = staticmethod(transaction.on_commit)

    def __init__(self):
        self.local = threading.local()  # a connection, and so its transaction, belongs to one thread

    def by_database(self):
        if not hasattr(self.local, "by_database"):
            self.local.by_database = {}
        return self.local.by_database

    def note(self, using, article_ids=(), analyze=False, public=True):
        """`public`: whether readers can see this write, so the page-cache generation must move."""
        changes = self.by_database().setdefault(using, {"articles": set(), "analyze": False, "public": False})
        changes["articles"].update(article_id for article_id in article_ids if article_id is not None)
        changes["analyze"] = changes["analyze"] or analyze
        changes["public"] = changes["public"] or public
        self.on_commit(partial(self.run, using), using=using)

    def run(self, using):
        changes = self.by_database().pop(using, None)
        if changes is None:
            return
        conn = connections[using]
        if changes["articles"]:
            search.index_articles(changes["articles"], conn)
        if changes["analyze"]:
            # A bulk import changes the table sizes the query planner relies on: refresh its
            # statistics. Without any, SQLite fetches a results page by scanning the
            # (status, published_at) index rather than looking up its ten ids.
            with conn.cursor() as cursor:
                cursor.execute("ANALYZE")
        if changes["public"]:
            generation.bump_generation()


pending = PendingChanges()


def articles_naming(instance):
    """Ids of the articles whose search text holds this author's, entity's or series' name."""
    if isinstance(instance, Author):
        return ArticleAuthor.objects.filter(author=instance).values_list("article_id", flat=True)
    if isinstance(instance, Entity):
        return ArticleEntity.objects.filter(tag=instance).values_list("content_object_id", flat=True)
    if isinstance(instance, Series):
        return Article.objects.filter(series=instance).values_list("pk", flat=True)
    return ()


def articles_written(instance):
    """Ids of the articles whose search text this row is part of (none for other rows)."""
    if isinstance(instance, Article):
        return [instance.pk]
    if isinstance(instance, ArticleAuthor):
        return [instance.article_id]
    if isinstance(instance, ArticleEntity):
        return [instance.content_object_id]
    return ()


# Editors' working rows and records: never on a public page.
PRIVATE_MODELS = (DraftAutosave, EntityMerge, Follow, FollowDelivery, Proposal, RejectedSuggestion, UnsentEmail)
LISTED = Article.Status.PUBLISHED  # public now, or scheduled: its time is when cached pages expire


def listed_before(sender, instance, raw, using, **kwargs):
    """pre_save: whether the stored article was published (public or scheduled) before this save. The
    stored slug and status are kept on the instance for `legacy_urls.remember_old_url`: one query for both."""
    stored = None
    if instance.pk is not None:
        stored = Article.objects.using(using).filter(pk=instance.pk).values("slug", "status").first()
    instance._stored_before = stored
    instance._listed_before = stored is not None and stored["status"] == LISTED


def article_shows_publicly(article):
    """Whether saving this article changed what readers see: published (public or scheduled) after the
    save or before it (as `listed_before` found it; unknown counts as yes)."""
    return article.status == LISTED or getattr(article, "_listed_before", True)


def any_listed(article_ids, using):
    ids = [pk for pk in article_ids if pk is not None]
    return bool(ids) and Article.objects.using(using).filter(pk__in=ids, status=LISTED).exists()


def shows_publicly(instance, using, created=False):
    """Whether writing this row can change a public page, feed, count or the time a scheduled article
    appears. A new author, category, series or entity is on no public page until a published article
    links to it (and that link is a public write); an existing one may be."""
    if isinstance(instance, PRIVATE_MODELS):
        return False
    if isinstance(instance, Article):
        return article_shows_publicly(instance)
    if isinstance(instance, (Author, Category, Entity, Series)):
        return not created
    article_id = getattr(instance, "article_id", None) or getattr(instance, "content_object_id", None)
    if article_id is not None:  # a byline, category, entity link, related link or legacy URL
        return any_listed([article_id], using)
    return True  # anything else: assume readers see it


def content_saved(sender, instance, created, using, raw=False, **kwargs):
    # A renamed author, series or entity (or a new alias) changes the text of all its articles.
    renamed = () if created else articles_naming(instance)
    pending.note(using, [*articles_written(instance), *renamed],
                 public=raw or shows_publicly(instance, using, created))


def content_deleted(sender, instance, using, **kwargs):
    # A deleted article is judged by the row as loaded: its own row is gone (its links go first).
    public = instance.status == LISTED if isinstance(instance, Article) else shows_publicly(instance, using)
    pending.note(using, articles_written(instance), public=public)


def series_deleting(sender, instance, using, **kwargs):
    # Its articles lose the series by an UPDATE (SET_NULL), which sends no signal per article.
    pending.note(using, list(articles_naming(instance)))


def links_changed(sender, instance, action, pk_set, using, **kwargs):
    """`article.authors.add()`, `article.entities.set()`... write the links without post_save."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if isinstance(instance, Article):
        pending.note(using, [instance.pk], public=article_shows_publicly(instance))
    elif action == "pre_clear":  # rare: assume readers see it
        pending.note(using, list(articles_naming(instance)))
    else:  # from the other side: an author's or entity's `articles.add(...)`, pk_set holds articles
        pending.note(using, pk_set or (), public=any_listed(pk_set or (), using))


def bulk_written(sender, slugs_prefix=None, pks=None, using="default", **kwargs):
    """make_corpus and the importers write articles with bulk_create, merges names with QuerySet.update:
    neither sends post_save. Other rows than articles count as public unless editors' own."""
    if sender is not Article:
        pending.note(using, public=not issubclass(sender, PRIVATE_MODELS))
        return
    articles = Article.objects.using(using)
    if pks is not None:
        articles = articles.filter(pk__in=list(pks))
    elif slugs_prefix:
        articles = articles.filter(slug__startswith=slugs_prefix)
    pending.note(using, articles.values_list("pk", flat=True), analyze=True,
                 public=articles.filter(status=LISTED).exists())


def transition_taken(sender, article, transition, user, **kwargs):
    """Email whoever the transition concerns, once its transaction commits (a failed send is kept as an
    UnsentEmail for the review desk: review_mail.send_quietly)."""
    message = review_mail.compose(transition, article, user)
    if message is not None:
        transaction.on_commit(partial(review_mail.send_quietly, *message, article_pk=article.pk))


def derive_on_raw_save(sender, instance, raw, **kwargs):
    # Article.save() derives fields itself; loaddata skips save(), so sanitise here too.
    if raw:
        instance.derive_fields()
        # auto_now is skipped too: a hand-written fixture need not carry timestamps.
        if instance.updated_at is None:
            instance.updated_at = instance.created_at or timezone.now()


def drop_search_orphans(sender, using="default", **kwargs):
    # `flush` (and so every transactional test) empties the article tables, not the search
    # index, then sends post_migrate.
    if sender.name == "articles":
        conn = connections[using]
        if search.TABLE in conn.introspection.table_names():
            search.remove_orphans(conn)


def connect():
    """Called once from the app's ready(): any write to any content model counts."""
    for model in apps.get_app_config("articles").get_models():
        uid = f"articles-{model._meta.label_lower}"
        post_save.connect(content_saved, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(content_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
    for through in (ArticleAuthor, ArticleCategory, ArticleEntity):
        m2m_changed.connect(links_changed, sender=through, dispatch_uid=f"articles-{through._meta.label_lower}-m2m")
    pre_delete.connect(series_deleting, sender=Series, dispatch_uid="articles-series-deleting")
    articles_bulk_created.connect(bulk_written, dispatch_uid="articles-bulk-created")
    article_transitioned.connect(transition_taken, dispatch_uid="articles-transition-taken")
    pre_save.connect(listed_before, sender=Article, dispatch_uid="articles-listed-before")
    pre_save.connect(derive_on_raw_save, sender=Article, dispatch_uid="articles-derive-on-raw-save")
    pre_save.connect(legacy_urls.remember_old_url, sender=Article, dispatch_uid="articles-remember-old-url")
    post_migrate.connect(drop_search_orphans, dispatch_uid="articles-drop-search-orphans")
