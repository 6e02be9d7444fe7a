from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Content"

    def ready(self):
        from . import caching, signals  # noqa: F401

        caching.connect_signals()
