"""Article.excerpt_is_manual: an excerpt someone wrote stays; a derived one follows the body.

An existing excerpt counts as derived only when it is exactly what the body derives now; any other one
(hand-written, imported, or derived from an opening that has since changed: these cannot be told apart)
is kept as written, so the migration overwrites nothing."""
from django.db import migrations, models


def make_excerpt(text, words=30):
    """articles.html.make_excerpt as it stood when this migration was written."""
    parts = (text or "").split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:.") + "…"


def mark_written_excerpts(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    written = [pk for pk, excerpt, body_text in Article.objects.values_list("pk", "excerpt", "body_text").iterator()
               if excerpt.strip() and excerpt.strip() != make_excerpt(body_text)]
    for start in range(0, len(written), 500):
        Article.objects.filter(pk__in=written[start:start + 500]).update(excerpt_is_manual=True)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0014_restore_merge"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="excerpt_is_manual",
            field=models.BooleanField(
                default=False, editable=False,
                help_text="Written by hand (an editor, an importer's source): kept as it is. Otherwise derived from "
                          "the body's opening words, and it follows the body when that changes."),
        ),
        migrations.RunPython(mark_written_excerpts, migrations.RunPython.noop),
    ]
