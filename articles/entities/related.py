"""Related articles: shared entities weighted by rarity (IDF), plus a little for recency, with reasons."""
import math
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Case, Count, FloatField, Sum, Value, When
from django.utils import timezone

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


def entity_links():
    # From the app registry: models.py calls this module (ArticleQuerySet.related_to), so this
    # module does not import models.py.
    return apps.get_model("articles", "ArticleEntity").objects


def public_links(entity_ids):
    """Links of these entities to published articles."""
    return entity_links().public().filter(tag_id__in=entity_ids)


def rarity_weights(candidates, entity_ids):
    """{entity id: log(N / df)} over published articles (N = how many, df = how many name it)."""
    total = candidates.count()
    df = (public_links(entity_ids)
          .order_by().values("tag_id").annotate(n=Count("pk")).values_list("tag_id", "n"))
    return {pk: math.log((total + 1) / n) for pk, n in df if n}


def recency_bonus(published_at, now):
    age_days = max((now - published_at).total_seconds() / 86400, 0) if published_at else HALF_LIFE_DAYS * 10
    return RECENCY_WEIGHT * 0.5 ** (age_days / HALF_LIFE_DAYS)


def rank_related(candidates, article, links, limit=5):
    """Up to `limit` RelatedArticle from `candidates` for `article` (whose entity links are `links`).

    Only published articles are ranked; `candidates` (normally published()) gives N for the weights.

    Four queries whatever the archive's size: N, rarity weights, the scored pool, the winners with reasons.
    """
    names = {link.tag_id: link.tag.name for link in links}
    if not names:
        return []
    weights = rarity_weights(candidates, list(names))
    if not weights:
        return []
    score = Sum(Case(*[When(tag_id=pk, then=Value(w)) for pk, w in weights.items()],
                     default=Value(0.0), output_field=FloatField()))
    # Start from the links of the article's entities (an indexed, small set), not from every article.
    pool = (public_links(list(weights)).exclude(content_object_id=article.pk)
            .values("content_object_id", "content_object__published_at").annotate(score=score)
            .order_by("-score", "-content_object__published_at", "-content_object_id")
            .values_list("content_object_id", "score", "content_object__published_at")[:POOL])
    now = timezone.now()
    ranked = sorted(((s + recency_bonus(published, now), pk) for pk, s, published in pool), reverse=True)[:limit]
    top = [pk for _, pk in ranked]
    articles, shared = {}, {pk: [] for pk in top}
    # The winners and their shared entities in one query: every winner shares at least one.
    for link in (entity_links().filter(content_object_id__in=top, tag_id__in=list(weights))
                 .select_related("content_object")
                 .only("tag_id", "content_object__title", "content_object__slug", "content_object__published_at")):
        articles[link.content_object_id] = link.content_object
        shared[link.content_object_id].append(link.tag_id)
    return [
        RelatedArticle(articles[pk], [names[t] for t in sorted(shared[pk], key=lambda t: -weights[t])][:REASONS_SHOWN],
                       total)
        for total, pk in ranked if pk in articles
    ]
