"""Related articles: shared entities weighted by rarity (IDF), plus a little for recency, with reasons."""
import math
from dataclasses import dataclass

from django.db.models import Case, Count, FloatField, Q, Sum, Value, When
from django.utils import timezone

from ..models import ArticleEntity

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


def rarity_weights(candidates, entity_ids):
    """{entity id: log(N / df)} over the candidate articles (N = how many, df = how many name it)."""
    counts = candidates.aggregate(
        total=Count("pk", distinct=True),
        **{f"df_{pk}": Count("pk", filter=Q(entity_links__tag_id=pk), distinct=True) for pk in entity_ids},
    )
    total = counts["total"]
    return {pk: math.log((total + 1) / counts[f"df_{pk}"]) for pk in entity_ids if counts[f"df_{pk}"]}


def recency_bonus(published_at, now):
    age_days = max((now - published_at).total_seconds() / 86400, 0) if published_at else HALF_LIFE_DAYS * 10
    return RECENCY_WEIGHT * 0.5 ** (age_days / HALF_LIFE_DAYS)


def rank_related(candidates, article, links, limit=5):
    """Up to `limit` RelatedArticle from `candidates` for `article` (whose entity links are `links`).

    Four queries whatever the archive's size: rarity weights, the scored pool, the winners, their reasons.
    """
    names = {link.tag_id: link.tag.name for link in links}
    if not names:
        return []
    weights = rarity_weights(candidates, list(names))
    if not weights:
        return []
    score = Sum(Case(*[When(entity_links__tag_id=pk, then=Value(w)) for pk, w in weights.items()],
                     default=Value(0.0), output_field=FloatField()))
    pool = (candidates.exclude(pk=article.pk).filter(entity_links__tag_id__in=list(weights))
            .annotate(score=score).order_by("-score", "-published_at", "-pk")
            .values_list("pk", "score", "published_at")[:POOL])
    now = timezone.now()
    ranked = sorted(((s + recency_bonus(published, now), pk) for pk, s, published in pool), reverse=True)[:limit]
    top = [pk for _, pk in ranked]
    articles = candidates.filter(pk__in=top).only("pk", "title", "slug", "published_at").in_bulk()
    shared = {pk: [] for pk in top}
    for article_id, tag_id in (ArticleEntity.objects.filter(content_object_id__in=top, tag_id__in=list(weights))
                               .values_list("content_object_id", "tag_id")):
        shared[article_id].append(tag_id)
    return [
        RelatedArticle(articles[pk], [names[t] for t in sorted(shared[pk], key=lambda t: -weights[t])][:REASONS_SHOWN],
                       total)
        for total, pk in ranked if pk in articles
    ]
