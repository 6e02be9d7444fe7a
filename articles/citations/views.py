"""/the-peninsula/<slug>/cite.bib, cite.ris, cite.json: a published article's record as a file."""
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from ..models import Article
from .exports import FORMATS
from .record import csl_item


def download(request, slug, extension):
    """Only published() articles: a draft's or a scheduled article's files are 404 like its page."""
    article = get_object_or_404(Article.objects.published().with_byline().select_related("series"), slug=slug)
    citation_format = FORMATS[extension]
    response = HttpResponse(citation_format.write(csl_item(article)), content_type=citation_format.content_type)
    # A slug may be Unicode: the header then carries filename*=utf-8''… as well (RFC 6266).
    response["Content-Disposition"] = content_disposition_header(True, f"{article.slug}.{extension}")
    return response
