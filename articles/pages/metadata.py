"""What a page tells crawlers, feed readers and social sites: canonical URL, feeds, OpenGraph."""
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import urlencode

from .structured_data import blog_posting, json_ld_script

BLOG_DESCRIPTION = ("The Peninsula is the blog of the Korea Economic Institute of America: short analysis and "
                    "commentary on the Korean peninsula, its economy, its politics and its place in the world.")
DEFAULT_IMAGE = "img/the-peninsula.png"
# Query parameters that name a different list; everything else (utm_*, fbclid, ...) is noise.
CANONICAL_PARAMS = {"articles:index": ("category", "theme")}
# Pages with feeds of their own: view name -> (context name, feed URL name).
OWN_FEEDS = {
    "articles:category": ("category", "articles:category_feed"),
    "articles:tag": ("entity", "articles:tag_feed"),
    "articles:author": ("author", "articles:author_feed"),
    "articles:series": ("series", "articles:series_feed"),
}


def page_url(base, params, number):
    params = dict(params, **({"page": number} if number > 1 else {}))
    return f"{base}?{urlencode(params)}" if params else base


def feed_links(title, url_name, *args):
    return [{"type": "application/rss+xml", "title": f"{title} (RSS)", "url": reverse(url_name, args=args)},
            {"type": "application/atom+xml", "title": f"{title} (Atom)",
             "url": reverse(f"{url_name}_atom", args=args)}]


def build(context):
    """The page's metadata from its template context, keyed by the view that made it."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    absolute = request.build_absolute_uri if request else (lambda url: url)
    meta = {"title": settings.SITE_NAME, "description": BLOG_DESCRIPTION, "type": "website",
            "image": absolute(static(DEFAULT_IMAGE)), "large_image": False,
            "feeds": feed_links(settings.SITE_NAME, "articles:feed")}

    if match:
        params = {name: request.GET[name] for name in CANONICAL_PARAMS.get(view_name, ()) if request.GET.get(name)}
        page_obj = context.get("page_obj")
        number = page_obj.number if page_obj else 1
        meta["canonical"] = page_url(absolute(request.path), params, number)
        if page_obj and page_obj.has_previous():
            meta["prev"] = page_url(absolute(request.path), params, page_obj.previous_page_number())
        if page_obj and page_obj.has_next():
            meta["next"] = page_url(absolute(request.path), params, page_obj.next_page_number())
        meta["url"] = meta["canonical"]

    if view_name in OWN_FEEDS:
        obj = context.get(OWN_FEEDS[view_name][0])
        if obj is not None:
            meta["title"] = f"{obj.name} – {settings.SITE_NAME}"
            description = getattr(obj, "description", "") or getattr(obj, "bio", "")
            meta["description"] = description or f"Articles of {settings.SITE_NAME} on {obj.name}."
            meta["feeds"] = feed_links(meta["title"], OWN_FEEDS[view_name][1], obj.slug) + meta["feeds"]

    article = context.get("article")
    if view_name == "articles:article_detail" and article is not None:
        image_url = article.image.url if article.image else static(DEFAULT_IMAGE)
        meta.update(title=article.title, description=article.excerpt, type="article",
                    image=absolute(image_url), large_image=bool(article.image), article=article,
                    authors=[absolute(author.get_absolute_url()) for author in article.authors.all()],
                    section=article.primary_category)
        if article.is_public:
            meta["json_ld"] = json_ld_script(
                blog_posting(article, absolute, image_url, absolute(reverse("articles:index"))))
    return meta
