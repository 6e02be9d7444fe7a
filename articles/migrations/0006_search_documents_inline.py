"""PostgreSQL only: keep each article's search document in its row, lz4-compressed where the
server has lz4 (see articles/search/postgres.py:keep_documents_inline), and rewrite the index so
the rows already there are stored that way. SQLite needs nothing."""
from django.db import migrations


def keep_documents_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from articles.search import postgres, rebuild

    with schema_editor.connection.cursor() as cursor:
        postgres.keep_documents_inline(cursor)
    if apps.get_model("articles", "Article").objects.using(schema_editor.connection.alias).exists():
        rebuild(conn=schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0005_search_terms_by_instance"),
    ]

    operations = [
        migrations.RunPython(keep_documents_inline, migrations.RunPython.noop),
    ]
