"""Editors' entity operations: merge duplicates, keep renamed slugs working, tag many articles at once."""
from django.db import transaction

from ..models import ArticleEntity, Author, EntityRedirect, RejectedSuggestion
from ..names import name_key
from .suggestions import link_entity


def merge_preview(survivor, others):
    """{entity: articles that would move} for each entity merged into `survivor` (already shared ones stay)."""
    survivor_articles = set(survivor.article_links.values_list("content_object_id", flat=True))
    preview = {}
    for other in others:
        articles = set(other.article_links.values_list("content_object_id", flat=True))
        preview[other] = len(articles - survivor_articles)
    return preview


@transaction.atomic
def merge_entities(survivor, others):
    """Fold `others` into `survivor`: links move, names become aliases, old slugs redirect. Returns links moved."""
    moved = 0
    aliases = list(survivor.aliases)
    known = {name_key(survivor.name), *(name_key(alias) for alias in aliases)}
    for other in others:
        if other.pk == survivor.pk:
            continue
        survivor_links = {link.content_object_id: link for link in survivor.article_links.all()}
        for link in other.article_links.all():
            kept = survivor_links.get(link.content_object_id)
            if kept is None:
                link.tag = survivor
                link.save(update_fields=["tag"])
                moved += 1
            else:
                if link.is_main and not kept.is_main:
                    kept.is_main = True
                    kept.save(update_fields=["is_main"])
                link.delete()
        for name in [other.name, *other.aliases]:
            if name_key(name) not in known:
                known.add(name_key(name))
                aliases.append(name)
        other.redirects.update(entity=survivor)
        Author.objects.filter(entity=other).update(entity=None if has_author(survivor) else survivor)
        old_slug = other.slug
        other.delete()
        EntityRedirect.objects.update_or_create(old_slug=old_slug, defaults={"entity": survivor})
    survivor.aliases = aliases
    if not survivor.description:
        survivor.description = next((o.description for o in others if o.description), "")
    survivor.save()
    return moved


def has_author(entity):
    return Author.objects.filter(entity=entity).exists()


def record_slug_change(entity, old_slug):
    """After a rename, the old /tag/<slug>/ keeps answering (301) and no redirect shadows the new slug."""
    if old_slug and old_slug != entity.slug:
        EntityRedirect.objects.update_or_create(old_slug=old_slug, defaults={"entity": entity})
    EntityRedirect.objects.filter(old_slug=entity.slug).delete()


def record_name_change(entity, old_name):
    """After a rename, the old name stays an alias (so it is never offered as a new entity again), and
    articles that turned the entity down under its old name keep it turned down."""
    if not old_name or name_key(old_name) == name_key(entity.name):
        return
    if name_key(old_name) not in {name_key(alias) for alias in entity.aliases}:
        entity.aliases = [*entity.aliases, old_name]
        entity.save(update_fields=["aliases"])
    RejectedSuggestion.objects.bulk_create(
        [RejectedSuggestion(article_id=r.article_id, key=name_key(entity.name), name=entity.name[:300],
                            rejected_by_id=r.rejected_by_id)
         for r in RejectedSuggestion.objects.filter(key=name_key(old_name))],
        ignore_conflicts=True)


@transaction.atomic
def add_entity_to_articles(entity, articles, is_main=False):
    """Tag each article with `entity`; returns how many were newly tagged."""
    return sum(link_entity(article, entity, is_main=is_main) for article in articles)


@transaction.atomic
def remove_entity_from_articles(entity, articles):
    """Untag `entity` from each article; returns how many links went."""
    deleted, _ = ArticleEntity.objects.filter(tag=entity, content_object__in=articles).delete()
    return deleted
