"""The admin's forms: the article form (which knows who posts it), entities, merge and bulk tagging."""
from django import forms
from django.core.exceptions import ValidationError

from ..editorial import workflow
from ..models import Article, Entity
from ..names import name_key

# Inline prefixes and the field that makes a row count, for the "nothing to publish with" warning.
PUBLICATION_PARTS = {"author": ("author_links", "author"), "category": ("category_links", "category"),
                     "entity": ("entity_links", "tag")}


def posted_rows(data, prefix, field):
    """How many inline rows of `prefix` in POST `data` name a `field` value and are not being deleted."""
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", 0))
    except ValueError:
        return 0
    return sum(1 for i in range(min(total, 1000))
               if data.get(f"{prefix}-{i}-{field}") and not data.get(f"{prefix}-{i}-DELETE"))


class ArticleForm(forms.ModelForm):
    """The article form, for one `user` asking for one workflow `action` (a transition name or None).

    Validates the transition against the article as saved, dates, slugs, and warns before publishing
    an article with no author, category or entity."""

    publish_anyway = forms.BooleanField(required=False, label="Publish anyway",
                                        help_text="Publish even without an author, category or entity.")

    class Meta:
        model = Article
        fields = ["title", "slug", "status", "published_at", "series", "excerpt", "body", "author_note",
                  "image", "image_credit", "image_credit_url", "image_licence", "wp_id"]

    def __init__(self, *args, user, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.action = action if action in workflow.TRANSITIONS else None

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        other = Article.objects.filter(slug=slug).exclude(pk=self.instance.pk).first()
        if other is not None:
            raise ValidationError(f"“{other.title}” already uses the slug “{slug}”: choose another "
                                  f"(the slug is the article's web address).", code="unique")
        return slug

    def clean(self):
        cleaned = super().clean()
        target = Article(status=self.instance.status, published_at=self.instance.published_at,
                         created_by_id=self.instance.created_by_id or self.user.pk)
        for name in ("status", "published_at"):
            if name in self.fields and name in cleaned:
                setattr(target, name, cleaned[name])
        if self.action:
            transition = workflow.TRANSITIONS[self.action]
            try:
                # Permission and state are checked against the article as saved, not as posted.
                current = Article(pk=self.instance.pk, title=cleaned.get("title", self.instance.title),
                                  status=self.instance.status, published_at=self.instance.published_at,
                                  created_by_id=target.created_by_id)
                transition.check(current, self.user, when=target.published_at)
            except workflow.TransitionError as error:
                raise ValidationError(str(error)) from None
            transition.apply(target, when=target.published_at)
        if target.status == Article.Status.PUBLISHED:
            if not workflow.is_editor(self.user):
                raise ValidationError("Only an editor can publish or schedule an article.")
            if target.published_at is None:
                self.add_error("published_at" if "published_at" in self.fields else None,
                               "Set a publish date to publish this article, or use “Publish now”.")
            self.warn_if_incomplete()
        cleaned["status"] = self.instance.status = target.status
        cleaned["published_at"] = self.instance.published_at = target.published_at
        return cleaned

    def warn_if_incomplete(self):
        if self.instance.status == Article.Status.PUBLISHED or self.cleaned_data.get("publish_anyway"):
            return
        counts = {name: posted_rows(self.data, *part) for name, part in PUBLICATION_PARTS.items()}
        missing = workflow.missing_for_publication(self.instance, counts)
        if missing:
            self.add_error("publish_anyway", "This article has no " + ", no ".join(missing)
                           + ". Tick “publish anyway” to publish it like this, or add them first.")


class EntityForm(forms.ModelForm):
    """Refuses a second entity whose name differs only by case, accents or punctuation."""

    class Meta:
        model = Entity
        fields = ["name", "slug", "kind", "disambiguator", "aliases", "description", "wikidata_id"]

    def clean(self):
        cleaned = super().clean()
        key = name_key(f"{cleaned.get('name', '')} {cleaned.get('disambiguator', '')}")
        clash = Entity.objects.filter(key=key).exclude(pk=self.instance.pk).first()
        if clash:
            raise forms.ValidationError(
                "“%(name)s” is already an entity (“%(existing)s”): names that differ only in case or accents are "
                "one entity. Add a disambiguator if they are different things, or merge them.",
                code="duplicate_key", params={"name": cleaned.get("name"), "existing": clash},
            )
        return cleaned


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(queryset=Entity.objects.none(), widget=forms.RadioSelect,
                                      label="Keep this entity; merge the others into it")

    def __init__(self, *args, entities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = entities


class BulkEntityForm(forms.Form):
    entity = forms.ModelChoiceField(queryset=Entity.objects.order_by("name"))
    is_main = forms.BooleanField(required=False, label="Mark as a main subject (when adding)")
