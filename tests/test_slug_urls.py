"""Slug pages' URLs built around a placeholder are exactly what reverse() gives, whatever the slug
and the script prefix."""
import pytest
from django.urls import reverse, set_script_prefix

from articles.slug_urls import slug_url

VIEWS = ["articles:article_detail", "articles:author", "articles:category", "articles:series", "articles:tag"]


@pytest.mark.parametrize("view_name", VIEWS)
@pytest.mark.parametrize("slug", ["plain-slug_2", "café-à-la-carte", "a b&c?d", "100%", 42])
def test_a_slug_url_is_what_reverse_gives(view_name, slug):
    assert slug_url(view_name, slug) == reverse(view_name, kwargs={"slug": slug})


def test_a_slug_url_follows_the_script_prefix():
    try:
        set_script_prefix("/archive/")
        assert slug_url("articles:author", "ann-lee") == reverse("articles:author", kwargs={"slug": "ann-lee"})
        assert slug_url("articles:author", "ann-lee").startswith("/archive/")
    finally:
        set_script_prefix("/")
