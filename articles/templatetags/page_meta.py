"""{% page_meta as meta %}: the page's title, description, canonical URL, feeds, OpenGraph and JSON-LD."""
from django import template

from articles.pages import metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    return metadata.build(context)
