"""The follow box's form and the manage page's one-follow change."""
from django import forms
from django.utils import timezone

from archive.models import normalize_email

from .models import Follow


class FollowForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "you@example.org"}))
    frequency = forms.ChoiceField(label="How often", choices=Follow.Frequency.choices, initial=Follow.Frequency.IMMEDIATE)
    # A honeypot, as on the mailing-list form: hidden by CSS, filled in by scripts.
    website = forms.CharField(label="Leave this field empty", required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))


class ChangeFollowForm(forms.Form):
    """One button on the manage page: pause, resume, drop a follow, or set its frequency."""

    ACTIONS = ("pause", "resume", "drop", "frequency")
    follow = forms.ModelChoiceField(queryset=Follow.objects.none())
    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    frequency = forms.ChoiceField(choices=Follow.Frequency.choices, required=False)

    def __init__(self, subscriber, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow"].queryset = subscriber.follows.all()  # only the link's own address's follows

    def save(self):
        follow, action = self.cleaned_data["follow"], self.cleaned_data["action"]
        if action == "drop":
            follow.delete()
            return f"You no longer follow {follow.target.name}."
        if action == "pause":
            follow.paused = True
        elif action == "resume":
            follow.paused, follow.sent_through = False, timezone.now()  # what came out while paused is not sent
        elif self.cleaned_data["frequency"]:
            follow.frequency = self.cleaned_data["frequency"]
        follow.save(update_fields=["paused", "sent_through", "frequency"])
        return f"Saved: {follow.target.name}, {'paused' if follow.paused else follow.get_frequency_display().lower()}."
