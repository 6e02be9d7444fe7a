from django.contrib import admin

from ..models import EntityRedirect


@admin.register(EntityRedirect)
class EntityRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "entity", "created_at"]
    search_fields = ["old_slug", "entity__name"]
    autocomplete_fields = ["entity"]
