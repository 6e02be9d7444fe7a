"""One follow-by-email message: text and HTML parts, and RFC 8058 one-click List-Unsubscribe."""
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from archive.public_origin import absolute

from . import links


def list_unsubscribe(unsubscribe_url):
    values = [f"<{unsubscribe_url}>"]
    if settings.LIST_UNSUBSCRIBE_MAILTO:
        values.append(f"<mailto:{settings.LIST_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    return ", ".join(values)


def message(subscriber, template, subject, **context):
    """`templates/articles/email/<template>.txt` and `.html` as one message to `subscriber`."""
    unsubscribe_url = links.unsubscribe_url(subscriber)
    context.update(subscriber=subscriber, site_name=settings.SITE_NAME, site_url=absolute("/"),
                   manage_url=links.manage_url(subscriber), unsubscribe_url=unsubscribe_url)
    email = EmailMultiAlternatives(
        subject=f"{settings.SITE_NAME}: {subject}",
        body=render_to_string(f"articles/email/{template}.txt", context),
        to=[subscriber.email],
        headers={"List-Unsubscribe": list_unsubscribe(unsubscribe_url),
                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    email.attach_alternative(render_to_string(f"articles/email/{template}.html", context), "text/html")
    return email
