from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Content"

    def ready(self):
        from . import signals  # noqa: F401
        from .search import upkeep  # noqa: F401
