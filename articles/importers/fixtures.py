"""Natural-key fixtures of articles: what export_article writes, and plain words for what loaddata refuses.

An exported fixture is self-contained: the article with every row it points to (authors and the
person entities they are, categories and their parents, its series and entities) and every row
that points to it (byline, category and entity links, related links, legacy URLs), all by
natural key, so it loads into another archive and dumps back the same.

Every row loaddata reads, hand-written or exported, passes the checks the admin form makes (the slug
rule, dates, links, required fields, uniqueness): a row that would break a page (an article without a
slug makes every list that links it fail) is refused in one line naming the file, the row, the object
and the field, and the load writes nothing.
"""
import datetime
import json
from pathlib import Path

from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import DateTimeField
from django.utils import timezone

from articles.models import (Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity,
                             LegacyURL, RelatedLink, Series)

CHECKED_BYTES = 5_000_000  # a hand-written fixture is small; a full dump is checked by loaddata itself


def missing_references(labels):
    """The first row of the JSON fixtures that names, by natural key, a row neither they nor the database hold.

    loaddata reports that as a traceback, or not at all when the key comes back unresolved; a person
    who wrote the fixture by hand wants the row, the kind and the key: one line, or None when all is there.
    """
    files = [(label, rows) for label in labels if (rows := fixture_rows(label)) is not None]
    defined, named = {}, {}  # the fixtures' slugs, and {(model, name): slug}
    for _, rows in files:
        for row in rows:
            model = model_of(row)
            if model in SLUG_MODELS:
                defined.setdefault(model, set()).add(row["fields"].get("slug"))
                if isinstance(row["fields"].get("name"), str):
                    named.setdefault((model, row["fields"]["name"]), row["fields"].get("slug"))
    for label, rows in files:
        for number, row in enumerate(rows, start=1):
            model = model_of(row)
            for field in model._meta.concrete_fields if model else ():
                target, value = field.related_model, row["fields"].get(field.name)
                if target not in SLUG_MODELS or not isinstance(value, list) or len(value) != 1:
                    continue
                if value[0] not in defined.get(target, ()) and not target.objects.filter(slug=value[0]).exists():
                    where = f"{label}: item {number} ({row['model']}): no {target._meta.verbose_name} “{value[0]}”"
                    if slug := existing_slug(target, value[0], named):
                        # Named rather than keyed: adding a row of that name would make a duplicate.
                        return (f"{where}; the {target._meta.verbose_name} named “{value[0]}” has the slug "
                                f"“{slug}”: use the existing slug [\"{slug}\"]")
                    return f"{where} in the fixture or the database: add it, or load a fixture that has it first"
    return None


def existing_slug(model, name, named):
    """The slug of the row of `model` named `name` (exactly, else ignoring case) in the fixtures (`named`)
    or the database; None when there is none, or several of that name (entities of different kinds)."""
    if (model, name) in named:
        return named[model, name]
    if not hasattr(model, "name") or not isinstance(name, str):
        return None
    for lookup in ("name", "name__iexact"):
        slugs = list(model.objects.filter(**{lookup: name}).values_list("slug", flat=True)[:2])
        if slugs:
            return slugs[0] if len(slugs) == 1 else None
    return None


def pk_row(labels):
    """The first row of the articles app's models in the JSON fixtures that carries a "pk": one line, or None.

    Ids differ between archives, so these fixtures name rows by natural key only (slug, path, …); a pk
    would overwrite whatever row has that id here, or clash with it (an IntegrityError traceback)."""
    for label in labels:
        for number, row in enumerate(fixture_rows(label) or (), start=1):
            model = model_of(row)
            if model is not None and model._meta.app_label == "articles" and "pk" in row:
                keys = ", ".join(f"“{field}”" for field in model.natural_key_fields)
                return (f"{label}: item {number} ({row['model']}) has \"pk\": {json.dumps(row['pk'])}: rows are named "
                        f"by natural key ({keys}) here, not by id: remove its \"pk\"")
    return None


def aware_dates(obj):
    """A date-and-time field given as a date only ("2015-02-18") or without a zone: midnight (or that time)
    in the site's time zone, as the admin form reads it, rather than a naive value and Django's RuntimeWarning."""
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname, None)
        if isinstance(field, DateTimeField) and isinstance(value, datetime.datetime) and timezone.is_naive(value):
            setattr(obj, field.attname, timezone.make_aware(value, timezone.get_default_timezone()))


def refusal(label, number, obj, problem):
    """The one line loaddata prints for a row it refuses."""
    try:
        name = f" “{obj}”" if str(obj) else ""
    except Exception:  # a link row whose article or entity is still unresolved has no name yet
        name = ""
    return f"{label}: {obj._meta.label_lower}{name} (row {number}): {problem}"


def admin_form_problem(obj, deferred=()):
    """What the admin form would refuse in a deserialized row of the articles app, as “field: message”, or "".

    Fields loaddata resolves at the end (forward references, `deferred`) are checked by the database then."""
    if obj._meta.app_label != "articles":
        return ""
    aware_dates(obj)
    if isinstance(obj, Entity) and not obj.key:
        obj.key = obj.compute_key()  # Entity.save() derives it; loaddata calls save_base() only
    if obj.pk is not None and type(obj)._base_manager.filter(pk=obj.pk).exists():
        obj._state.adding = False  # found by its natural key: an update, so its own row is no clash
    try:
        obj.full_clean(exclude={field.name for field in deferred})
        if isinstance(obj, Article) and obj.status == Article.Status.PUBLISHED and obj.published_at is None:
            raise ValidationError({"published_at": "Set a publish date to publish this article."})
    except ValidationError as error:
        return " ".join(" ".join(messages) if name == NON_FIELD_ERRORS else f"{name}: {' '.join(messages)}"
                        for name, messages in error.message_dict.items())
    return ""


def unreadable_value(labels):
    """The first value of a row in the JSON fixtures that its field cannot read ("2015-02-30" as a date), as
    one line naming the file, row, object and field; None when every value reads. (loaddata says it in a
    traceback that names neither the row nor the field.)"""
    for label in labels:
        for number, row in enumerate(fixture_rows(label) or (), start=1):
            model = model_of(row)
            if model is None or model._meta.app_label != "articles":
                continue
            for name, value in row["fields"].items():
                try:
                    field = model._meta.get_field(name)
                    if not field.is_relation:
                        field.to_python(value)
                except FieldDoesNotExist:
                    problem = "no such field"
                except ValidationError as error:
                    problem = " ".join(error.messages)
                else:
                    continue
                fields = row["fields"]
                obj = model(**{key: fields[key] for key in ("title", "name", "path") if isinstance(fields.get(key), str)
                               and key in {f.name for f in model._meta.concrete_fields}})
                return refusal(label, number, obj, f"{name}: {problem}")
    return None


def fixture_rows(label):
    """The rows of a small JSON fixture file; None for anything else (loaddata deals with it)."""
    path = Path(label)
    if path.suffix != ".json" or not path.is_file() or path.stat().st_size > CHECKED_BYTES:
        return None
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return rows if isinstance(rows, list) else None


def model_of(row):
    """The model of a fixture row that has fields, or None."""
    try:
        return apps.get_model(row["model"]) if isinstance(row.get("fields"), dict) else None
    except (AttributeError, KeyError, TypeError, ValueError, LookupError):
        return None


def with_parents(categories):
    result, seen = [], set()
    for category in categories:
        chain = []
        while category is not None and category.pk not in seen:
            seen.add(category.pk)
            chain.append(category)
            category = category.parent
        result += reversed(chain)
    return result


def article_fixture_objects(articles):
    """Every row an exported fixture holds, in an order loaddata can follow (referenced rows first)."""
    articles = list(articles)
    links = [list(model.objects.filter(**{field: article}).order_by("position", "pk"))
             for article in articles
             for model, field in ((ArticleAuthor, "article"), (ArticleCategory, "article"),
                                  (ArticleEntity, "content_object"), (RelatedLink, "article"))]
    author_links = [link for group in links for link in group if isinstance(link, ArticleAuthor)]
    authors = list(dict.fromkeys(link.author for link in author_links))
    category_links = [link for group in links for link in group if isinstance(link, ArticleCategory)]
    entity_links = [link for group in links for link in group if isinstance(link, ArticleEntity)]
    entities = list(dict.fromkeys([author.entity for author in authors if author.entity_id]
                                  + [link.tag for link in entity_links]))
    series = list(dict.fromkeys(article.series for article in articles if article.series_id))
    for article in articles:
        article.created_by = None  # accounts are not content: the other archive has its own
    return [
        *entities, *authors, *with_parents(dict.fromkeys(link.category for link in category_links)), *series,
        *articles,
        *[link for group in links for link in group],
        *LegacyURL.objects.filter(article__in=articles).order_by("path"),
    ]


SLUG_MODELS = (Entity, Author, Category, Series, Article)


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but datetimes keep their microseconds (it cuts them to milliseconds), so a load is exact."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat().replace("+00:00", "Z")
        return super().default(o)
