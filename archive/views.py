"""Site-wide pages: the mailing-list sign-up and robots.txt."""
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from .forms import SubscribeForm
from .models import Subscriber


def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        Subscriber.objects.get_or_create(
            email=form.cleaned_data["email"].strip(),
            defaults={"name": form.cleaned_data["name"], "source_page": request.META.get("HTTP_REFERER", "")[:500]},
        )
        messages.success(request, "Thank you. Please check your inbox to confirm your subscription.")
        return redirect("subscribe")
    return render(request, "archive/subscribe.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /preview/", "Disallow: /search/"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
