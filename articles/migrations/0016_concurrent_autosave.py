from django.db import migrations, models


class Migration(migrations.Migration):
    """The autosave keeps the whole article form, not only its title and body."""

    dependencies = [
        ("articles", "0015_fixtures_slugs"),
    ]

    operations = [
        migrations.AddField(
            model_name="draftautosave",
            name="fields",
            field=models.JSONField(blank=True, default=dict, help_text="The form's other inputs: name -> value."),
        ),
        migrations.AddField(
            model_name="draftautosave",
            name="labels",
            field=models.JSONField(blank=True, default=dict,
                                   help_text="The pickers' shown names: input name -> label."),
        ),
    ]
