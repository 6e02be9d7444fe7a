"""Site-wide forms."""
from django import forms

from .models import Subscriber, normalize_email, validate_plain_name


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "you@example.org"}))
    name = forms.CharField(label="Name (optional)", max_length=200, required=False, validators=[validate_plain_name],
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    # A honeypot: hidden from people by CSS, filled in by scripts that fill in every field.
    # No max_length: a long value must get a bot the usual answer, not a re-displayed form.
    website = forms.CharField(label="Leave this field empty", required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    source_page = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])

    def clean_source_page(self):
        # Only a path on this site is worth keeping; anything else is dropped, not an error.
        # A path longer than the column is cut to fit (a hidden field's error would be invisible).
        path = self.cleaned_data["source_page"].strip()
        max_length = Subscriber._meta.get_field("source_page").max_length
        return path[:max_length] if path.startswith("/") and not path.startswith("//") else ""

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))
