"""Contributors' proposals: a byline or an entity they need but may not create, approved by an editor.

Approving creates the author or entity (or reuses the one that already answers to the name) and puts
it on the article; declining drops the proposal. Either way the proposal is gone from the queue.
"""
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from ..entities import accept_candidate
from ..models import ArticleAuthor, Author, EntityKind, Proposal
from ..names import name_key


def propose(article, kind, name, user, entity_kind=""):
    """Record a proposal (once per article, kind and name); returns it."""
    name = " ".join(name.split())[:200]
    proposal, _ = Proposal.objects.get_or_create(
        article=article, kind=kind, name=name, defaults={"proposed_by": user, "entity_kind": entity_kind})
    return proposal


def author_named(name):
    """The author already answering to `name` (ignoring case, accents and punctuation), or None."""
    key = name_key(name)
    return next((a for a in Author.objects.filter(name__iexact=name)), None) or next(
        (a for a in Author.objects.only("pk", "name") if name_key(a.name) == key), None)


def free_author_slug(name):
    base = slugify(name, allow_unicode=True)[:190] or "author"
    slug, i = base, 1
    while Author.objects.filter(slug=slug).exists():
        i += 1
        slug = f"{base}-{i}"
    return slug


@transaction.atomic
def approve(proposal):
    """Create (or reuse) what `proposal` names, put it on its article, and drop the proposal. Returns it."""
    article = proposal.article
    if proposal.kind == Proposal.Kind.AUTHOR:
        made = author_named(proposal.name) or Author.objects.create(name=proposal.name,
                                                                    slug=free_author_slug(proposal.name))
        if not article.author_links.filter(author=made).exists():
            last = article.author_links.aggregate(last=Max("position"))["last"]
            ArticleAuthor.objects.create(article=article, author=made, position=0 if last is None else last + 1)
    else:
        made = accept_candidate(article, proposal.name, proposal.entity_kind or EntityKind.TOPIC)
    proposal.delete()
    return made
