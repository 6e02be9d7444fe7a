from django.db import migrations, models
from django.db.models import F, Q


def fill_modified(apps, schema_editor):
    """Articles written here: their last save. Imported ones: their publication date, since the import
    day (their updated_at) was never a change to the post."""
    Article = apps.get_model("articles", "Article")
    imported = Q(wp_id__isnull=False) | ~Q(import_source="")
    Article.objects.filter(imported).update(modified_at=F("published_at"))
    Article.objects.exclude(imported).update(modified_at=F("updated_at"))


class Migration(migrations.Migration):

    dependencies = [("articles", "0021_catalogue_pictures")]

    operations = [
        migrations.AddField(
            model_name="article", name="date_precision",
            field=models.CharField(
                choices=[("day", "Day"), ("month", "Month only")], default="day", max_length=5,
                help_text="How much of the publication date is known: a month only (from an old /YYYY/MM/ "
                          "address) shows as “April 2020”.")),
        migrations.AddField(
            model_name="article", name="source_modified_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True,
                help_text="When the source (a WordPress export's post_modified_gmt) last changed the post.")),
        migrations.AddField(
            model_name="article", name="modified_at",
            field=models.DateTimeField(
                blank=True, db_index=True, editable=False, null=True,
                help_text="When the content last changed: at the source or edited here.")),
        migrations.RunPython(fill_modified, migrations.RunPython.noop),
    ]
