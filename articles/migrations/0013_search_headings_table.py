"""PostgreSQL only: the title-and-names vectors in a narrow table of their own, filled from the
index already there (articles/search/backends/postgres/: HEADINGS). SQLite needs nothing."""
from django.db import migrations


def create_headings(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from articles.search import get_search_backend

    with schema_editor.connection.cursor() as cursor:
        get_search_backend(schema_editor.connection).create_headings(cursor)


def drop_headings(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from articles.search import get_search_backend

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {get_search_backend(schema_editor.connection).HEADINGS}")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0012_draft_autosaves"),
    ]

    operations = [
        migrations.RunPython(create_headings, drop_headings),
    ]
