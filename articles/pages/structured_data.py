"""schema.org JSON-LD for the article page, as a data block that is safe inside <script>."""
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place", "topic": "Thing"}
# The escapes django.utils.html.json_script uses: nothing in the data can close the <script>.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def entity_thing(entity, absolute):
    thing = {"@type": SCHEMA_TYPES.get(entity.kind, "Thing"), "name": entity.name,
             "url": absolute(entity.get_absolute_url())}
    if entity.wikidata_id:
        thing["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata_id}"
    return thing


def blog_posting(article, absolute, image_url, site_url):
    """A BlogPosting: main-subject entities are what it is `about`, the rest what it `mentions`."""
    publisher = {"@type": "Organization", "name": settings.SITE_PUBLISHER, "url": site_url,
                 "logo": {"@type": "ImageObject", "url": absolute(image_url)}}
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
        "datePublished": article.published_at,
        "dateModified": article.updated_at,
        "author": authors or publisher,
        "publisher": publisher,
        "image": absolute(image_url),
        "isPartOf": {"@type": "Blog", "name": "The Peninsula", "url": site_url},
        "wordCount": article.word_count,
        "about": [entity_thing(link.tag, absolute) for link in links if link.is_main],
        "mentions": [entity_thing(link.tag, absolute) for link in links if not link.is_main],
    }
    if category:
        data["articleSection"] = category.name
    return data
