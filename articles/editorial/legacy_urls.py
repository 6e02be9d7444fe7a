"""Old paths that keep working: a published article's earlier slugs answer 301 to it.

The redirects themselves are served by archive/middleware.py from the LegacyURL rows kept here.
"""
from ..models import Article, LegacyURL

PUBLISHED = Article.Status.PUBLISHED


def remember_old_url(sender, instance, raw=False, **kwargs):
    """pre_save: when a published article's slug changes, its old URL becomes a LegacyURL (301)."""
    if raw or instance.pk is None:
        return
    if hasattr(instance, "_stored_before"):  # read by receivers.listed_before, just before this
        old = instance.__dict__.pop("_stored_before")
    else:
        old = Article.objects.filter(pk=instance.pk).values("slug", "status").first()
    if old is None or old["slug"] == instance.slug or old["status"] != PUBLISHED:
        return
    redirect_paths(instance, [Article(slug=old["slug"]).get_absolute_url()])


def redirect_paths(article, paths):
    """Each of these paths that is not the article's own now redirects to it (301). The article
    answers at its own path, so a legacy row for that one would be stale and is dropped."""
    own = article.get_absolute_url()
    for path in paths:
        if path != own:
            LegacyURL.objects.update_or_create(path=path, defaults={"article_id": article.pk})
    LegacyURL.objects.filter(path=own).delete()


def known_paths(article):
    """Every path readers may know the article by: its own while published, and its legacy URLs."""
    paths = list(article.legacy_urls.values_list("path", flat=True))
    if article.status == PUBLISHED:
        paths.append(article.get_absolute_url())
    return paths


def keep_known_paths(article_id, paths):
    """After restoring a revision: each of these paths that is no longer the article's own redirects
    to it. Reverting writes the old slug and legacy rows directly, so remember_old_url never sees the
    change, and the revision's legacy rows replace newer ones."""
    article = Article.objects.filter(pk=article_id).first()
    if article is not None:
        redirect_paths(article, paths)
