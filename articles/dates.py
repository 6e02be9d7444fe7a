"""The one date rule for articles: published between 1900 and 2100, whatever the source.

Outside that span Python's date arithmetic overflows (year 1 minus a time zone offset is
year 0) and the archive pages, year facets and feeds that hold such a date fail; no real
article of the blog is dated there, so such a date is a broken export, not history.
"""
from django.core.exceptions import ValidationError

FIRST_YEAR, LAST_YEAR = 1900, 2100


def date_problem(value):
    """A one-line reason why `value` (a date or datetime) cannot be an article's date, or ""."""
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        return f"the year {value.year} is outside {FIRST_YEAR}–{LAST_YEAR}"
    return ""


def validate_publication_date(value):
    """Model-field validator: the admin form and full_clean() give the same message as the importers."""
    if problem := date_problem(value):
        raise ValidationError(f"Dates must fall between {FIRST_YEAR} and {LAST_YEAR}: {problem}.",
                              code="date_out_of_range")
