"""Follow by email: the follow form, the confirmation link, the manage page and one-click unsubscribe."""
from django.apps import apps
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from archive.mailing_list import BadLink, SendFailed
from archive.origin_check import same_origin_post
from archive.rate_limits import client_ip
from archive.views import SEND_FAILED_MESSAGE, TOO_MANY_MESSAGE

from . import links, signup
from .forms import ChangeFollowForm, FollowForm
from .models import TARGET_FIELDS

FOLLOWED_MESSAGE = ("Thank you. We have sent that address an email: if it is new to us, follow its link to "
                    "confirm it; if not, it tells you how to manage what you follow.")


def invalid_link(request, error):
    return render(request, "articles/follows/link_invalid.html", {"expired": error.expired}, status=400)


@never_cache
@same_origin_post  # no CSRF token: the follow box sits on pages a CDN keeps for everyone
@require_http_methods(["GET", "HEAD", "POST"])
def follow(request, kind, slug):
    """The follow box's target (also a page of its own, for the form's errors); same answer for every address."""
    if kind not in TARGET_FIELDS:
        raise Http404("Nothing of that kind to follow.")
    target = get_object_or_404(apps.get_model("articles", TARGET_FIELDS[kind]), slug=slug)
    form = FollowForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if signup.IP_LIMIT.hit(client_ip(request)) > signup.IP_LIMIT.limit:
            form.add_error(None, TOO_MANY_MESSAGE)
            status = 429
        elif form.is_valid():
            try:
                if not form.is_bot:
                    signup.request_follow(form.cleaned_data["email"], kind, target, form.cleaned_data["frequency"])
            except SendFailed:
                form.add_error(None, SEND_FAILED_MESSAGE)
                status = 503
            else:
                messages.success(request, FOLLOWED_MESSAGE)
                return redirect(request.path)
        else:
            status = 400
    return render(request, "articles/follows/follow.html", {"form": form, "target": target}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button (mail scanners open links and must not confirm anyone); POST confirms."""
    try:
        subscriber = links.subscriber_for(token, links.CONFIRM_SALT, max_age=links.CONFIRM_MAX_AGE)
    except BadLink as error:
        return invalid_link(request, error)
    if request.method == "POST":
        signup.confirm(subscriber)
        return redirect(links.manage_url(subscriber))
    return render(request, "articles/follows/confirm.html", {"subscriber": subscriber})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """An address's follows, each with pause/resume, drop and its frequency; reached by a signed link."""
    try:
        subscriber = links.subscriber_for(token, links.MANAGE_SALT)
    except BadLink as error:
        return invalid_link(request, error)
    form = ChangeFollowForm(subscriber, request.POST or None)
    if request.method == "POST" and form.is_valid():
        messages.success(request, form.save())
        return redirect(request.path)
    follows = subscriber.follows.with_targets()
    return render(request, "articles/follows/manage.html",
                  {"subscriber": subscriber, "follows": follows, "frequencies": ChangeFollowForm.base_fields["frequency"].choices,
                   "unsubscribe_url": links.unsubscribe_url(subscriber)}, status=400 if form.errors else 200)


@never_cache
@csrf_exempt  # only for RFC 8058's one-click POST: the page's own button is checked by csrf_protect below
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """Stop every follow of the address. A mail client's one-click POST ("List-Unsubscribe=One-Click")
    carries no CSRF token, the signed link being the proof; the page's own button must carry one."""
    if request.method == "POST" and request.POST.get("List-Unsubscribe") != "One-Click":
        return csrf_protect(unsubscribe_page)(request, token)
    return unsubscribe_page(request, token)


def unsubscribe_page(request, token):
    try:
        subscriber = links.subscriber_for(token, links.UNSUBSCRIBE_SALT)
    except BadLink as error:
        return invalid_link(request, error)
    if request.method == "POST":
        subscriber.follows.all().delete()
    return render(request, "articles/follows/unsubscribe.html",
                  {"subscriber": subscriber, "done": request.method == "POST",
                   "follows": subscriber.follows.with_targets()})
