"""What a page tells crawlers, feed readers and social sites: canonical URL, feeds, OpenGraph."""
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode

from archive.public_origin import absolute

from ..citations.page import highwire_tags
from .structured_data import article_picture, blog_posting, json_ld_script

BLOG_DESCRIPTION = ("The Peninsula is the blog of the Korea Economic Institute of America: short analysis and "
                    "commentary on the Korean peninsula, its economy, its politics and its place in the world.")
DEFAULT_IMAGE = "img/the-peninsula.png"
LOGO = "img/logo.png"  # the publisher's logo in JSON-LD: square, as crawlers want it
# Query parameters that name a different list; everything else (utm_*, fbclid, ...) is noise.
CANONICAL_PARAMS = {"articles:index": ("category", "theme")}
# Pages with feeds of their own: view name -> (context name, feed URL name).
# Pages whose name does not depend on what they show, by the template that renders them.
FIXED_PAGE_NAMES = {
    "articles/entity_list.html": ("All topics", "Every person, place, organisation and topic written about in "
                                  "The Peninsula, with how many articles each has."),
    "archive/subscribe.html": ("Subscribe", "Subscribe to The Peninsula's mailing list: an email when new "
                               "analysis of the Korean peninsula is published."),
    "articles/preview_invalid.html": ("Preview link not valid", "This preview link is invalid or has expired."),
    "400.html": ("Bad request", "The request could not be understood."),
    "403.html": ("Forbidden", "You do not have permission to see this page."),
    "403_csrf.html": ("Please try again", "The form could not be sent; please try again."),
    "404.html": ("Page not found", "There is no page at this address on The Peninsula."),
}
# Pages that ask, then act (or say why they cannot), by template: their name follows their heading.
STATE_PAGE_NAMES = {
    "archive/subscription_confirmed.html": ("done", {
        True: ("Subscription confirmed", "Your subscription to The Peninsula's mailing list is confirmed."),
        False: ("Confirm your subscription", "Confirm your subscription to The Peninsula's mailing list."),
    }),
    "archive/unsubscribe.html": ("done", {
        True: ("You are unsubscribed", "You have left The Peninsula's mailing list."),
        False: ("Unsubscribe", "Leave The Peninsula's mailing list."),
    }),
    "archive/subscription_link_invalid.html": ("expired", {
        True: ("Link expired", "This mailing-list link has expired."),
        False: ("Link not valid", "This mailing-list link is not valid."),
    }),
}
OWN_FEEDS = {
    "articles:category": ("category", "articles:category_feed"),
    "articles:tag": ("entity", "articles:tag_feed"),
    "articles:author": ("author", "articles:author_feed"),
    "articles:series": ("series", "articles:series_feed"),
}


# How a parent page names itself (a category and an entity may share a name: "North Korea").
PARENT_NAMES = {"articles:category": "Category: {}", "articles:tag": "Tag Archive: {}"}


def page_url(base, params, number):
    params = dict(params, **({"page": number} if number > 1 else {}))
    return f"{base}?{urlencode(params)}" if params else base


def feed_links(title, url_name, *args):
    return [{"type": "application/rss+xml", "title": f"{title} (RSS)", "url": reverse(url_name, args=args)},
            {"type": "application/atom+xml", "title": f"{title} (Atom)",
             "url": reverse(f"{url_name}_atom", args=args)}]


def document_title(name):
    """The one title rule: the page's name, then the site once; the index is the site itself."""
    return f"{name} | {settings.SITE_NAME}" if name else settings.SITE_NAME


def list_name(view_name, context):
    """The name and description of a list page (the index, its filters, date archives, search)."""
    theme, category = context.get("theme"), context.get("category")
    if view_name == "articles:index" and (theme or category):
        name = theme.name if theme else category.name
        return name, f"Articles of {settings.SITE_NAME} on {name}."
    if view_name in ("articles:archive_year", "articles:archive_year_claimed", "articles:archive_month"):
        period = (date_format(context["month"], "F Y") if context.get("month")
                  else date_format(context["year"], "Y"))
        return f"Archive: {period}", f"Articles of {settings.SITE_NAME} published in {period}."
    if view_name == "articles:search":
        query = context.get("query")
        return ((f"Search: {query}", f"Articles of {settings.SITE_NAME} matching “{query}”.") if query else
                ("Search", f"Search every article of {settings.SITE_NAME} by words, topics and authors."))
    return "", BLOG_DESCRIPTION


def paged(name, page_obj):
    if page_obj is None or page_obj.number == 1:
        return name
    return f"{name}, page {page_obj.number}" if name else f"Page {page_obj.number}"


def fixed_name(template_name, context):
    if template_name in STATE_PAGE_NAMES:
        key, names = STATE_PAGE_NAMES[template_name]
        return names[bool(context.get(key))]
    return FIXED_PAGE_NAMES.get(template_name)


def page_links(request, view_name, page_obj):
    """The page's canonical URL (also og:url) and its previous and next pages', on the public origin."""
    params = {name: request.GET[name] for name in CANONICAL_PARAMS.get(view_name, ()) if request.GET.get(name)}
    here = absolute(request.path)
    links = {"canonical": page_url(here, params, page_obj.number if page_obj else 1)}
    if page_obj and page_obj.has_previous():
        links["prev"] = page_url(here, params, page_obj.previous_page_number())
    if page_obj and page_obj.has_next():
        links["next"] = page_url(here, params, page_obj.next_page_number())
    links["url"] = links["canonical"]
    return links


def build(context):
    """The page's metadata from its template context, keyed by the view that made it. Its absolute URLs
    are on the public origin (SITE_URL), whatever Host or scheme the request came with."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    template = getattr(context, "template", None)
    name, description = fixed_name(getattr(template, "name", None), context) or list_name(view_name, context)
    meta = {"title": name, "description": description, "type": "website", "site_name": settings.SITE_NAME,
            "image": absolute(static(DEFAULT_IMAGE)), "large_image": False,
            "feeds": feed_links(settings.SITE_NAME, "articles:feed")}

    if match:
        meta.update(page_links(request, view_name, context.get("page_obj")))

    if view_name in OWN_FEEDS:
        obj = context.get(OWN_FEEDS[view_name][0])
        if obj is not None:
            meta["title"] = PARENT_NAMES.get(view_name, "{}").format(obj.name)
            description = getattr(obj, "description", "") or getattr(obj, "bio", "")
            meta["description"] = description or f"Articles of {settings.SITE_NAME} on {obj.name}."
            meta["feeds"] = feed_links(f"{obj.name} – {settings.SITE_NAME}", OWN_FEEDS[view_name][1],
                                       obj.slug) + meta["feeds"]

    article = context.get("article")
    if view_name == "articles:article_detail" and article is not None:
        picture = article_picture(article)
        meta.update(title=article.title, description=article.excerpt, type="article",
                    image=absolute(picture or static(DEFAULT_IMAGE)), large_image=bool(article.image),
                    article=article,
                    authors=[absolute(author.get_absolute_url()) for author in article.authors.all()],
                    section=article.primary_category)
        if article.is_public:
            meta["json_ld"] = json_ld_script(
                blog_posting(article, absolute, static(LOGO), absolute(reverse("articles:index")),
                             image_url=picture or static(DEFAULT_IMAGE)))
            meta["citation"] = highwire_tags(article, absolute(article.get_absolute_url()))
    elif context.get("is_preview") and article is not None:  # a token's URL, or the admin's unsaved changes
        meta["title"] = f"Preview: {article.title}"
    meta["title"] = paged(meta["title"], context.get("page_obj"))
    meta["og_title"] = meta["title"] or settings.SITE_NAME
    meta["document_title"] = document_title(meta["title"])
    return meta
