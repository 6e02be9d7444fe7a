"""Changelist filters for articles."""
from django.contrib import admin

from ..models import EntityKind


class EntityKindFilter(admin.SimpleListFilter):
    title = "entity kind"
    parameter_name = "entity_kind"

    def lookups(self, request, model_admin):
        return EntityKind.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(entity_links__tag__kind=self.value()).distinct()
        return queryset
