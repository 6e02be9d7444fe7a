from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Content"

    def ready(self):
        from django.db.models.signals import pre_save

        from . import signals  # noqa: F401
        from .editorial import workflow
        from .pages import cache as caching
        from .search import upkeep  # noqa: F401

        caching.connect_signals()
        pre_save.connect(workflow.remember_old_url, sender="articles.Article", dispatch_uid="remember_old_url")
