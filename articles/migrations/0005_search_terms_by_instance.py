"""SQLite only: the terms table of 0004 re-made as an 'instance' fts5vocab table, which finds
whether a longer word follows the last word typed by reading one entry, where the 'row' kind
first counted every article holding the word (see articles/search/backends/sqlite/backend.py: resolved)."""
from django.db import migrations


def remake_terms(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from articles.search import get_search_backend

        with schema_editor.connection.cursor() as cursor:
            backend = get_search_backend(schema_editor.connection)
            backend.drop_terms(cursor)
            backend.create_terms(cursor)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0004_search_prefix_index"),
    ]

    operations = [
        migrations.RunPython(remake_terms, remake_terms),
    ]
