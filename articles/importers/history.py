"""The revisions an import keeps: one django-reversion revision per article it writes, in a few queries.

reversion's own `create_revision()` reads each article's followed rows and saves its revision one
article at a time. An import writes hundreds of articles a batch, so this writes the same rows
(a Revision per article, holding a Version of the article and of each row it follows, serialised
as reversion does) with one read per followed table and two inserts for the whole batch.
Each article keeps a revision of its own, so restoring one never touches another.
"""
import json
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, router
from django.utils import timezone
from reversion.models import Revision, Version

from articles.editorial.revisions import FOLLOW
from articles.models import Article

VERSION_COLUMNS = ("revision", "object_id", "content_type", "db", "format", "serialized_data", "object_repr")


def followed_rows(articles):
    """{article pk: [rows it follows]} (byline, category, entity, link and legacy-URL rows), each row with the
    objects it names (its __str__ shows them): a query per table, and one per kind of object named."""
    by_pk = {article.pk: article for article in articles}
    rows = defaultdict(list)
    for name in FOLLOW:
        relation = Article._meta.get_field(name)
        model, back = relation.related_model, relation.field
        found = list(model.objects.filter(**{f"{back.name}__in": list(by_pk)}).order_by("pk"))
        for other in (f for f in model._meta.concrete_fields if f.many_to_one and f.name != back.name):
            # The few authors, categories and entities a batch names, once each (not once per row).
            named = other.related_model._base_manager.in_bulk({getattr(row, other.attname) for row in found})
            for row in found:
                setattr(row, other.name, named[getattr(row, other.attname)])
        for row in found:
            article = by_pk[getattr(row, back.attname)]
            setattr(row, back.name, article)
            rows[article.pk].append(row)
    return rows


def serialized(objects):
    """Each object as reversion stores it: serializers.serialize("json", [obj]), one serializer pass for all."""
    return [json.dumps([row], cls=DjangoJSONEncoder, ensure_ascii=False)
            for row in serializers.serialize("python", objects)]


def save_revisions(articles, comments):
    """A revision for each saved article (`comments[i]` its comment), as reversion would save it."""
    if not articles:
        return
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        [Revision(date_created=now, user=None, comment=comment) for comment in comments])
    follows = followed_rows(articles)
    values = []
    for article, revision in zip(articles, revisions):
        objects = [article, *follows[article.pk]]
        for obj, data in zip(objects, serialized(objects)):
            values.append((revision.pk, str(obj.pk), ContentType.objects.get_for_model(type(obj)).pk,
                           router.db_for_write(type(obj), instance=obj), "json", data, str(obj)))
    # Plain rows: one statement whatever the number of versions.
    quote = connection.ops.quote_name
    columns = [quote(Version._meta.get_field(name).column) for name in VERSION_COLUMNS]
    sql = (f"INSERT INTO {quote(Version._meta.db_table)} ({', '.join(columns)}) "
           f"VALUES ({', '.join(['%s'] * len(columns))})")
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
