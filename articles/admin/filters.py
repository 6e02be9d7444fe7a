"""Changelist filters for articles."""
from django.contrib import admin
from django.db.models import Count, Q
from django.utils import timezone

from ..models import Article, EntityKind


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
    """"In review" and "Scheduled", each with how many there are (among the articles this user may open)."""

    title = "review desk"
    parameter_name = "desk"

    def lookups(self, request, model_admin):
        counts = model_admin.get_queryset(request).order_by().aggregate(
            review=Count("pk", filter=Q(status=Article.Status.REVIEW)),
            scheduled=Count("pk", filter=Q(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())))
        return [("review", f"In review ({counts['review']})"), ("scheduled", f"Scheduled ({counts['scheduled']})")]

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.in_review()
        if self.value() == "scheduled":
            return queryset.scheduled()
        return queryset
