"""Follows and their send log, for support questions ("why did I get this?"); readers change follows
themselves through their signed manage link, so the admin only reads the send log."""
from django.contrib import admin

from ..follows.models import Follow, FollowDelivery


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ("subscriber", "entity", "author", "category", "series", "frequency", "paused", "created_at")
    list_filter = ("frequency", "paused")
    search_fields = ("subscriber__email", "entity__name", "author__name", "category__name", "series__name")
    autocomplete_fields = ("entity", "author", "category", "series")
    raw_id_fields = ("subscriber",)
    readonly_fields = ("created_at", "sent_through", "last_digest_at")
    date_hierarchy = "created_at"


@admin.register(FollowDelivery)
class FollowDeliveryAdmin(admin.ModelAdmin):
    list_display = ("subscriber", "article", "reason", "state", "attempts", "claimed_at", "sent_at")
    list_filter = ("state",)
    search_fields = ("subscriber__email", "article__title")
    list_select_related = ("subscriber", "article")
    date_hierarchy = "claimed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
