from django.contrib import admin

from ..models import RejectedSuggestion


@admin.register(RejectedSuggestion)
class RejectedSuggestionAdmin(admin.ModelAdmin):
    list_display = ["name", "article", "rejected_by", "created_at"]
    search_fields = ["name", "article__title"]
    raw_id_fields = ["article"]
