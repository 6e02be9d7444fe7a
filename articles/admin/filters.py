"""Changelist filters for articles."""
from django.contrib import admin
from django.db.models import Count
from django.utils import timezone

from ..editorial import workflow
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


class ReviewDeskFilter(admin.SimpleListFilter):
    """The review desk's states ("In review", "Scheduled": workflow.DESK_STATES), each with how many
    there are among the articles this user may open."""

    title = "review desk"
    parameter_name = "desk"

    def lookups(self, request, model_admin):
        now = timezone.now()
        counts = model_admin.get_queryset(request).order_by().aggregate(
            **{state.name: Count("pk", filter=state.q(now)) for state in workflow.DESK_STATES})
        return [(state.name, f"{state.label} ({counts[state.name]})") for state in workflow.DESK_STATES]

    def queryset(self, request, queryset):
        state = workflow.STATES.get(self.value())
        return queryset.filter(state.q()) if state in workflow.DESK_STATES else queryset


class PicturesWithoutAltFilter(admin.SimpleListFilter):
    """Articles with a lead picture or body pictures that have no alt text (Article.pictures_without_alt,
    derived on save): the list editors work through after an import."""

    title = "pictures without alt text"
    parameter_name = "no_alt"

    def lookups(self, request, model_admin):
        count = model_admin.get_queryset(request).filter(pictures_without_alt__gt=0).count()
        return [("yes", f"Pictures without alt text ({count})")]

    def queryset(self, request, queryset):
        return queryset.filter(pictures_without_alt__gt=0) if self.value() == "yes" else queryset
