from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ArchiveConfig(AppConfig):
    default = True  # what "archive" in INSTALLED_APPS means; ArchiveAdminConfig is named there by its path
    name = "archive"
    verbose_name = "Site"


class ArchiveAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with ArchiveAdminSite as `admin.site` (Django's documented way to replace it)."""

    default = False
    default_site = "archive.admin_site.ArchiveAdminSite"
