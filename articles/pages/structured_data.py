"""schema.org JSON-LD for the article page, as a data block that is safe inside <script>."""
import html
import json
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place", "topic": "Thing"}
# The escapes django.utils.html.json_script uses: nothing in the data can close the <script>.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
# The sanitised body writes every attribute in double quotes (nh3).
BODY_PICTURE = re.compile(r'<img\b[^>]*?\ssrc="(?P<src>[^"]+)"')


def json_ld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def entity_thing(entity, absolute):
    thing = {"@type": SCHEMA_TYPES.get(entity.kind, "Thing"), "name": entity.name,
             "url": absolute(entity.get_absolute_url())}
    if entity.wikidata_id:
        thing["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata_id}"
    return thing


def article_picture(article):
    """The article's picture for crawlers: its lead picture, else the first picture of its body; None without."""
    if article.image:
        return article.image.url
    match = BODY_PICTURE.search(article.body)
    return html.unescape(match.group("src")) if match else None


def blog_posting(article, absolute, logo_url, site_url, image_url=None):
    """A BlogPosting: main-subject entities are what it is `about`, the rest what it `mentions`. The
    publisher's logo is the site's (`logo_url`), never the article's picture; `image` is the article's
    picture (article_picture()), else the logo."""
    publisher = {"@type": "Organization", "name": settings.SITE_PUBLISHER, "url": site_url,
                 "logo": {"@type": "ImageObject", "url": absolute(logo_url)}}
    authors = [{"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
               for author in article.authors.all()]
    links = list(article.entity_links.all())  # the view prefetches them with their tags
    category = article.primary_category
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title,
        "description": article.excerpt,
        "url": absolute(article.get_absolute_url()),
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "datePublished": article.published_iso,  # "2020-04" for a month-only date
        "dateModified": max(article.last_modified, article.published_at),
        "author": authors or publisher,
        "publisher": publisher,
        "image": absolute(image_url or logo_url),
        "isPartOf": {"@type": "Blog", "name": "The Peninsula", "url": site_url},
        "wordCount": article.word_count,
        "about": [entity_thing(link.tag, absolute) for link in links if link.is_main],
        "mentions": [entity_thing(link.tag, absolute) for link in links if not link.is_main],
    }
    if category:
        data["articleSection"] = category.name
    return data
