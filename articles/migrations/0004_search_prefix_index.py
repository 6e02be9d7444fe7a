"""SQLite only: an fts5vocab table listing the search index's terms, so the last word typed can
be looked up once and searched as a plain word when no longer indexed word starts with it
(see articles/search/backends/sqlite/backend.py: resolved). PostgreSQL needs nothing."""
from django.db import migrations


def create_terms(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from articles.search import get_search_backend

        with schema_editor.connection.cursor() as cursor:
            get_search_backend(schema_editor.connection).create_terms(cursor)


def drop_terms(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from articles.search import get_search_backend

        with schema_editor.connection.cursor() as cursor:
            get_search_backend(schema_editor.connection).drop_terms(cursor)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0003_search_index"),
    ]

    operations = [
        migrations.RunPython(create_terms, drop_terms),
    ]
