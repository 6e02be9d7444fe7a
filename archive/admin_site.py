"""The admin site: Django's, with autocomplete answers that say which of several same-named rows is which."""
from django import forms
from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView


def label(obj):
    """What an editor picking `obj` among others reads: its `label` ("Georgia (place)") where it has one."""
    return getattr(obj, "label", str(obj))


class LabelledChoiceField(forms.ModelChoiceField):
    """A choice of row (a select, an autocomplete's chosen option, radio buttons) shown by its label()."""

    def label_from_instance(self, obj):
        return label(obj)


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """Autocomplete results labelled by the row's `label` where it has one ("Georgia (place)")."""

    def serialize_result(self, obj, to_field_name):
        return {**super().serialize_result(obj, to_field_name), "text": label(obj)}


class ArchiveAdminSite(admin.AdminSite):
    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)

