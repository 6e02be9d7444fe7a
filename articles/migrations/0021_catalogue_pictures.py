import html
import re

from django.db import migrations, models

IMG = re.compile(r"<img\b[^>]*>", re.I)
ALT = re.compile(r'\balt="([^"]*)"', re.I)


def count_pictures_without_alt(apps, schema_editor):
    """The derived count for the articles saved before it existed (as Article.derive_fields() counts)."""
    Article = apps.get_model("articles", "Article")
    changed = []
    for article in Article.objects.only("pk", "body", "image", "image_alt").iterator(chunk_size=500):
        count = sum(1 for tag in IMG.findall(article.body or "")
                    if not (alt := ALT.search(tag)) or not html.unescape(alt.group(1)).strip())
        count += bool(article.image and not article.image_alt.strip())
        if count:
            article.pictures_without_alt = count
            changed.append(article)
    Article.objects.bulk_update(changed, ["pictures_without_alt"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("articles", "0020_follows")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="pictures_without_alt",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(count_pictures_without_alt, migrations.RunPython.noop),
    ]
