"""PostgreSQL only: keep each article's search document in its row, lz4-compressed where the
server has lz4 (see articles/search/backends/postgres/backend.py:
keep_documents_inline), and rewrite the index so
the rows already there are stored that way. SQLite needs nothing."""
from django.db import migrations


def keep_documents_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from articles.search import get_search_backend, rebuild

    with schema_editor.connection.cursor() as cursor:
        get_search_backend(schema_editor.connection).keep_documents_inline(cursor)
    if apps.get_model("articles", "Article").objects.using(schema_editor.connection.alias).exists():
        rebuild(conn=schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0005_search_terms_by_instance"),
    ]

    operations = [
        migrations.RunPython(keep_documents_inline, migrations.RunPython.noop),
    ]
