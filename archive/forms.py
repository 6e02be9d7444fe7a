"""Site-wide forms."""
from django import forms


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "you@example.org"}))
    name = forms.CharField(label="Name (optional)", max_length=200, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
