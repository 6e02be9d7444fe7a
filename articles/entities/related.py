"""Related articles: shared entities weighted by rarity (IDF), plus a little for recency, with reasons."""
import math
from dataclasses import dataclass

from django.db.models import Aggregate, Case, CharField, Count, FloatField, Sum, Value, When
from django.utils import timezone

from ..models import Article, ArticleEntity

POOL = 50              # best candidates by shared rarity, re-ranked with recency in Python
RECENCY_WEIGHT = 0.5   # at most half of what one moderately rare shared entity brings
HALF_LIFE_DAYS = 730
REASONS_SHOWN = 3


@dataclass
class RelatedArticle:
    article: object
    shared: list   # entity names, rarest first
    score: float

    @property
    def reason(self):
        return f"also about {', '.join(self.shared)}" if self.shared else ""


class JoinedIds(Aggregate):
    """The grouped rows' ids as one comma-separated string: SQLite's GROUP_CONCAT, PostgreSQL's STRING_AGG."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="STRING_AGG",
                           template="%(function)s((%(expressions)s)::text, ',')", **extra_context)


def public_links(entity_ids=None):
    """Links to published articles (of these entities, if given)."""
    links = ArticleEntity.objects.public()
    return links if entity_ids is None else links.filter(tag_id__in=entity_ids)


def public_link_counts(entity_ids=None):
    """{entity id: how many published articles name it}, for all entities (or these), in one query.

    The rarity weights' document frequencies and the /tags/ counts: kept per content generation."""
    return dict(public_links(entity_ids).order_by().values("tag_id").annotate(n=Count("pk"))
                .values_list("tag_id", "n"))


def rarity_weights(total, counts, entity_ids):
    """{entity id: log(N / df)} over published articles (N = `total`, df from `counts`)."""
    return {pk: math.log((total + 1) / counts[pk]) for pk in entity_ids if counts.get(pk)}


def recency_bonus(published_at, now):
    age_days = max((now - published_at).total_seconds() / 86400, 0) if published_at else HALF_LIFE_DAYS * 10
    return RECENCY_WEIGHT * 0.5 ** (age_days / HALF_LIFE_DAYS)


def rank_related(article, links=None, limit=5, total=None, counts=None):
    """Up to `limit` published articles related to `article`, as RelatedArticle, ranked by shared entities
    (rarer counts more) and recency.

    `links` are the article's entity links with their tags, if already loaded. `total` (how many articles
    are published: N for the weights) and `counts` (public_link_counts()) may come from what the caller
    keeps per generation: then it is one query, the scored pool with titles and shared entities; otherwise
    three (four without `links`).
    """
    links = article.entity_links.select_related("tag") if links is None else links
    names = {link.tag_id: link.tag.name for link in links}
    if not names:
        return []
    if total is None:
        total = Article.objects.published().count()
    if counts is None:
        counts = public_link_counts(list(names))
    weights = rarity_weights(total, counts, names)
    if not weights:
        return []
    score = Sum(Case(*[When(tag_id=pk, then=Value(w)) for pk, w in weights.items()],
                     default=Value(0.0), output_field=FloatField()))
    # Start from the links of the article's entities (an indexed, small set), not from every article.
    pool = (public_links(list(weights)).exclude(content_object_id=article.pk)
            .values("content_object_id", "content_object__published_at", "content_object__title",
                    "content_object__slug")
            .annotate(score=score, shared=JoinedIds("tag_id"))
            .order_by("-score", "-content_object__published_at", "-content_object_id")
            .values_list("content_object_id", "score", "content_object__published_at", "content_object__title",
                         "content_object__slug", "shared")[:POOL])
    now = timezone.now()
    ranked = sorted(((s + recency_bonus(published, now), pk, published, title, slug, shared)
                     for pk, s, published, title, slug, shared in pool), reverse=True)[:limit]
    return [
        RelatedArticle(Article(pk=pk, title=title, slug=slug, published_at=published),
                       [names[t] for t in sorted(map(int, shared.split(",")), key=lambda t: -weights[t])][:REASONS_SHOWN],
                       total_score)
        for total_score, pk, published, title, slug, shared in ranked
    ]
