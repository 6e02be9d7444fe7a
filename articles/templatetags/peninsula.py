"""Template filters for the Peninsula's page conventions."""
from django import template
from django.utils import timezone

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
