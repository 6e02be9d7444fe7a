"""{% page_meta %}: canonical URL, feed links, OpenGraph/Twitter tags and JSON-LD for base.html."""
from django import template

from articles.pages import metadata

register = template.Library()


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    return {"meta": metadata.build(context), "site_name": "The Peninsula"}
