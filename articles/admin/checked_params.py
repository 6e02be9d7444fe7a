"""Admin pages that answer malformed query parameters with a 4xx or the admin's own error page, never a 500.

Django's admin trusts two kinds of parameter further than it should: a date_hierarchy year, month or
day too large for a date (``?published_at__year=99999999999999999999``: OverflowError), and the
initial value of a foreign key on an add form (``add/?series=abc``: the autocomplete widget looks
the id up and fails). Both are checked here, for the admins with a date drill-down or a foreign key.
"""
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import models


class CheckedDateChangeList(ChangeList):
    """A changelist whose date drill-down with a number no date can hold is refused like any bad filter
    (the admin's ``?e=1`` page), not a 500."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error


def is_valid_key(field, value):
    """Whether `value` could be a key of the row `field` points at (a number in the column's range...)."""
    try:
        field.target_field.clean(value, None)
    except (ValidationError, TypeError):
        return False
    return True


class CheckedParamsMixin:
    """For a ModelAdmin: bad date-hierarchy numbers and bad foreign-key initial values are ignored or refused."""

    def get_changelist(self, request, **kwargs):
        return CheckedDateChangeList

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for field in self.model._meta.get_fields():
            if isinstance(field, models.ForeignKey) and field.name in initial:
                if not is_valid_key(field, initial[field.name]):
                    del initial[field.name]
        return initial
