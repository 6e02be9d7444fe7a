"""Root URLs of the Peninsula archive."""
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from . import health, views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="articles:index", permanent=False)),
    path("admin/", admin.site.urls),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    path("", include("articles.urls")),
]
