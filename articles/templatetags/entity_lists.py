"""{% entity_items entities %}: the <li> links of /tags/, built in Python because the page lists
every entity (thousands), where a template loop and a reverse() per entity cost most of the render."""
from functools import lru_cache
from html import escape

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.safestring import mark_safe

register = template.Library()


@lru_cache(maxsize=50_000)
def entity_path(slug, script_prefix):
    """Entity.get_absolute_url() without resolving the same slug again (`script_prefix` is part of the key)."""
    return reverse("articles:tag", kwargs={"slug": slug})


@register.simple_tag
def entity_items(entities):
    """<li><a href="URL">name</a> <span class="count">(n)</span></li> for each entity, every value escaped
    (the standard library's escape, which turns the same five characters into the same entities as Django's)."""
    prefix = get_script_prefix()
    return mark_safe("".join(
        f'<li><a href="{escape(entity_path(e.slug, prefix))}">{escape(e.name)}</a> '
        f'<span class="count">({int(e.article_count)})</span></li>'
        for e in entities))
