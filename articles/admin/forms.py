"""The admin's forms: the article form (which knows who posts it), entities, merge and bulk tagging."""
import re

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.utils import timezone

from archive.admin_site import LabelledChoiceField

from ..editorial import workflow
from ..html import sanitize_html
from ..images.originals import PictureFormField
from ..html_limits import check_body
from ..importers.autop import BLOCK_TAGS, autop
from ..models import Article, ArticleEntity, Entity, EntityRedirect
from ..names import entity_key, name_key
from .body_editor import BodyEditorWidget

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


def zone_name():
    """The site's time zone as editors read it: “America/New_York, now EST”."""
    return f"{timezone.get_current_timezone_name()}, now {timezone.localtime().tzname()}"


def normalise_text(value):
    """Line endings as LF and no trailing blanks on a line: a browser's textarea posts CRLF."""
    lines = str(value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def same_words(a, b):
    """Equal once runs of whitespace count as one space (what a reader of the text sees)."""
    return " ".join(str(a or "").split()) == " ".join(str(b or "").split())


class PlainTextField(forms.CharField):
    """Plain text whose line endings and trailing blanks are normalised: they alone are not a change."""

    def to_python(self, value):
        return normalise_text(super().to_python(value))

    def has_changed(self, initial, data):
        return not same_words(initial, self.to_python(data))


HAS_BLOCK_TAG = re.compile(rf"</?(?:{BLOCK_TAGS})\b", re.I)
# Blanks next to a block tag never reach the reader: "</p>\n<p> Then" reads as "</p><p>Then". Runs of
# blanks are one space by then, so each blank is read once (a leading "\s*" rescans a long run from
# every position in it: 40,000 spaces took seconds).
BLANKS_AROUND_BLOCK_TAGS = re.compile(
    r" ?(</?(?:p|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tr|th|td|pre|hr|br)\b[^<>]*>) ?")


def readable_html(value):
    """HTML as stored (sanitised), blanks as one space and none that cannot show: for comparing, never storing."""
    return BLANKS_AROUND_BLOCK_TAGS.sub(r"\1", " ".join(sanitize_html(value).split()))


class HTMLTextField(PlainTextField):
    """An HTML body: a change is what a reader would see differ once sanitised. A body past the size or
    nesting limits (settings BODY_MAX_BYTES, BODY_MAX_DEPTH) is refused before it is sanitised."""

    default_validators = [check_body]

    def has_changed(self, initial, data):
        try:
            return not same_words(readable_html(initial), readable_html(self.to_python(data)))
        except ValidationError:
            return True  # past the limits: validation says so


class ArticleForm(forms.ModelForm):
    """The article form, for one `user` asking for one workflow `action` (a transition name or None).

    Validates the transition against the article as saved, dates, slugs, and warns before publishing
    an article with no author, category or entity."""

    publish_anyway = forms.BooleanField(required=False, label="Publish anyway",
                                        help_text="Publish even without an author, category or entity.")
    propose_author = forms.CharField(required=False, max_length=200, label="Propose an author",
                                     help_text="Not in the list? Type the name: an editor adds it to the byline.")
    note_to_author = forms.CharField(required=False, label="Note to the author", widget=forms.Textarea(attrs={"rows": 3}),
                                     help_text="Required to return the article: say what to change. The author "
                                               "sees it on the article and by email.")

    class Meta:
        model = Article
        fields = ["title", "slug", "status", "published_at", "series", "excerpt", "body", "author_note",
                  "image", "image_credit", "image_credit_url", "image_licence", "wp_id"]
        field_classes = {"body": HTMLTextField, "excerpt": PlainTextField, "author_note": PlainTextField,
                         "image": PictureFormField}
        widgets = {"body": BodyEditorWidget}

    def __init__(self, *args, user, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.action = action if action in workflow.TRANSITIONS else None
        if "published_at" in self.fields:
            self.fields["published_at"].help_text = (f"A future date schedules the article. Times are "
                                                     f"{zone_name()}.")
        if "excerpt" in self.fields:
            self.show_derived_excerpt()

    def show_derived_excerpt(self):
        """An empty excerpt box means “derived from the body”: the derived one shows as its placeholder."""
        field = self.fields["excerpt"]
        field.help_text = ("Plain-text card summary and meta description. Leave it empty to use the body's opening "
                           "words (they follow the body as it changes); what you write here stays.")
        if not self.instance.excerpt_is_manual:
            self.initial["excerpt"] = ""
            if self.instance.excerpt:
                field.widget.attrs["placeholder"] = self.instance.excerpt

    def clean_body(self):
        """Plain text (typed, or pasted from a word processor into the text box) keeps its paragraphs:
        blank lines become paragraphs, as WordPress did. A body with block-level HTML is kept as it is."""
        body = self.cleaned_data.get("body", "")
        if body and not HAS_BLOCK_TAG.search(body):
            body = autop(body)
            check_body(body)  # the paragraphs add a level (and bytes): the limits hold for what is saved
        return body

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        other = Article.objects.filter(slug=slug).exclude(pk=self.instance.pk).first()
        if other is not None:
            # Name the other article only to someone who may see it (a contributor may not see others' drafts).
            owner = f"“{other.title}”" if Article.objects.visible_to(self.user).filter(pk=other.pk).exists() \
                else "Another article"
            raise ValidationError(f"{owner} already uses the slug “{slug}”: choose another "
                                  f"(the slug is the article's web address).", code="unique")
        return slug

    def clean(self):
        cleaned = super().clean()
        for name in ("body", "excerpt", "author_note"):
            if self.instance.pk and name in cleaned and name not in self.changed_data:
                cleaned[name] = getattr(self.instance, name)  # keep the stored text when only blanks differ
        if "excerpt" in self.changed_data:  # written (or emptied) by the editor: theirs, or derived again
            self.instance.excerpt_is_manual = bool(cleaned.get("excerpt"))
        target = Article(status=self.instance.status, published_at=self.instance.published_at,
                         created_by_id=self.instance.created_by_id or self.user.pk,
                         submitted_by_id=self.instance.submitted_by_id, submitted_at=self.instance.submitted_at,
                         review_note=self.instance.review_note)
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
            note = cleaned.get("note_to_author", "").strip()
            if self.action == "return" and not note:
                self.add_error("note_to_author", "Write the author a note saying what to change before returning it.")
            transition.apply(target, when=target.published_at, user=self.user, note=note)
            for name in ("submitted_by_id", "submitted_at", "review_note"):
                setattr(self.instance, name, getattr(target, name))
        elif target.status == Article.Status.REVIEW and self.instance.status != Article.Status.REVIEW:
            workflow.TRANSITIONS["submit"].apply(target, user=self.user)  # submitted with the status menu
            self.instance.submitted_by_id, self.instance.submitted_at = target.submitted_by_id, target.submitted_at
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


class NameListField(forms.CharField):
    """A list of names edited one a line (not JSON); blank lines and repeats of a name are dropped."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, (list, tuple)) else value

    def to_python(self, value):
        names, seen = [], set()
        for line in normalise_text(value).split("\n"):
            name = " ".join(line.split())
            if name and name_key(name) not in seen:
                seen.add(name_key(name))
                names.append(name)
        return names

    def has_changed(self, initial, data):
        return self.to_python(self.prepare_value(initial or [])) != self.to_python(data)


class EntityForm(forms.ModelForm):
    """Refuses a second entity whose name differs only by case, accents or punctuation, and a slug
    that an old entity URL redirects from (it belongs to the entity the redirect leads to)."""

    aliases = NameListField(required=False, help_text="Other spellings and metonyms, one a line, e.g. “Pyongyang”.")

    class Meta:
        model = Entity
        fields = ["name", "slug", "kind", "disambiguator", "aliases", "description", "wikidata_id"]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        redirect = EntityRedirect.objects.filter(old_slug=slug).exclude(entity=self.instance.pk).select_related(
            "entity").first()
        if redirect is not None:
            raise ValidationError(f"/tag/{slug}/ is an old address of “{redirect.entity}” and leads there: "
                                  f"choose another slug.", code="redirected")
        return slug

    def clean(self):
        cleaned = super().clean()
        key = entity_key(cleaned.get("name", ""), cleaned.get("disambiguator", ""))
        clash = Entity.objects.filter(key=key).exclude(pk=self.instance.pk).first()
        if clash:
            raise forms.ValidationError(
                "“%(name)s” is already an entity (“%(existing)s”): names that differ only in case or accents are "
                "one entity. Add a disambiguator if they are different things, or merge them.",
                code="duplicate_key", params={"name": cleaned.get("name"), "existing": clash.label},
            )
        return cleaned


class MergeForm(forms.Form):
    survivor = LabelledChoiceField(queryset=Entity.objects.none(), widget=forms.RadioSelect,
                                      label="Keep this entity; merge the others into it")

    def __init__(self, *args, entities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = entities


class BulkEntityForm(forms.Form):
    """One entity to add to or remove from many articles, picked by typing (autocomplete, not a list of thousands)."""

    entity = forms.ModelChoiceField(queryset=Entity.objects.none())  # replaced in __init__ (needs the site)
    is_main = forms.BooleanField(required=False, label="Mark as a main subject (when adding)")

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"] = LabelledChoiceField(
            queryset=Entity.objects.order_by("name"),
            widget=AutocompleteSelect(ArticleEntity._meta.get_field("tag"), admin_site))
