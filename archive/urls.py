"""Root URLs of the Peninsula archive."""
from django.contrib import admin
from django.urls import include, path

from articles.pages import views as article_views
from articles.pages.sitemaps import SitemapIndexView, SitemapSectionView

from . import health, views
from .media import media_urls

handler500 = "archive.errors.server_error"

urlpatterns = [
    path("", article_views.home, name="home"),
    path("admin/", admin.site.urls),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", views.confirm_subscription, name="subscribe_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", SitemapIndexView.as_view(), name="sitemap"),
    path("sitemap-<slug:section>.xml", SitemapSectionView.as_view(), name="sitemap_section"),
    path("healthz", health.healthz, name="healthz"),
    path("", include("articles.follows.urls")),
    path("", include("articles.urls")),
    *media_urls(),
]
