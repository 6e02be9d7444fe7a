"""SQLite only: an fts5vocab table listing the search index's terms, so the last word typed can
be looked up once and searched as a plain word when no longer indexed word starts with it
(see articles/search/sqlite.py:resolved). PostgreSQL needs nothing."""
from django.db import migrations


def create_terms(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from articles.search import sqlite

        with schema_editor.connection.cursor() as cursor:
            sqlite.create_terms(cursor)


def drop_terms(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from articles.search import sqlite

        with schema_editor.connection.cursor() as cursor:
            sqlite.drop_terms(cursor)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0003_search_index"),
    ]

    operations = [
        migrations.RunPython(create_terms, drop_terms),
    ]
