"""Admin pages that answer malformed query parameters with a 4xx or the admin's own error page, never a 500.

Django's admin trusts two kinds of parameter further than it should: a date_hierarchy year, month or
day too large for a date (``?published_at__year=99999999999999999999``: OverflowError), and the
value of an autocomplete field, given as an add form's initial value (``add/?series=abc``) or posted
with a form shown again with its errors: the widget looks the id up and fails. Both are checked here,
for the admins and inlines with a date drill-down or an autocomplete field.
"""
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import models

from archive.admin_site import LabelledChoiceField


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


class CheckedAutocompleteSelect(AutocompleteSelect):
    """The admin's autocomplete select, showing a value that can be no key as nothing chosen (the form
    field says "Select a valid choice")."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if v in (None, "") or is_valid_key(self.field, v)], attr)


class CheckedAutocompleteMixin:
    """For a ModelAdmin or an inline: its autocomplete fields use CheckedAutocompleteSelect, their chosen
    option labelled as the autocomplete labels it."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
            kwargs.setdefault("form_class", LabelledChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CheckedParamsMixin(CheckedAutocompleteMixin):
    """For a ModelAdmin: bad date-hierarchy numbers, and foreign-key values that can be no key, are refused
    or shown as nothing chosen."""

    def get_changelist(self, request, **kwargs):
        return CheckedDateChangeList

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for field in self.model._meta.get_fields():
            if isinstance(field, models.ForeignKey) and field.name in initial:
                if not is_valid_key(field, initial[field.name]):
                    del initial[field.name]
        return initial
