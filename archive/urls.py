"""Root URLs of the Peninsula archive."""
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.pages import views as article_views
from articles.pages.sitemaps import SITEMAPS

from . import health, views

urlpatterns = [
    path("", article_views.home, name="home"),
    path("admin/", admin.site.urls),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", views.confirm_subscription, name="subscribe_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("healthz", health.healthz, name="healthz"),
    path("", include("articles.urls")),
]
