"""Template filters for the Peninsula's page conventions."""
from django import template

register = template.Library()


@register.filter
def join_names(items):
    """“A”, “A and B”, “A, B and C”: how the publisher writes a byline."""
    names = [str(item) for item in items]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
