"""A follow (one address, one entity/author/category/series) and the per-address send log."""
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

from archive.models import Subscriber

# The URL word for each target and the Follow field that holds it.
TARGET_FIELDS = {"tag": "entity", "author": "author", "category": "category", "series": "series"}
WEEK = timedelta(days=7)


class FollowQuerySet(models.QuerySet):
    def active(self):
        """Follows that get email: not paused, from an address confirmed once."""
        return self.filter(paused=False, subscriber__confirmed_at__isnull=False)

    def with_targets(self):
        return self.select_related(*TARGET_FIELDS.values())


class Follow(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", "Immediately"
        WEEKLY = "weekly", "Weekly"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="follows")
    entity = models.ForeignKey("articles.Entity", null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    author = models.ForeignKey("articles.Author", null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    category = models.ForeignKey("articles.Category", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="follows")
    series = models.ForeignKey("articles.Series", null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    paused = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Articles published after this are new to the follow; send_digests moves it to the run's time.
    sent_through = models.DateTimeField(default=timezone.now)
    last_digest_at = models.DateTimeField(null=True, blank=True, help_text="The last weekly digest's run.")

    objects = FollowQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="follow_has_one_target",
                condition=Q(*(Q(**{f"{other}__isnull": other != field for other in TARGET_FIELDS.values()})
                              for field in TARGET_FIELDS.values()), _connector=Q.OR)),
            *(models.UniqueConstraint(fields=["subscriber", field], name=f"follow_once_per_{field}")
              for field in TARGET_FIELDS.values()),
        ]

    def __str__(self):
        return f"{self.subscriber} follows {self.target.name}"

    @property
    def target(self):
        return next(getattr(self, field) for field in TARGET_FIELDS.values() if getattr(self, f"{field}_id"))

    @property
    def target_key(self):
        """(field, id): how digests.py indexes articles by what they are about."""
        return next((field, getattr(self, f"{field}_id")) for field in TARGET_FIELDS.values()
                    if getattr(self, f"{field}_id"))

    def is_due(self, now):
        """Immediate follows at every run; weekly ones a week after the last digest (or the follow)."""
        if self.frequency == self.Frequency.IMMEDIATE:
            return True
        return now >= (self.last_digest_at or self.created_at) + WEEK


class FollowDelivery(models.Model):
    """One article for one address: the send log that makes send_digests safe to repeat and to crash.

    CLAIMED rows are written with the decision (the follows' watermarks) in one transaction; a run
    moves them to SENDING (only rows still CLAIMED, so two runs never take the same row), sends, then
    marks them SENT, or CLAIMED again when the mail server refused. A row left SENDING by a killed
    process may have gone out: it is never retried (at most once), and the summary counts it.
    """

    class State(models.TextChoices):
        CLAIMED = "claimed", "Claimed (to send)"
        SENDING = "sending", "Sending (interrupted if it stays)"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed (gave up)"
        WITHDRAWN = "withdrawn", "Not sent (no longer public)"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="follow_deliveries")
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="follow_deliveries")
    reason = models.CharField(max_length=300, help_text="The followed name that brought the article.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.CLAIMED)
    run = models.CharField(max_length=32, blank=True, help_text="The run that took the row to send it.")
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "article"], name="deliver_article_once")]
        indexes = [models.Index(fields=["state", "subscriber"], name="delivery_state_subscriber")]

    def __str__(self):
        return f"{self.article_id} to {self.subscriber_id}: {self.state}"
