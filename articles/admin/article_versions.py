"""Two editors, one article: the change form carries the version it was opened on, and a save made on
an older version is refused, showing what the other editor changed, instead of silently reverting it.

The version is the article's `updated_at`, sent back in a hidden field, rather than django-concurrency's
integer version column: that library works by overriding Model._do_update (private API) and offers no
conflict page, while every write path here already sets `updated_at` (the admin, the workflow actions'
`save(update_fields=[..., "updated_at"])`, imports), so the check costs no column, no migration and no
query. A timestamp also cannot repeat the way a counter can after a restore (django-reversion writes
the restored row raw, counter included). The article's row is locked while the form is checked
(select_for_update on PostgreSQL; SQLite's IMMEDIATE transactions already run one save at a time), so
two saves in the same instant cannot both pass.

On a conflict the fields the editor did not change take the stored values (their colleague's edit is
kept), the fields both changed keep the editor's text, and "Save my version anyway" posts the version
they have now seen. While an article's change form is open, it says who else has it open.
"""
import hashlib
from datetime import datetime, timezone as dt_timezone
import time
from functools import partial

from django import forms
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.formats import date_format

from ..editorial import revisions
from .forms import ArticleForm, readable_html

VERSION_FIELD = "opened_version"
SEEN_FIELD = "_seen_version"  # "Save my version anyway": the version whose changes the editor has seen
# Fields merged on a conflict: the editor's value where they changed it, the stored one where they did not.
MERGED_FIELDS = ["title", "slug", "status", "published_at", "series", "excerpt", "body", "author_note",
                 "image_alt", "image_credit", "image_credit_url", "image_licence"]
PRESENCE_SECONDS = 120  # an open form counts as "editing" this long after its last page view or autosave
VERSIONS_SEARCHED = 50


def version_token(article):
    """The version a form was opened on: the article's last save time (never repeats, unlike a counter)."""
    return article.updated_at.isoformat() if article is not None and article.pk and article.updated_at else ""


def comparable(name, value):
    """A field's value as a reader would compare it: sanitised HTML, blanks squeezed, objects by id,
    moments in UTC to the second."""
    value = getattr(value, "pk", value)
    if name == "body":
        value = readable_html(value or "")
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):  # the form shows whole seconds in the site's zone
        return value.astimezone(dt_timezone.utc).replace(microsecond=0).isoformat()
    return " ".join(str(value).split())


def digest(name, value):
    return hashlib.blake2s(comparable(name, value).encode(), digest_size=4).hexdigest()


def stored_value(article, name):
    return getattr(article, "series_id" if name == "series" else name)


def opened_version(article, token):
    """The reversion Version of `article` saved at `token`, or None (reversion keeps milliseconds)."""
    wanted = token[:23]
    for version in revisions.article_versions(article.pk).reverse()[:VERSIONS_SEARCHED]:
        saved = version.field_dict.get("updated_at")
        if saved is not None and saved.isoformat()[:23] == wanted:
            return version
    return None


class VersionCheckedForm(forms.ModelForm):
    """For the article form: refuses a save made on another version than the one stored (`current_version`,
    the article's token unless the admin says otherwise: a restore form is opened on the article as it is).

    Besides the version, the form carries a short digest of each merged field as it was opened, so a
    conflict knows which fields each editor changed even when the opened version left no revision."""

    def __init__(self, *args, current_version=None, check_version=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        self.current_version = current_version or version_token(self.instance)
        self.check_version = check_version
        if self.current_version:
            opened = " ".join(f"{name}:{digest(name, stored_value(self.instance, name))}" for name in MERGED_FIELDS)
            self.fields[VERSION_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput,
                                                         initial=f"{self.current_version} {opened}")

    def opened(self):
        """(version token, {field: digest}) as posted."""
        token, *fields = str(self.data.get(VERSION_FIELD, "")).split()
        return token, dict(field.partition(":")[::2] for field in fields) if token else ("", {})

    def clean(self):
        # Before the article form's own checks, which put the posted status on the instance.
        token, _ = self.opened() if self.data.get(VERSION_FIELD) else ("", {})
        if self.check_version and self.current_version and self.current_version not in (
                token, self.data.get(SEEN_FIELD)):
            self.conflict = self.describe_conflict(self.cleaned_data)
            raise ValidationError(self.conflict["message"], code="conflict")
        return super().clean()

    def describe_conflict(self, cleaned):
        """What changed since the form was opened, and the form's data with the changes it did not touch."""
        article = self.instance  # still as stored: the posted values are put on it only after clean()
        token, opened = self.opened() if self.data.get(VERSION_FIELD) else ("", {})
        base = opened_version(article, token) if token else None
        latest = revisions.article_versions(article.pk).last()
        current = revisions.current_snapshot(article)
        if base is not None:
            changes = revisions.compare_snapshots(revisions.snapshot(base), current)
        else:  # opened on a version that left no revision: what is stored now, for the fields they changed
            changes = [revisions.Change(str(self.fields[name].label), "(as you opened it)",
                                        revisions.display("series_id" if name == "series" else name,
                                                          stored_value(article, name)))
                       for name in MERGED_FIELDS if name in opened and name != "body"
                       and digest(name, stored_value(article, name)) != opened[name]]
            changes += [revisions.Change(label, "(as you opened it)", "; ".join(current[name]) or "—")
                        for name, label in revisions.LIST_FIELDS]
        kept = self.keep_their_changes(cleaned, opened)
        who = latest.revision.user if latest and latest.revision.user else None
        name = (who.get_full_name() or who.get_username()) if who else "Someone"
        when = timezone.localtime(article.updated_at)
        message = (f"{name} saved this article on {date_format(when, 'DATETIME_FORMAT')} {when.tzname()}, after you "
                   f"opened it: nothing was saved. Their changes are listed above; your text is still in the form. "
                   f"Check it, then “Save my version anyway”.")
        return {"message": message, "changes": changes, "kept": kept, "version": self.current_version,
                "known_base": base is not None}

    def keep_their_changes(self, cleaned, opened):
        """Fields this editor left as they opened them take the stored value; returns their labels."""
        data, kept = self.data.copy(), []
        for name in MERGED_FIELDS:
            if name not in self.fields or name not in cleaned or name not in opened:
                continue
            stored = stored_value(self.instance, name)
            if digest(name, cleaned[name]) == opened[name] and digest(name, stored) != opened[name]:
                self.put(data, name, stored)
                kept.append(str(self.fields[name].label))
        self.data = data
        return kept

    def put(self, data, name, value):
        widget = self.fields[name].widget
        if isinstance(widget, forms.MultiWidget):
            parts = widget.decompress(timezone.localtime(value) if value else None)
            for i, part in enumerate(parts):
                data[f"{name}_{i}"] = widget.widgets[i].format_value(part) or ""
        else:
            data[name] = "" if value is None else str(value)


class VersionCheckedArticleForm(VersionCheckedForm, ArticleForm):
    """The article form, refusing a save made on an older version."""


class ArticleVersionsMixin:
    """For ArticleAdmin: the version the form was opened on, the conflict panel, and who else is editing."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        opened = getattr(request, "article_version", None)
        # A preview writes nothing (it is rolled back): it shows a form opened on any version. A deleted
        # article being recovered has no other editor.
        check = not (request.resolver_match and request.resolver_match.url_name.endswith(("_preview", "_recover")))
        return partial(form_class, current_version=opened, check_version=check)

    def get_object(self, request, object_id, from_field=None):
        # Lock the row a change form is saved over until the save commits (the change view is atomic), so
        # the version checked is the version overwritten. Only within a transaction: elsewhere it would fail.
        request.lock_article = request.method == "POST" and connection.in_atomic_block
        try:
            return super().get_object(request, object_id, from_field)
        finally:
            request.lock_article = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.select_for_update(of=("self",)) if getattr(request, "lock_article", False) else queryset

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # reversion writes the restored row before the form is built: check the form against the article
        # as it was before, or a restore form would always pass (or always be refused).
        obj = self.get_object(request, unquote(object_id))
        request.article_version = version_token(obj)
        return super().revision_view(request, object_id, version_id, extra_context)

    def versions_context(self, request, obj, form):
        if obj is None or not obj.pk:
            return {}
        if request.method == "GET":
            self.note_editing(request, obj)
        return {"edit_conflict": getattr(form, "conflict", None), "also_editing": self.others_editing(request, obj),
                "seen_version_field": SEEN_FIELD}

    # Who else has the article open: one short-lived cache entry per article, refreshed by page views and
    # the autosave. Best effort: two editors opening at the same instant may miss each other for a minute.

    def presence_key(self, obj):
        return f"article-editors:{obj.pk}"

    def note_editing(self, request, obj):
        now = time.time()
        editors = {pk: seen for pk, seen in cache.get(self.presence_key(obj), {}).items()
                   if seen[1] > now - PRESENCE_SECONDS}
        editors[request.user.pk] = (request.user.get_full_name() or request.user.get_username(), now)
        cache.set(self.presence_key(obj), editors, PRESENCE_SECONDS)

    def stop_editing(self, request, obj):
        editors = cache.get(self.presence_key(obj), {})
        if editors.pop(request.user.pk, None) is not None:
            cache.set(self.presence_key(obj), editors, PRESENCE_SECONDS)

    def others_editing(self, request, obj):
        since = time.time() - PRESENCE_SECONDS
        return sorted(name for pk, (name, seen) in cache.get(self.presence_key(obj), {}).items()
                      if pk != request.user.pk and seen > since)
