"""{% cite_this article %}: the article page's "Cite this article" block."""
from django import template
from django.urls import reverse

from articles.caching.values import page_citations

register = template.Library()


@register.inclusion_tag("includes/cite_this.html", takes_context=True)
def cite_this(context, article):
    return {
        "citations": page_citations(context["request"], article),
        "downloads": [(label, reverse(f"articles:cite_{extension}", args=[article.slug]))
                      for extension, label in (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))],
    }
