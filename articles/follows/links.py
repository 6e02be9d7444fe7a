"""Signed links to an address's follows: confirm (a week), manage and unsubscribe (no expiry, no login)."""
import hashlib

from django.core import signing
from django.urls import reverse

from archive.mailing_list import BadLink
from archive.models import Subscriber
from archive.public_origin import absolute

CONFIRM_SALT = "articles.follows.confirm"
MANAGE_SALT = "articles.follows.manage"
UNSUBSCRIBE_SALT = "articles.follows.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def address_key(subscriber):
    """The row and a digest of its address: a link never reaches another address, even if a row id is reused.
    Not the mailing list's token, which an unsubscribe from the list renews (follow links must outlive it)."""
    digest = hashlib.sha256(subscriber.email.lower().encode()).hexdigest()[:16]
    return f"{subscriber.pk}.{digest}"


def confirm_url(subscriber):
    return absolute(reverse("follows:confirm", kwargs={"token": signing.dumps(address_key(subscriber), salt=CONFIRM_SALT)}))


def manage_url(subscriber):
    token = signing.Signer(salt=MANAGE_SALT).sign(address_key(subscriber))
    return absolute(reverse("follows:manage", kwargs={"token": token}))


def unsubscribe_url(subscriber):
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign(address_key(subscriber))
    return absolute(reverse("follows:unsubscribe", kwargs={"token": token}))


def subscriber_for(token, salt, max_age=None):
    """The address a link names, or BadLink (tampered, expired, or no such address any more)."""
    try:
        key = (signing.Signer(salt=salt).unsign(token) if max_age is None
               else signing.loads(token, salt=salt, max_age=max_age))
    except signing.SignatureExpired as error:
        raise BadLink(expired=True) from error
    except signing.BadSignature as error:
        raise BadLink() from error
    pk, _, _digest = str(key).partition(".")
    subscriber = Subscriber.objects.filter(pk=pk).first() if pk.isdigit() else None
    if subscriber is None or address_key(subscriber) != key:
        raise BadLink()
    return subscriber
