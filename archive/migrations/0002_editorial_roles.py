"""The editorial roles as groups: Contributor and Editor (Administrator is a superuser).

`python manage.py grant_role USERNAME contributor|editor|administrator` puts a user in one.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

# Inline rows a contributor edits on their own drafts (bylines, categories, entities, links).
ARTICLE_PARTS = ["articleauthor", "articlecategory", "articleentity", "relatedlink"]
# What article forms pick from (autocomplete needs view permission).
LOOKUPS = ["author", "category", "series", "entity"]
CONTRIBUTOR = (
    ["add_article", "change_article", "view_article", "view_legacyurl"]
    + [f"{action}_{model}" for model in ARTICLE_PARTS for action in ("add", "change", "delete", "view")]
    + [f"view_{model}" for model in LOOKUPS]
)
EDITOR_MODELS = ["article", "legacyurl", "entityredirect", "rejectedsuggestion", *ARTICLE_PARTS, *LOOKUPS]
EDITOR = ["publish_article"] + [
    f"{action}_{model}" for model in EDITOR_MODELS for action in ("add", "change", "delete", "view")
]


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; create them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Contributor", CONTRIBUTOR), ("Editor", EDITOR)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions missing for the {name} group: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Contributor", "Editor"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0001_initial"),
        ("articles", "0002_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
