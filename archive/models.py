"""The mailing list."""
import secrets
import unicodedata

from django.core.exceptions import ValidationError

from django.db import models
from django.utils import timezone


def new_token():
    return secrets.token_urlsafe(24)


# Control (Cc: newlines, tabs), format (Cf: bidi overrides, zero-width) and line/paragraph separators.
HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


def validate_plain_name(value):
    """A name as people write it: no newline or other control character (it could forge lines of an email)."""
    if any(unicodedata.category(char) in HIDDEN_CATEGORIES for char in value or ""):
        raise ValidationError("Enter a name without line breaks or control characters.", code="control_characters")


def normalize_email(value):
    """One address, one spelling: surrounding spaces dropped, the domain lower-cased."""
    local, at, domain = (value or "").strip().rpartition("@")
    return f"{local}@{domain.lower()}" if at else (value or "").strip()


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Subscriber.Status.ACTIVE)

    def with_email(self, email):
        """The row for `email`, whatever the case of its local part (one person, one row)."""
        return self.filter(email__iexact=normalize_email(email))


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending confirmation"
        ACTIVE = "active", "Active"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        # An address that follows entities, authors... by email but never asked for the mailing list.
        FOLLOWER = "follower", "Not on the list (follows only)"

    email = models.EmailField(max_length=254, unique=True, help_text="Normalised: trimmed, domain lower-cased.")
    name = models.CharField(max_length=200, blank=True, validators=[validate_plain_name])
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False,
                             help_text="Random per-subscriber secret; links sign it.")
    source_page = models.CharField(max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    def activate(self):
        self.status = self.Status.ACTIVE
        self.confirmed_at = timezone.now()
        self.unsubscribed_at = None
        self.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])

    def unsubscribe(self):
        """Unsubscribe, with a new secret: links in earlier emails (a confirmation link above all) stop
        working, so signing the address up again cannot be completed with an old link."""
        self.status = self.Status.UNSUBSCRIBED
        self.unsubscribed_at = timezone.now()
        self.token = new_token()
        self.save(update_fields=["status", "unsubscribed_at", "token"])
