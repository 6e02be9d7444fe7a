"""What `send_digests` sends: new public articles to the addresses that follow what they are about.

Two steps per batch of addresses, each safe to repeat and to crash:
1. claim: in one transaction, decide what each address gets (the follows that are due, the articles
   published since each follow's `sent_through`), write a CLAIMED FollowDelivery row per (address,
   article) that has none, and move the follows' watermarks;
2. send: take the batch's CLAIMED rows (only rows still CLAIMED, so two runs never take the same one),
   send one message per address, and mark its rows SENT, or CLAIMED again if the server refused it.
A rerun after a crash claims nothing new and sends what is still CLAIMED; a row left SENDING by a
killed process may have gone out and is never retried (counted as `interrupted`). Queries per batch
are a constant number, whatever its size.
"""
import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Min
from django.utils import timezone

from ..models import Article, ArticleAuthor, ArticleCategory, ArticleEntity
from . import mail
from .models import Follow, FollowDelivery

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
MAX_ATTEMPTS = 3  # a message the server refuses is tried at this many runs, then given up (FAILED)
State = FollowDelivery.State


@dataclass
class Summary:
    claimed: int = 0
    messages: int = 0
    articles: int = 0
    failed: int = 0
    withdrawn: int = 0
    interrupted: int = 0
    errors: list = field(default_factory=list)

    def line(self):
        return (f"{self.messages} message(s) sent with {self.articles} article(s); {self.claimed} newly due; "
                f"{self.failed} refused by the mail server (retried next run); {self.withdrawn} no longer public; "
                f"{self.interrupted} left by an interrupted run (not retried)")


class ArticleIndex:
    """The public articles published since the oldest due watermark, by what they are about."""

    def __init__(self, since, now):
        articles = Article.objects.published().filter(published_at__gt=since, published_at__lte=now)
        self.articles = {article.pk: article for article in articles.only("pk", "published_at", "series_id")}
        self.by_target = defaultdict(list)
        ids = list(self.articles)
        for article in self.articles.values():
            if article.series_id:
                self.by_target["series", article.series_id].append(article)
        for model, key, column, target in ((ArticleAuthor, "article_id", "author_id", "author"),
                                           (ArticleCategory, "article_id", "category_id", "category"),
                                           (ArticleEntity, "content_object_id", "tag_id", "entity")):
            for article_id, target_id in model.objects.filter(**{f"{key}__in": ids}).values_list(key, column):
                self.by_target[target, target_id].append(self.articles[article_id])

    def for_follow(self, follow):
        return [article for article in self.by_target.get(follow.target_key, ()) if article.published_at > follow.sent_through]


def claim(subscriber_ids, index, now):
    """Step 1 for a batch of addresses; returns how many rows it claimed."""
    with transaction.atomic():
        follows = list(Follow.objects.active().with_targets().filter(subscriber_id__in=subscriber_ids)
                       .order_by("subscriber_id", "-frequency", "pk"))  # immediate first: its name is the reason
        wanted, moved = {}, []
        for follow in follows:
            if not follow.is_due(now):
                continue
            for article in index.for_follow(follow):
                wanted.setdefault((follow.subscriber_id, article.pk), follow.target.name)
            follow.sent_through = now
            if follow.frequency == Follow.Frequency.WEEKLY:
                follow.last_digest_at = now
            moved.append(follow)
        existing = set(FollowDelivery.objects.filter(
            subscriber_id__in=subscriber_ids, article_id__in={article_id for _, article_id in wanted},
        ).values_list("subscriber_id", "article_id")) if wanted else set()
        rows = [FollowDelivery(subscriber_id=subscriber_id, article_id=article_id, reason=reason[:300], claimed_at=now)
                for (subscriber_id, article_id), reason in wanted.items() if (subscriber_id, article_id) not in existing]
        FollowDelivery.objects.bulk_create(rows, ignore_conflicts=True)  # a concurrent run's rows stand
        Follow.objects.bulk_update(moved, ["sent_through", "last_digest_at"], batch_size=BATCH_SIZE)
    return len(rows)


def digest_message(subscriber, deliveries):
    articles = [delivery.article for delivery in deliveries]
    subject = (f"new article: {articles[0].title}" if len(articles) == 1
               else f"{len(articles)} new articles you follow")
    return mail.message(subscriber, "follow_digest", subject, deliveries=deliveries)


def send(subscriber_ids, run, now, summary, connection):
    """Step 2 for a batch of addresses."""
    with transaction.atomic():
        FollowDelivery.objects.filter(subscriber_id__in=subscriber_ids, state=State.CLAIMED).update(
            state=State.SENDING, run=run, attempts=F("attempts") + 1)
    rows = list(FollowDelivery.objects.filter(run=run, state=State.SENDING, subscriber_id__in=subscriber_ids)
                .select_related("subscriber", "article", "article__series")
                .prefetch_related("article__authors").order_by("subscriber_id", "article__published_at", "pk"))
    public = set(Article.objects.published().filter(pk__in={row.article_id for row in rows}).values_list("pk", flat=True))
    by_address = defaultdict(list)
    withdrawn = []
    for row in rows:
        (by_address[row.subscriber_id] if row.article_id in public else withdrawn).append(row.pk)
    rows_by_pk = {row.pk: row for row in rows}
    sent, refused, in_flight = [], [], None
    try:
        for row_pks in by_address.values():
            deliveries = [rows_by_pk[pk] for pk in row_pks]
            in_flight = row_pks
            try:
                connection.send_messages([digest_message(deliveries[0].subscriber, deliveries)])
            except Exception as error:  # refused: known unsent, so safe to try again next run
                logger.warning("Digest to subscriber %s refused: %s", deliveries[0].subscriber_id, error)
                summary.errors.append(str(error))
                refused += row_pks
            else:
                sent += row_pks
                summary.messages += 1
                summary.articles += len(row_pks)
            in_flight = None
    finally:
        # Even when interrupted: record what went out, and put back what was never tried.
        tried = set(sent) | set(refused) | set(in_flight or ())
        untried = [row.pk for row in rows if row.pk not in tried and row.pk not in withdrawn]
        FollowDelivery.objects.filter(pk__in=sent).update(state=State.SENT, sent_at=now)
        FollowDelivery.objects.filter(pk__in=withdrawn).update(state=State.WITHDRAWN)
        FollowDelivery.objects.filter(pk__in=refused, attempts__lt=MAX_ATTEMPTS).update(state=State.CLAIMED)
        FollowDelivery.objects.filter(pk__in=refused, attempts__gte=MAX_ATTEMPTS).update(state=State.FAILED)
        FollowDelivery.objects.filter(pk__in=untried).update(state=State.CLAIMED)
        summary.failed += len(refused)
        summary.withdrawn += len(withdrawn)


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := tuple(islice(iterator, size)):
        yield batch


def send_digests(progress=None, dry_run=False, batch_size=BATCH_SIZE):
    """Claim and send everything due now; returns a Summary. `progress(n)` is told of each batch."""
    now = timezone.now()
    run = uuid.uuid4().hex
    summary = Summary()
    due = Follow.objects.active()
    oldest = due.aggregate(oldest=Min("sent_through"))["oldest"]
    if oldest is not None:
        index = ArticleIndex(oldest, now)
        for batch in batched(due.order_by("subscriber_id").values_list("subscriber_id", flat=True).distinct(), batch_size):
            if dry_run:
                with transaction.atomic():
                    summary.claimed += claim(batch, index, now)
                    transaction.set_rollback(True)
            else:
                summary.claimed += claim(batch, index, now)
    summary.interrupted = FollowDelivery.objects.filter(state=State.SENDING).count()
    if dry_run:
        return summary
    waiting = list(FollowDelivery.objects.filter(state=State.CLAIMED).order_by("subscriber_id")
                   .values_list("subscriber_id", flat=True).distinct())
    if progress:
        progress(total=len(waiting))
    connection = get_connection()
    with connection:
        for batch in batched(waiting, batch_size):
            send(batch, run, now, summary, connection)
            if progress:
                progress(advance=len(batch))
    return summary
