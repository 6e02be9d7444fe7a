"""Site-wide pages: the mailing list (double opt-in) and robots.txt."""
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from . import mailing_list
from .origin_check import same_origin_post
from .public_origin import absolute
from .forms import SubscribeForm
from .rate_limits import client_ip

SUBSCRIBED_MESSAGE = ("Thank you. If that address is not on our list yet, we have sent it an email: "
                      "follow its link to confirm your subscription.")
SEND_FAILED_MESSAGE = "We could not send the confirmation email just now. Please try again in a few minutes."
TOO_MANY_MESSAGE = "Too many sign-up attempts from your network. Please try again in an hour."


# Every mailing-list page may show a subscriber's address: no cache, shared or private, may keep it
# (never_cache sends "Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private").
@never_cache
@same_origin_post  # no CSRF token: the sign-up box sits on pages a CDN keeps for everyone
def subscribe(request):
    """Ask for a subscription; the answer is the same whether the address is new, pending or active."""
    form = SubscribeForm(request.POST or None, initial={"source_page": urlsplit(request.META.get("HTTP_REFERER", "")).path})
    if request.method == "POST":
        ip_address = client_ip(request)
        if mailing_list.IP_LIMIT.hit(ip_address) > mailing_list.IP_LIMIT.limit:
            form.add_error(None, TOO_MANY_MESSAGE)
            return render(request, "archive/subscribe.html", {"form": form}, status=429)
        if form.is_valid():
            if not form.is_bot:
                try:
                    mailing_list.request_subscription(
                        form.cleaned_data["email"], form.cleaned_data["name"],
                        form.cleaned_data["source_page"], ip_address)
                except mailing_list.SendFailed:
                    form.add_error(None, SEND_FAILED_MESSAGE)
                    return render(request, "archive/subscribe.html", {"form": form}, status=503)
            messages.success(request, SUBSCRIBED_MESSAGE)
            return redirect("subscribe")
    return render(request, "archive/subscribe.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_subscription(request, token):
    """GET shows a button (mail scanners prefetch links and must not confirm anyone); POST confirms."""
    try:
        subscriber = (mailing_list.confirm(token) if request.method == "POST"
                      else mailing_list.subscriber_to_confirm(token))
    except mailing_list.BadLink as error:
        return render(request, "archive/subscription_link_invalid.html", {"expired": error.expired}, status=400)
    return render(request, "archive/subscription_confirmed.html",
                  {"subscriber": subscriber, "done": request.method == "POST" or subscriber.status == "active"})


@never_cache
@csrf_exempt  # only for RFC 8058's one-click POST: the page's own button is checked by csrf_protect below
def unsubscribe(request, token):
    """GET shows a button (link scanners must not unsubscribe anyone); POST unsubscribes.

    A mail client's RFC 8058 one-click POST ("List-Unsubscribe=One-Click") carries no CSRF token, the
    signed link being the proof; any other POST is the page's form and must carry its token."""
    if request.method == "POST" and request.POST.get("List-Unsubscribe") != "One-Click":
        return csrf_protect(unsubscribe_page)(request, token)
    return unsubscribe_page(request, token)


def unsubscribe_page(request, token):
    try:
        subscriber = (mailing_list.unsubscribe(token) if request.method == "POST"
                      else mailing_list.subscriber_for(token, mailing_list.UNSUBSCRIBE_SALT))
    except mailing_list.BadLink:
        return render(request, "archive/subscription_link_invalid.html", {"expired": False}, status=400)
    return render(request, "archive/unsubscribe.html",
                  {"subscriber": subscriber, "done": request.method == "POST" or subscriber.status == "unsubscribed"})


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /preview/", "Disallow: /search/", "",
             f"Sitemap: {absolute(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
@cache_control(public=True, max_age=24 * 3600)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page's <link rel="icon"> says."""
    return FileResponse(open(finders.find("img/favicon.ico"), "rb"), content_type="image/x-icon")
