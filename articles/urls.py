from django.urls import path, re_path, register_converter

from .citations import views as citations
from .editorial import previews
from .pages import feeds, views
from .pages.converters import YearConverter

app_name = "articles"
register_converter(YearConverter, "year")

urlpatterns = [
    path("the-peninsula/", views.IndexView.as_view(), name="index"),
    path("the-peninsula/<year:year>/", views.YearOrArticleView.as_view(), name="archive_year"),
    path("the-peninsula/archive/<year:year>/", views.ClaimedYearArchiveView.as_view(), name="archive_year_claimed"),
    path("the-peninsula/<year:year>/<int:month>/", views.ArticleMonthArchiveView.as_view(), name="archive_month"),
    path("the-peninsula/<str:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    # No slash at the end, so they never match the article URL, whatever the slug.
    path("the-peninsula/<str:slug>/cite.bib", citations.download, {"extension": "bib"}, name="cite_bib"),
    path("the-peninsula/<str:slug>/cite.ris", citations.download, {"extension": "ris"}, name="cite_ris"),
    path("the-peninsula/<str:slug>/cite.json", citations.download, {"extension": "json"}, name="cite_json"),
    re_path(r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<slug>[^/]+)/$",
            views.OldBlogArticleRedirectView.as_view(), name="old_article"),
    path("category/<str:slug>/", views.CategoryView.as_view(), name="category"),
    path("tag/<str:slug>/", views.EntityView.as_view(), name="tag"),
    path("tag/<str:slug>/page/<int:page>/", views.OldTagPageRedirectView.as_view(), name="old_tag_page"),
    path("tags/", views.EntityIndexView.as_view(), name="tags"),
    path("author/<str:slug>/", views.AuthorView.as_view(), name="author"),
    path("series/<str:slug>/", views.SeriesView.as_view(), name="series"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.ArticleFeed(), name="feed"),
    path("feed/atom/", feeds.ArticleAtomFeed(), name="feed_atom"),
    path("category/<str:slug>/feed/", feeds.CategoryFeed(), name="category_feed"),
    path("category/<str:slug>/feed/atom/", feeds.CategoryAtomFeed(), name="category_feed_atom"),
    path("tag/<str:slug>/feed/", feeds.EntityFeed(), name="tag_feed"),
    path("tag/<str:slug>/feed/atom/", feeds.EntityAtomFeed(), name="tag_feed_atom"),
    path("author/<str:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("author/<str:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_feed_atom"),
    path("series/<str:slug>/feed/", feeds.SeriesFeed(), name="series_feed"),
    path("series/<str:slug>/feed/atom/", feeds.SeriesAtomFeed(), name="series_feed_atom"),
    path("preview/<str:token>/", previews.ArticlePreviewView.as_view(), name="preview"),
]
