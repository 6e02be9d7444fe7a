from django.contrib import admin

from .models import Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "status", "created_at", "confirmed_at", "source_page"]
    list_filter = ["status", "created_at"]
    search_fields = ["email", "name"]
    date_hierarchy = "created_at"
    readonly_fields = ["token", "created_at", "confirmed_at", "unsubscribed_at", "ip_address"]
