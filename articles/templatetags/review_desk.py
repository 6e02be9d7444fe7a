"""The admin dashboard's review desk: what waits for an editor, and what is about to go out."""
from django import template

from ..editorial import workflow
from ..models import Article, Proposal

register = template.Library()
SHOWN = 10


@register.inclusion_tag("admin/articles/review_desk.html", takes_context=True)
def review_desk(context):
    """Articles in review (oldest submission first) and scheduled (soonest first), with counts, and those
    whose review email could not be sent; a contributor sees their own."""
    user = context["request"].user
    articles = workflow.editable_by(Article.objects.select_related("submitted_by"), user)
    in_review = articles.filter(workflow.STATES["review"].q()).order_by("submitted_at", "pk")
    scheduled = articles.filter(workflow.STATES["scheduled"].q()).order_by("published_at", "pk")
    return {"in_review": list(in_review[:SHOWN]), "in_review_count": in_review.count(),
            "scheduled": list(scheduled[:SHOWN]), "scheduled_count": scheduled.count(), "shown": SHOWN,
            "unsent": list(articles.filter(unsent_email__isnull=False).select_related("unsent_email")
                           .order_by("-unsent_email__failed_at", "pk")[:SHOWN]),
            "no_alt_count": articles.filter(pictures_without_alt__gt=0).count(),
            "proposal_count": Proposal.objects.count() if workflow.is_editor(user) else None}
