"""Drafts on the article admin: pictures uploaded into the body, and the server-side autosave.

The editor posts the whole form every few seconds while it has unsaved changes (one DraftAutosave row
per article and user, replaced each time): title and body, and as JSON (`form`) every other input with
the names its pickers showed. The change form offers to recover a copy newer than the saved article,
and saving the article forgets it. Both views answer JSON to the editor.
"""
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from ..html_limits import check_body
from ..models import DraftAutosave
from .body_editor import BodyImageForm


MAX_INPUTS = 2000  # a form with hundreds of entity rows stays well below
MAX_NAME = 200


def form_inputs(value):
    """Input name -> value (text, a tick, or a list of texts), as the editor's script posts them."""
    if not isinstance(value, dict) or len(value) > MAX_INPUTS:
        return None
    kept = {}
    for name, item in value.items():
        if len(name) > MAX_NAME or name in ("title", "body", "csrfmiddlewaretoken"):
            continue
        if isinstance(item, (str, bool)) or (isinstance(item, list) and all(isinstance(i, str) for i in item)):
            kept[name] = item
        else:
            return None
    return kept


class AutosaveForm(forms.ModelForm):
    """Title and body, plus `form`: JSON {"values": {name: value}, "labels": {name: label}} of the other inputs."""

    form = forms.JSONField(required=False)

    class Meta:
        model = DraftAutosave
        fields = ["title", "body"]

    def clean_form(self):
        posted = self.cleaned_data.get("form") or {}
        values = form_inputs(posted.get("values", {})) if isinstance(posted, dict) else None
        labels = form_inputs(posted.get("labels", {})) if isinstance(posted, dict) else None
        if values is None or labels is None or not all(isinstance(v, str) for v in labels.values()):
            raise forms.ValidationError("The form's inputs were not posted as name: value pairs.")
        return {"values": values, "labels": labels}

    def save(self, commit=True):
        self.instance.fields = self.cleaned_data["form"]["values"]
        self.instance.labels = self.cleaned_data["form"]["labels"]
        return super().save(commit)

    def clean_body(self):
        body = self.cleaned_data["body"]
        check_body(body)  # before save() sanitises it: past the limits the editor hears why
        return body


LARGE_AUTOSAVE = 100_000  # characters: past this, one autosave per user every AUTOSAVE_MIN_SECONDS


def first_error(form):
    return next(iter(form.errors.values()))[0]


class ArticleDraftsMixin:
    """For ArticleAdmin: the body-picture upload, the autosave endpoint and the recovery notice."""

    def get_draft_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path("body-image/", view(require_POST(self.body_image_view)), name="%s_%s_body_image" % info),
            path("<path:object_id>/autosave/", view(require_POST(self.autosave_view)), name="%s_%s_autosave" % info),
        ]

    def body_image_view(self, request):
        """POST (file, alt, caption, credit): store the picture; JSON for the editor to insert, or the error."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        form = BodyImageForm(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse({"error": first_error(form)}, status=400)
        return JsonResponse(form.save(), status=201)

    def autosave_view(self, request, object_id):
        """POST (title, body, form): keep this user's latest unsaved copy of the article; discard=1 forgets it."""
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_change_permission(request, article):
            raise PermissionDenied
        if request.POST.get("discard"):
            DraftAutosave.objects.filter(article=article, user=request.user).delete()
            return JsonResponse({"discarded": True})
        if len(request.POST.get("body", "")) > LARGE_AUTOSAVE and \
                not cache.add(f"autosave-rate:{request.user.pk}", 1, settings.AUTOSAVE_MIN_SECONDS):
            # The editor posts every 15 s: faster is a script, and a large body costs a worker up to a second.
            response = JsonResponse({"error": "Autosaved a moment ago: the next one will keep this."}, status=429)
            response["Retry-After"] = str(settings.AUTOSAVE_MIN_SECONDS)
            return response
        copy = DraftAutosave.objects.filter(article=article, user=request.user).first()
        form = AutosaveForm(request.POST, instance=copy or DraftAutosave(article=article, user=request.user))
        if not form.is_valid():
            return JsonResponse({"error": first_error(form)}, status=400)
        form.instance.saved_at = timezone.now()
        form.save()
        self.note_editing(request, article)  # still at it: "also editing" on others' forms
        return JsonResponse({"saved_at": form.instance.saved_at.isoformat()})

    def forget_autosave(self, request, article):
        DraftAutosave.objects.filter(article=article, user=request.user).delete()

    def drafts_context(self, request, obj):
        """The autosave URL for the editor, and this user's copy when it is newer than the saved article."""
        if obj is None or not obj.pk or not self.has_change_permission(request, obj):
            return {}
        info = self.opts.app_label, self.opts.model_name
        copy = DraftAutosave.objects.filter(article=obj, user=request.user, saved_at__gt=obj.updated_at).first()
        if copy is not None and not copy.differs_from(obj):
            copy = None
        when = timezone.localtime(copy.saved_at) if copy else None
        return {
            "autosave_url": reverse(f"admin:{info[0]}_{info[1]}_autosave", args=[obj.pk]),
            "autosave": copy,
            "autosave_when": f"{date_format(when, 'DATETIME_FORMAT')} {when.tzname()}" if when else "",
            "autosave_fields": copy.recovery() if copy else None,
            "autosave_saved_at": copy.saved_at.isoformat() if copy else "",
        }
