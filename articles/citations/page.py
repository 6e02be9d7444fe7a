"""What the article page carries: its citations in every style and its Highwire Press meta tags."""
from django.conf import settings

from .record import byline_names, csl_item, proper_words, publication_date, sentence_case
from .styles import format_citations


def article_citations(article, accessed):
    """[Citation] of `article` in every style; `accessed`, the reader's date, goes into Harvard's."""
    return format_citations(csl_item(article), sentence_case(article.title, proper_words(article)), accessed)


def highwire_tags(article, url):
    """[(name, content)] of the citation_* meta tags Zotero's Embedded Metadata translator and Google
    Scholar read: one citation_author per author in byline order, an organisation as its whole name."""
    tags = [("citation_title", article.title)]
    for name in byline_names(article):
        tags.append(("citation_author", name.get("literal") or f"{name['family']}, {name['given']}"))
    if day := publication_date(article):
        month_only = getattr(article, "date_precision", "day") == "month"
        tags.append(("citation_publication_date", day.strftime("%Y/%m" if month_only else "%Y/%m/%d")))
    # No citation_journal_title: Zotero would take the blog for a journal and the post for a journal article.
    tags += [("citation_public_url", url), ("citation_publisher", settings.SITE_PUBLISHER),
             ("citation_language", "en")]
    return tags
