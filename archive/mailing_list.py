"""The mailing list's double opt-in: signed links, the emails, and what a sign-up does."""
import logging
import smtplib

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Subscriber
from .rate_limits import RateLimit

logger = logging.getLogger(__name__)

CONFIRM_SALT = "archive.mailing_list.confirm"
UNSUBSCRIBE_SALT = "archive.mailing_list.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # a confirmation link works for a week

# Emails to one address, and sign-up posts from one IP, per hour.
ADDRESS_LIMIT = RateLimit("subscribe-address", limit=3, window=3600)
IP_LIMIT = RateLimit("subscribe-ip", limit=20, window=3600)


class SendFailed(Exception):
    """The mail server did not take the message; the reader should try again later."""


class BadLink(Exception):
    """A confirmation or unsubscribe link that is tampered with, expired or no longer matches a row."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def confirm_url(subscriber):
    token = signing.dumps(subscriber.token, salt=CONFIRM_SALT)
    return absolute(reverse("subscribe_confirm", kwargs={"token": token}))


def unsubscribe_url(subscriber):
    # No timestamp, no expiry: one stable link per subscriber that works in a years-old email.
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscriber.token)
    return absolute(reverse("unsubscribe", kwargs={"token": token}))


def subscriber_for(token, salt, max_age=None):
    """The subscriber a link names. Links with a max_age are timestamped (confirm); others are not."""
    try:
        if max_age is None:
            secret = signing.Signer(salt=salt).unsign(token)
        else:
            secret = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadLink(expired=True) from error
    except signing.BadSignature as error:
        raise BadLink() from error
    subscriber = Subscriber.objects.filter(token=secret).first()
    if subscriber is None:
        raise BadLink()
    return subscriber


def send(subscriber, template, subject):
    """Send one email to `subscriber`; every email carries a one-click unsubscribe (RFC 8058)."""
    context = {"subscriber": subscriber, "site_name": settings.SITE_NAME, "index_url": absolute(reverse("articles:index")),
               "confirm_url": confirm_url(subscriber), "unsubscribe_url": unsubscribe_url(subscriber)}
    message = EmailMessage(
        subject=f"{settings.SITE_NAME}: {subject}",
        body=render_to_string(f"archive/email/{template}.txt", context),
        to=[subscriber.email],
        headers={"List-Unsubscribe": f"<{context['unsubscribe_url']}>",
                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.exception("Could not send %r email to subscriber %s", template, subscriber.pk)
        raise SendFailed from error


def request_subscription(email, name="", source_page="", ip_address=None):
    """Record a sign-up and send the email its state calls for.

    The caller answers the same way whatever happens here (new, pending, active, unsubscribed,
    or over the per-address limit), so the response never tells who is on the list.
    """
    subscriber = Subscriber.objects.with_email(email).first()
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email, name=name, source_page=source_page,
                                                       ip_address=ip_address)
        except IntegrityError:  # a second request for the same address (a double click) created it meanwhile
            subscriber = Subscriber.objects.with_email(email).get()
    if subscriber.status in (Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.FOLLOWER):
        subscriber.status = Subscriber.Status.PENDING
        subscriber.save(update_fields=["status"])
    if ADDRESS_LIMIT.exceeded(subscriber.email):
        logger.info("Sign-up for subscriber %s over the per-address limit; no email sent", subscriber.pk)
        return subscriber
    if subscriber.status == Subscriber.Status.ACTIVE:
        send(subscriber, "already_subscribed", "you are already subscribed")
    else:
        send(subscriber, "confirm", "please confirm your subscription")
    # Counted only once sent, so a mail-server outage never locks a reader out of retrying.
    ADDRESS_LIMIT.hit(subscriber.email)
    return subscriber


def subscriber_to_confirm(token):
    """The subscriber a confirmation link names, if the link may still confirm it."""
    subscriber = subscriber_for(token, CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        raise BadLink()  # an old link must not undo an unsubscribe
    return subscriber


def confirm(token):
    """Activate the subscriber a confirmation link names; returns it."""
    subscriber = subscriber_to_confirm(token)
    if subscriber.status == Subscriber.Status.PENDING:
        subscriber.activate()
        try:
            send(subscriber, "welcome", "welcome to the mailing list")
        except SendFailed:
            pass  # the subscription stands; the welcome note is a courtesy
    return subscriber


def unsubscribe(token):
    subscriber = subscriber_for(token, UNSUBSCRIBE_SALT)
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.unsubscribe()
    return subscriber
