"""The full-text search index: an FTS5 table on SQLite, a weighted tsvector table with GIN
indexes on PostgreSQL (see articles/search/). It is filled from the existing articles."""
from django.db import migrations


def create_index(apps, schema_editor):
    from articles.search import get_search_backend, rebuild

    with schema_editor.connection.cursor() as cursor:
        get_search_backend(schema_editor.connection).create_index(cursor)
    if apps.get_model("articles", "Article").objects.using(schema_editor.connection.alias).exists():
        rebuild(conn=schema_editor.connection)


def drop_index(apps, schema_editor):
    from articles.search import get_search_backend

    with schema_editor.connection.cursor() as cursor:
        get_search_backend(schema_editor.connection).drop_index(cursor)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0002_workflow"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]
