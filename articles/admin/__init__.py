"""The editors' admin, one module per admin; importing the package registers them all."""
from django.contrib import admin

from . import (  # noqa: F401 (each module registers its admin)
    article, author, category, entity, entity_redirect, follows, proposal, rejected_suggestion, series,
)

admin.site.site_header = "The Peninsula"
admin.site.site_title = "The Peninsula — editors"
admin.site.index_title = "The editor's desk"
