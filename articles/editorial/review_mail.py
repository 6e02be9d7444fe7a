"""Emails from the review desk: editors hear of each submission, the author of a return or a publication.

Composed when the workflow announces a transition (the `article_transitioned` signal), sent by its
receiver in articles/receivers.py after the commit (nothing goes out for a save that rolls back),
through Django's configured email backend (the console by default; EMAIL_* settings for SMTP). A mail
server that fails does not undo the save: it is logged, and the article keeps a note of the email that was not
sent (``UnsentEmail``), which the review desk shows beside its state until a later email goes out.
Subjects are one line: a CR or LF in a title would make Django refuse the header (BadHeaderError).
"""
import logging

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from archive.public_origin import absolute

from . import workflow
from ..models import UnsentEmail

logger = logging.getLogger(__name__)
SUBJECTS = {"submit": "For review: {title}", "return": "Returned to you: {title}",
            "publish": "Published: {title}", "schedule": "Scheduled: {title}"}


def editor_emails(exclude=None):
    """Addresses of every active editor and administrator (who may publish), but `exclude`."""
    users = (get_user_model().objects.filter(is_active=True).exclude(email="")
             .filter(Q(is_superuser=True) | Q(groups__permissions__codename="publish_article")
                     | Q(user_permissions__codename="publish_article")).distinct())
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return sorted(users.values_list("email", flat=True))


def recipients(step, article, user):
    if step == "submit":
        return editor_emails(exclude=user)
    author = article.created_by
    if author is None or not author.email or author.pk == user.pk:
        return []  # nobody to tell, or they did it themselves
    return [author.email]


def compose(step, article, user):
    """The email about transition `step` that `user` just made, as (subject, body, recipients), or None
    when the step concerns nobody. Links are on the public origin (SITE_URL), as every emailed link."""
    to = recipients(step, article, user) if step in SUBJECTS else []
    if not to:
        return None
    context = {"article": article, "user": user, "state": workflow.state_label(article),
               "url": absolute(reverse("admin:articles_article_change", args=[article.pk])),
               "public_url": absolute(article.get_absolute_url())}
    body = render_to_string(f"admin/articles/article/email/{step}.txt", context)
    subject = " ".join(SUBJECTS[step].format(title=article.title).split())
    return subject, body, to


def send_quietly(subject, body, to, article_pk=None):
    """Send; on failure, log it and keep an UnsentEmail for the desk (a later email sent clears it)."""
    try:
        send_mail(subject, body, None, to)
    except Exception:  # noqa: BLE001 (any transport error: the article is saved, say so in the log and on the desk)
        logger.exception("review desk: could not email %s about %r", ", ".join(to), subject)
        if article_pk is not None:
            UnsentEmail.objects.update_or_create(article_id=article_pk, defaults={
                "subject": subject[:300], "recipients": len(to), "failed_at": timezone.now()})
    else:
        UnsentEmail.objects.filter(article_id=article_pk).delete()
