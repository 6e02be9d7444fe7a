"""Entity names unique per kind: entities of one kind that share a name are merged first.

The survivor of each group is the one on the most articles (the oldest among equals). Each other one
is folded in as articles/entities/merging.py does it, with historical models: its aliases, demonyms and
offices join the survivor's, its description and Wikidata id fill the survivor's blanks, its article links
move (an article with both keeps one link, a main subject if either was), its redirects and author follow,
its old slug redirects to the survivor, and an EntityMerge row records what moved.
"""
from django.db import migrations, models
from django.db.models import Count
from django.utils import timezone

from articles.names import name_key

FACTS = ("description", "wikidata_id")


def union(names, more):
    known = {name_key(name) for name in names}
    added = []
    for name in more:
        if name_key(name) not in known:
            known.add(name_key(name))
            added.append(name)
    return added


def fold(apps, survivor, other):
    """Fold `other` into `survivor` (both historical Entity rows); returns the EntityMerge fields."""
    ArticleEntity = apps.get_model("articles", "ArticleEntity")
    Author = apps.get_model("articles", "Author")
    EntityMerge = apps.get_model("articles", "EntityMerge")
    EntityRedirect = apps.get_model("articles", "EntityRedirect")
    added = {
        "aliases": union([survivor.name, *survivor.aliases], other.aliases),
        "demonyms": union(survivor.demonyms, other.demonyms),
        "offices": [office for office in other.offices if office not in survivor.offices],
        "facts": {name: getattr(other, name) for name in FACTS if getattr(other, name) and not getattr(survivor, name)},
    }
    survivor.aliases = [*survivor.aliases, *added["aliases"]]
    survivor.demonyms = [*survivor.demonyms, *added["demonyms"]]
    survivor.offices = [*survivor.offices, *added["offices"]]
    for name, value in added["facts"].items():
        setattr(survivor, name, value)
    kept = {link.content_object_id: link for link in ArticleEntity.objects.filter(tag=survivor)}
    links, promoted = [], []
    for link in ArticleEntity.objects.filter(tag=other).order_by("pk"):
        mine = kept.get(link.content_object_id)
        links.append({"id": link.pk, "article": link.content_object_id, "position": link.position,
                      "is_main": link.is_main, "moved": mine is None})
        if mine is None:
            ArticleEntity.objects.filter(pk=link.pk).update(tag=survivor)
            continue
        if link.is_main and not mine.is_main:
            ArticleEntity.objects.filter(pk=mine.pk).update(is_main=True)
            promoted.append(mine.pk)
        link.delete()
    redirects = list(EntityRedirect.objects.filter(entity=other).values_list("pk", flat=True))
    EntityRedirect.objects.filter(entity=other).update(entity=survivor)
    authors = list(Author.objects.filter(entity=other).values_list("pk", flat=True))
    Author.objects.filter(entity=other).update(
        entity=None if Author.objects.filter(entity=survivor).exists() else survivor)
    EntityMerge.objects.filter(survivor=other).update(survivor=survivor)
    merged = {field.attname: getattr(other, field.attname) for field in other._meta.concrete_fields}
    other.delete()
    EntityRedirect.objects.update_or_create(old_slug=other.slug, defaults={"entity": survivor})
    EntityMerge.objects.create(survivor=survivor, merged_slug=other.slug, merged_name=other.name, merged=merged,
                               added=added, links=links, promoted=promoted, redirects=redirects, authors=authors,
                               created_at=timezone.now())


def merge_same_names(apps, schema_editor):
    Entity = apps.get_model("articles", "Entity")
    groups = (Entity.objects.values("kind", "name").annotate(n=Count("pk")).filter(n__gt=1)
              .values_list("kind", "name"))
    for kind, name in list(groups):
        survivor, *others = (Entity.objects.filter(kind=kind, name=name)
                             .annotate(links=Count("article_links")).order_by("-links", "pk"))
        for other in others:
            fold(apps, survivor, other)
        survivor.save()


class Migration(migrations.Migration):
    # The merge commits before the constraint is added: PostgreSQL will not alter a table with the
    # merge's deferred foreign-key checks still pending in the same transaction.
    atomic = False

    dependencies = [
        ("articles", "0018_fetch_uploads"),
    ]

    operations = [
        migrations.RunPython(merge_same_names, migrations.RunPython.noop, atomic=True),
        migrations.AddConstraint(
            model_name="entity",
            constraint=models.UniqueConstraint(
                fields=("kind", "name"), name="unique_entity_name_per_kind",
                violation_error_message="An entity of this kind with this name already exists: merge them, or "
                                        "name this one apart."),
        ),
    ]
