from django.contrib import admin
from django.db import models

from ..images.originals import PictureFormField
from ..models import Author
from .checked_params import CheckedParamsMixin
from .counts import ArticleCountMixin


@admin.register(Author)
class AuthorAdmin(CheckedParamsMixin, ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "affiliation", "article_count"]
    search_fields = ["name", "affiliation"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["entity"]
    formfield_overrides = {models.ImageField: {"form_class": PictureFormField}}
