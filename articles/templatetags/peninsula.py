"""Template filters for the Peninsula's page conventions."""
from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from articles.anchors import with_notes
from articles.images import body_for_page

register = template.Library()


@register.filter
def join_names(items):
    """“A”, “A and B”, “A, B and C”: how the publisher writes a byline."""
    names = [str(item) for item in items]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


@register.filter
def iso_datetime(value):
    """A <time datetime> value in the site's time zone, to the second: HTML allows no more than
    three fractional digits, and admin-saved datetimes carry six."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.simple_tag
def article_body(article):
    """The article's sanitised body with its pictures sized for the page: srcset from the renditions of
    stored ones, lazy loading for all but the page's first picture (the lead picture, when there is one);
    its footnotes, if any, in a "Notes" section."""
    return mark_safe(with_notes(body_for_page(article.body, pictures_before=1 if article.lead_picture else 0)))
