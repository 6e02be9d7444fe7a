"""The body's rich-text editor widget (django-prose-editor's Tiptap build) and the picture-upload form it posts.

The widget is a plain <textarea> with a module script that turns it into the editor: without
JavaScript the textarea is the editor, and the form field (HTMLTextField) is the same either way.
Nothing inline: no import map and no injected <style> (static/js/body-editor.js says how).
"""
from django import forms
from django.forms import Script
from django.urls import reverse_lazy

from ..images import store_image
from ..images.originals import PictureFormField

EDITOR_CSS = ["django_prose_editor/material-icons.css", "django_prose_editor/editor.css",
              "django_prose_editor/overrides.css", "css/body-editor.css"]
BODY_IMAGE_FOLDER = "body"


class BodyEditorWidget(forms.Textarea):
    """The article body: a textarea that body-editor.js replaces with the rich-text editor."""

    def __init__(self, attrs=None):
        super().__init__({"rows": 20, "data-body-editor": "", **(attrs or {}),
                          "data-image-upload-url": reverse_lazy("admin:articles_article_body_image")})

    class Media:
        css = {"all": EDITOR_CSS}
        js = [Script("js/body-editor.js", type="module")]


class BodyImageForm(forms.Form):
    """A picture for the body: the file, its required alt text, an optional caption and credit."""

    image = PictureFormField()
    alt = forms.CharField(max_length=300, label="Alt text",
                          error_messages={"required": "Describe the picture: readers who cannot see it hear this "
                                                      "text."})
    caption = forms.CharField(max_length=500, required=False)
    credit = forms.CharField(max_length=200, required=False)

    def clean_alt(self):
        alt = " ".join(self.cleaned_data["alt"].split())
        if not alt:
            raise forms.ValidationError(self.fields["alt"].error_messages["required"], code="required")
        return alt

    def save(self):
        """Store the picture (with its renditions); returns what the editor inserts: the stored file's
        address and size, the alt text and one caption line, “caption — credit”."""
        data = self.cleaned_data
        stored = store_image(data["image"], BODY_IMAGE_FOLDER)
        caption = " — ".join(" ".join(part.split()) for part in (data["caption"], data["credit"]) if part.strip())
        return {"src": stored.url, "width": stored.width, "height": stored.height, "alt": data["alt"],
                "caption": caption}
