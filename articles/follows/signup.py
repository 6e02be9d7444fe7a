"""A reader's follow request and the address's double opt-in, on the mailing list's Subscriber rows.

An address is proven once (`Subscriber.confirmed_at`, also set by confirming the mailing list): its
later follows are active at once, each with a short notice carrying the manage link, so the owner
sees any follow someone else made for them. Addresses that only follow are `Status.FOLLOWER`,
never on the mailing list.
"""
import logging
import smtplib

from django.db import IntegrityError, transaction
from django.utils import timezone

from archive.mailing_list import SendFailed
from archive.models import Subscriber
from archive.rate_limits import RateLimit

from . import links, mail
from .models import TARGET_FIELDS, Follow

logger = logging.getLogger(__name__)

# Emails to one address, and follow posts from one IP, per hour (as the mailing list's sign-up).
ADDRESS_LIMIT = RateLimit("follow-address", limit=3, window=3600)
IP_LIMIT = RateLimit("follow-ip", limit=20, window=3600)


def address(email):
    """The Subscriber row for `email`, made (as a follower only) if there is none."""
    subscriber = Subscriber.objects.with_email(email).first()
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email, status=Subscriber.Status.FOLLOWER)
        except IntegrityError:  # the same address posted twice at once
            subscriber = Subscriber.objects.with_email(email).get()
    return subscriber


def send(email_message):
    try:
        email_message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.exception("Could not send a follow email to subscriber address %s", email_message.to)
        raise SendFailed from error


def request_follow(email, kind, target, frequency=Follow.Frequency.IMMEDIATE):
    """Record a follow and send the email it calls for; the caller answers the same whatever happens.

    An existing follow keeps its frequency and pause: only its owner changes them (the manage page)."""
    subscriber = address(email)
    try:
        with transaction.atomic():
            follow, _ = Follow.objects.get_or_create(subscriber=subscriber, **{TARGET_FIELDS[kind]: target},
                                                     defaults={"frequency": frequency})
    except IntegrityError:  # a double click
        follow = Follow.objects.get(subscriber=subscriber, **{TARGET_FIELDS[kind]: target})
    if ADDRESS_LIMIT.exceeded(subscriber.email):
        logger.info("Follow for subscriber %s over the per-address limit; no email sent", subscriber.pk)
        return follow
    if subscriber.confirmed_at:
        send(mail.message(subscriber, "follow_notice", f"you follow {target.name}", follow=follow))
    else:
        pending = list(subscriber.follows.with_targets())
        send(mail.message(subscriber, "follow_confirm", "please confirm your address", follows=pending,
                          confirm_url=links.confirm_url(subscriber)))
    ADDRESS_LIMIT.hit(subscriber.email)  # counted once sent: an outage never locks a reader out
    return follow


def confirm(subscriber):
    """Prove the address: its follows start now (articles from before the confirmation are not sent)."""
    if subscriber.confirmed_at is None:
        now = timezone.now()
        with transaction.atomic():
            Subscriber.objects.filter(pk=subscriber.pk).update(confirmed_at=now)
            subscriber.follows.update(sent_through=now)
        subscriber.confirmed_at = now
    return subscriber
