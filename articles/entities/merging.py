"""Merging duplicate entities, and undoing a merge.

A merge folds each merged entity into the survivor: its names become aliases, its demonyms and dated
offices join the survivor's (so "President Moon" still finds its person), its description and Wikidata id
fill the survivor's blanks, its article links move (order and main/mention kept; an article tagged with
both keeps one link, a main subject if either was), its redirects, old slug and author follow. Rejections
are kept by name, and the merged names live on as aliases, so what an article turned down stays down.

Each merge keeps an EntityMerge row saying what moved and what the survivor gained, and each article
whose tags changed keeps a revision of its own. Undoing brings the merged entity back under its id and
slug with its links, redirects and author, and takes from the survivor only what the merge gave it:
whatever editors changed since stays as they left it.
"""
import reversion
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import Article, ArticleEntity, Author, Entity, EntityMerge, EntityRedirect
from ..names import name_key
from ..signals import articles_bulk_created

FACTS = ("description", "wikidata_id")  # filled in on the survivor only where it has none


class UndoError(Exception):
    """A merge that cannot be undone as things are now; the message says why."""


def merge_preview(survivor, others):
    """{entity: articles that would move} for each entity merged into `survivor` (already shared ones stay)."""
    survivor_articles = set(survivor.article_links.values_list("content_object_id", flat=True))
    preview = {}
    for other in others:
        articles = set(other.article_links.values_list("content_object_id", flat=True))
        preview[other] = len(articles - survivor_articles)
    return preview


@transaction.atomic
def merge_entities(survivor, others, user=None):
    """Fold `others` into `survivor`, keeping an EntityMerge for each and a revision for each article
    whose tags changed. Returns how many article links moved."""
    moved, articles = 0, set()
    others = [other for other in others if other.pk != survivor.pk]
    for other in others:
        record = EntityMerge(survivor=survivor, merged_slug=other.slug, merged_name=other.name, merged_by=user,
                             merged={field.attname: getattr(other, field.attname)
                                     for field in Entity._meta.concrete_fields})
        record.added = fold_knowledge(survivor, other)
        record.links, record.promoted = move_links(survivor, other)
        moved += sum(link["moved"] for link in record.links)
        articles |= {link["article"] for link in record.links}
        record.redirects = list(other.redirects.values_list("pk", flat=True))
        other.redirects.update(entity=survivor)
        record.authors = list(Author.objects.filter(entity=other).values_list("pk", flat=True))
        Author.objects.filter(entity=other).update(entity=None if has_author(survivor) else survivor)
        moved_in_bulk(record)
        old_slug = other.slug
        other.delete()
        EntityRedirect.objects.update_or_create(old_slug=old_slug, defaults={"entity": survivor})
        survivor.save()
        record.save()
    names = ", ".join(f"“{other.name}”" for other in others)
    keep_revisions(articles, user, f"Merged {names} into “{survivor.name}”.")
    return moved


def fold_knowledge(survivor, other):
    """Give `survivor` what `other` knew that it did not; returns what was added."""
    known = {name_key(name) for name in [survivor.name, *survivor.aliases]}
    aliases = unique_names([other.name, *other.aliases], known)
    demonyms = unique_names(other.demonyms, {name_key(name) for name in survivor.demonyms})
    offices = [office for office in other.offices if office not in survivor.offices]
    facts = {name: getattr(other, name) for name in FACTS if getattr(other, name) and not getattr(survivor, name)}
    survivor.aliases = [*survivor.aliases, *aliases]
    survivor.demonyms = [*survivor.demonyms, *demonyms]
    survivor.offices = [*survivor.offices, *offices]
    for name, value in facts.items():
        setattr(survivor, name, value)
    return {"aliases": aliases, "demonyms": demonyms, "offices": offices, "facts": facts}


def unique_names(names, known):
    """`names` whose keys are not in `known` (which this adds them to), first spelling kept."""
    new = []
    for name in names:
        if name_key(name) not in known:
            known.add(name_key(name))
            new.append(name)
    return new


def move_links(survivor, other):
    """Move `other`'s article links to `survivor`; an article with both keeps the survivor's link (made a
    main subject if the other was one). Returns (the links as they were, the survivor links promoted)."""
    survivor_links = {link.content_object_id: link for link in survivor.article_links.all()}
    links, promoted = [], []
    for link in other.article_links.all():
        kept = survivor_links.get(link.content_object_id)
        links.append({"id": link.pk, "article": link.content_object_id, "position": link.position,
                      "is_main": link.is_main, "moved": kept is None})
        if kept is None:
            link.tag = survivor
            link.save(update_fields=["tag"])
            continue
        if link.is_main and not kept.is_main:
            kept.is_main = True
            kept.save(update_fields=["is_main"])
            promoted.append(kept.pk)
        link.delete()
    return links, promoted


def moved_in_bulk(record):
    """QuerySet.update sends no post_save: say which redirects and authors moved (articles/receivers.py)."""
    for model, pks in ((EntityRedirect, record.redirects), (Author, record.authors)):
        if pks:
            articles_bulk_created.send(sender=model, pks=pks)


def has_author(entity):
    return Author.objects.filter(entity=entity).exists()


def keep_revisions(article_ids, user, comment):
    """One revision per article (a revision holding them all would make restoring one revert the others)."""
    for article in Article.objects.filter(pk__in=article_ids):
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(comment)
            reversion.add_to_revision(article)


@transaction.atomic
def undo_merge(record, user=None):
    """Bring back the entity `record` merged away; returns it. Raises UndoError, changing nothing, when the
    merge was undone already, the survivor is gone, or another entity took the merged one's name or slug."""
    record = EntityMerge.objects.select_for_update().get(pk=record.pk)
    survivor = record.survivor
    if record.undone_at is not None:
        raise UndoError(f"The merge of “{record.merged_name}” was undone already.")
    if survivor is None:
        raise UndoError(f"“{record.merged_name}” cannot come back: the entity it was merged into is deleted.")
    entity = Entity(**record.merged)
    if Entity.objects.filter(Q(pk=entity.pk) | Q(slug=entity.slug) | Q(key=entity.compute_key())
                             | Q(kind=entity.kind, name=entity.name)).exists():
        raise UndoError(f"“{record.merged_name}” cannot come back: an entity with its name or address "
                        f"/tag/{entity.slug}/ exists again. Rename or merge that one first.")
    entity.save(force_insert=True)
    take_back_knowledge(survivor, record.added)
    articles = restore_links(record, survivor, entity)
    EntityRedirect.objects.filter(old_slug=entity.slug).delete()
    EntityRedirect.objects.filter(pk__in=record.redirects, entity=survivor).update(entity=entity)
    Author.objects.filter(Q(entity=survivor) | Q(entity=None), pk__in=record.authors).update(entity=entity)
    moved_in_bulk(record)
    record.undone_at, record.undone_by = timezone.now(), user
    record.save(update_fields=["undone_at", "undone_by"])
    keep_revisions(articles, user, f"Undid the merge of “{entity.name}” into “{survivor.name}”.")
    return entity


def take_back_knowledge(survivor, added):
    """Remove from `survivor` what a merge added, as far as it is still there unchanged."""
    aliases = {name_key(name) for name in added.get("aliases", [])}
    demonyms = {name_key(name) for name in added.get("demonyms", [])}
    survivor.aliases = [name for name in survivor.aliases if name_key(name) not in aliases]
    survivor.demonyms = [name for name in survivor.demonyms if name_key(name) not in demonyms]
    survivor.offices = [office for office in survivor.offices if office not in added.get("offices", [])]
    for name, value in added.get("facts", {}).items():
        if getattr(survivor, name) == value:
            setattr(survivor, name, "")
    survivor.save()


def restore_links(record, survivor, entity):
    """Give `entity` back its article links as they were; returns the ids of the articles changed. A moved
    link an editor removed since stays removed; a survivor link the merge made main is a mention again."""
    changed = set()
    for link in record.links:
        row = ArticleEntity.objects.filter(pk=link["id"], tag=survivor).first() if link["moved"] else None
        if row is None and (link["moved"] or entity.article_links.filter(content_object_id=link["article"]).exists()
                            or not Article.objects.filter(pk=link["article"]).exists()):
            continue
        if row is None:  # under its old id when free, so the article's older revisions name it again
            free = not ArticleEntity.objects.filter(pk=link["id"]).exists()
            row = ArticleEntity(pk=link["id"] if free else None, content_object_id=link["article"])
        row.tag, row.position, row.is_main = entity, link["position"], link["is_main"]
        row.save()
        changed.add(link["article"])
    for row in ArticleEntity.objects.filter(pk__in=record.promoted, tag=survivor, is_main=True):
        row.is_main = False
        row.save(update_fields=["is_main"])
        changed.add(row.content_object_id)
    return changed
