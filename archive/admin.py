import csv
import re

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone

from .models import Subscriber

# Spreadsheet programs run cells that start with these as formulas (CSV injection). A program that
# splits on ";" (the separator in many locales) starts a new cell after each one, so every part counts.
FORMULA_START = re.compile(r"(^|;)(\s*)(?=[=+\-@\t\r])")


def csv_cell(value):
    """`value` as text, with a quote before each part that a spreadsheet would read as a formula."""
    return FORMULA_START.sub(r"\1\2'", "" if value is None else str(value))


@admin.action(description="Export the active ones among the selected subscribers as CSV")
def export_active_as_csv(modeladmin, request, queryset):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="subscribers-{timezone.localdate():%Y-%m-%d}.csv"')
    writer = csv.writer(response, quoting=csv.QUOTE_ALL)
    writer.writerow(["email", "name", "confirmed_at", "source_page"])
    for subscriber in queryset.active().order_by("email"):
        writer.writerow([csv_cell(subscriber.email), csv_cell(subscriber.name),
                         subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                         csv_cell(subscriber.source_page)])
    return response


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "status", "created_at", "confirmed_at", "unsubscribed_at", "source_page"]
    list_filter = ["status", "created_at", "confirmed_at"]
    search_fields = ["email", "name", "source_page"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "confirmed_at", "unsubscribed_at", "ip_address"]
    actions = [export_active_as_csv]
