"""Readable differences between two saved revisions of an article (django-reversion versions).

A revision holds the article and, because the article is registered with `follow`, its byline,
category and entity rows too, so a diff covers who wrote it and what it is about.
"""
import difflib
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.timezone import localtime
from reversion.models import Version

from ..models import Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity, Series

FOLLOW = ["author_links", "category_links", "entity_links", "related_links", "legacy_urls"]
VALUE_FIELDS = [("title", "Title"), ("slug", "Slug"), ("status", "Status"), ("published_at", "Publish date"),
                ("series_id", "Series"), ("excerpt", "Excerpt"), ("author_note", "Author note")]
LIST_FIELDS = [("authors", "Authors"), ("categories", "Categories"), ("entities", "Entities")]


@dataclass
class Change:
    """One field that differs. `words` holds (op, text) pairs for text; `removed`/`added` for lists."""

    label: str
    old: str = ""
    new: str = ""
    words: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    added: list = field(default_factory=list)


def article_versions(article_pk):
    """An article's versions, oldest first, with who saved them and when."""
    return (Version.objects.get_for_object_reference(Article, article_pk)
            .select_related("revision", "revision__user").order_by("revision__date_created", "pk"))


def snapshot(version):
    """The article as it was in `version`: its fields plus names of its authors, categories, entities."""
    fields = dict(version.field_dict)
    parts = {model: [] for model in (ArticleAuthor, ArticleCategory, ArticleEntity)}
    for part in version.revision.version_set.select_related("content_type"):
        model = part.content_type.model_class()
        if model in parts:
            parts[model].append(part.field_dict)
    article_id = fields["id"]
    authors = sorted((d for d in parts[ArticleAuthor] if d["article_id"] == article_id), key=lambda d: d["position"])
    categories = sorted((d for d in parts[ArticleCategory] if d["article_id"] == article_id),
                        key=lambda d: d["position"])
    entities = sorted((d for d in parts[ArticleEntity] if d["content_object_id"] == article_id),
                      key=lambda d: (not d["is_main"], d["position"]))
    fields["authors"] = names(Author, [d["author_id"] for d in authors])
    fields["categories"] = names(Category, [d["category_id"] for d in categories])
    fields["entities"] = [f"{name}, main subject" if d["is_main"] else name
                          for name, d in zip(names(Entity, [d["tag_id"] for d in entities]), entities)]
    return fields


def entity_ids(version):
    """The ids of the entities `version`'s article was tagged with."""
    article_id = version.field_dict["id"]
    return [part.field_dict["tag_id"] for part in version.revision.version_set.select_related("content_type")
            if part.content_type.model_class() is ArticleEntity and part.field_dict["content_object_id"] == article_id]


def names(model, pks):
    """Display names for `pks` in order; a row deleted since shows as “(deleted #pk)”."""
    found = {row.pk: getattr(row, "label", str(row)) for row in model.objects.filter(pk__in=pks)}
    return [found.get(pk, f"(deleted #{pk})") for pk in pks]


def current_snapshot(article):
    """The article as it is in the database now, in the shape of snapshot()."""
    fields = {name: getattr(article, name) for name, _ in VALUE_FIELDS}
    fields["body_text"] = article.body_text
    fields["authors"] = [link.author.name for link in article.author_links.select_related("author")]
    fields["categories"] = [link.category.name for link in article.category_links.select_related("category")]
    fields["entities"] = [f"{link.tag.label}, main subject" if link.is_main else link.tag.label
                          for link in article.entity_links.select_related("tag")]
    return fields


def compare(old_version, new_version):
    """The changes from `old_version` to `new_version`, in form order, as a list of Change."""
    return compare_snapshots(snapshot(old_version), snapshot(new_version))


def compare_snapshots(old, new):
    """The changes between two snapshots (see snapshot() and current_snapshot())."""
    changes = []
    for name, label in VALUE_FIELDS:
        if old.get(name) != new.get(name):
            changes.append(Change(label, display(name, old.get(name)), display(name, new.get(name))))
    for name, label in LIST_FIELDS:
        if old[name] != new[name]:
            changes.append(Change(label, "; ".join(old[name]), "; ".join(new[name]),
                                  removed=[n for n in old[name] if n not in new[name]],
                                  added=[n for n in new[name] if n not in old[name]]))
    if old.get("body_text") != new.get("body_text"):
        changes.append(Change("Body text", words=word_diff(old.get("body_text", ""), new.get("body_text", ""))))
    return changes


def display(name, value):
    if value in (None, ""):
        return "—"
    if name == "published_at":
        return date_format(localtime(value), "DATETIME_FORMAT")
    if name == "status":
        return Article.Status(value).label
    if name == "series_id":
        return names(Series, [value])[0]
    return str(value)


def word_diff(old_text, new_text, context=12):
    """(op, text) pairs: op is 'same', 'del' or 'ins'; long unchanged stretches are shortened to `context` words."""
    old_words, new_words = (text.replace("\n", " ¶ ").split() for text in (old_text or "", new_text or ""))
    pairs = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if op == "equal":
            same = old_words[i1:i2]
            if len(same) > 2 * context:
                same = same[:context] + ["…"] + same[-context:] if pairs else ["…"] + same[-context:]
            pairs.append(("same", " ".join(same)))
            continue
        if op in ("delete", "replace"):
            pairs.append(("del", " ".join(old_words[i1:i2])))
        if op in ("insert", "replace"):
            pairs.append(("ins", " ".join(new_words[j1:j2])))
    if pairs and pairs[-1][0] == "same":
        tail = pairs[-1][1].split(" ")
        if len(tail) > context:
            pairs[-1] = ("same", " ".join(tail[:context] + ["…"]))
    return pairs
