"""What the search index holds for each article, besides its title and body text."""
from collections import defaultdict

from articles.models import Article, ArticleAuthor, ArticleEntity


def names_by_article(article_ids):
    """{article id: its entities' names and aliases, its authors' names and its series}.

    Three queries whatever the number of articles; these are the index's second-weight column.
    """
    names = defaultdict(list)
    links = ArticleEntity.objects.filter(content_object_id__in=article_ids)
    for article_id, name, aliases in links.values_list("content_object_id", "tag__name", "tag__aliases"):
        names[article_id].append(name)
        names[article_id].extend(alias for alias in aliases or () if isinstance(alias, str))
    bylines = ArticleAuthor.objects.filter(article_id__in=article_ids)
    for article_id, name in bylines.values_list("article_id", "author__name"):
        names[article_id].append(name)
    series = Article.objects.filter(pk__in=article_ids, series__isnull=False)
    for article_id, name in series.values_list("pk", "series__name"):
        names[article_id].append(name)
    return {article_id: " · ".join(values) for article_id, values in names.items()}
