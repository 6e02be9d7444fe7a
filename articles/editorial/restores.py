"""Restoring one article from a saved revision: the article and its own rows, nothing else.

django-reversion's Revision.revert() writes back every object a revision holds, and a revision may hold
several articles (an older bulk action, an import, a merge). A restore here takes from the revision only
the article's version and the versions of the rows it follows (byline, categories, entity links, related
links, legacy URLs) that belong to it, and deletes the article's rows added since. It never writes another
article, never re-creates an author, category or entity deleted since (a row pointing to one stays out),
and never takes a row that now belongs to another article.
"""
from django.core import serializers
from django.db import IntegrityError, transaction

from ..models import Article, ArticleAuthor, ArticleCategory, ArticleEntity, LegacyURL, RelatedLink

# Each followed row model and the field naming its article.
OWN_ROWS = {ArticleAuthor: "article_id", ArticleCategory: "article_id", ArticleEntity: "content_object_id",
            RelatedLink: "article_id", LegacyURL: "article_id"}
# What only an editor changes: a contributor's restore keeps the article's state as it is.
WORKFLOW_FIELDS = ("status", "published_at", "submitted_by_id", "submitted_at", "review_note")


class RestoreError(Exception):
    """The revision cannot be restored (its article's version does not load)."""


def own_row_versions(version):
    """The versions in `version`'s revision of rows belonging to its article (not to other articles)."""
    article_id = int(version.object_id)
    rows = []
    for part in version.revision.version_set.select_related("content_type").exclude(pk=version.pk):
        field = OWN_ROWS.get(part.content_type.model_class())
        if field and part.field_dict.get(field) == article_id:
            rows.append(part)
    return rows


def restore_article(version, keep_workflow=False):
    """Write back the article of `version` (an Article's Version) and its own rows as they were then.
    `keep_workflow` keeps the article's current status and dates (a contributor's restore)."""
    article_id = int(version.object_id)
    current = Article.objects.filter(pk=article_id).values(*WORKFLOW_FIELDS).first()
    with transaction.atomic():
        article = load(version)
        if keep_workflow and current:
            for name, value in current.items():
                setattr(article.object, name, value)
        if not write(article, must=True):
            raise RestoreError(f"“{version.object_repr}” cannot be restored: its saved version no longer loads.")
        rows = [load(part) for part in own_row_versions(version)]
        kept = {model: [row.object.pk for row in rows if type(row.object) is model] for model in OWN_ROWS}
        for model, field in OWN_ROWS.items():  # rows added since the revision go (freeing their unique names)
            model.objects.filter(**{field: article_id}).exclude(pk__in=kept[model]).delete()
        for row in rows:
            if not belongs_elsewhere(row.object, article_id):
                write(row)


def load(version):
    """The version's object, deserialized (not saved)."""
    try:
        return next(serializers.deserialize(version.format, version.serialized_data, ignorenonexistent=True))
    except (serializers.base.DeserializationError, StopIteration) as error:
        raise RestoreError(f"“{version.object_repr}” cannot be restored: {error}") from error


def belongs_elsewhere(row, article_id):
    """True when the row, by its id, is another article's now (a legacy path given to another article)."""
    field = OWN_ROWS[type(row)]
    return type(row)._base_manager.filter(pk=row.pk).exclude(**{field: article_id}).exists()


def write(deserialized, must=False):
    """Save a deserialized row unless it points to a row deleted since (a nullable link is cleared instead)
    or clashes with a row now holding its unique value; True if written."""
    obj = deserialized.object
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if not field.many_to_one or value is None:
            continue
        if not field.related_model._base_manager.filter(pk=value).exists():
            if not field.null:
                return False
            setattr(obj, field.attname, None)
    try:
        with transaction.atomic():
            deserialized.save()
    except IntegrityError:
        if must:
            raise
        return False
    return True
