"""What an import did: the outcome of each post, the summary line, and --dry-run's field-by-field lines."""
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

CREATED, UPDATED, UNCHANGED, KEPT = "created", "updated", "unchanged", "kept"
NAMED_IN_SUMMARY = 5  # the kept articles and new slugs a summary names, before "and N more"


@dataclass
class ImportReport:
    """What one import did, for the summary line and for tests."""

    outcomes: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    not_imported: Counter = field(default_factory=Counter)
    new: Counter = field(default_factory=Counter)
    written_pks: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # titles of the articles changed here that the import left alone
    renamed: list = field(default_factory=list)  # (slug, the slug given instead) for new articles whose slug was taken
    claimed: int = 0  # articles imported before sources were recorded, recognised as this source's

    def summary(self):
        parts = [f"{self.outcomes[CREATED]} created, {self.outcomes[UPDATED]} updated, "
                 f"{self.outcomes[UNCHANGED]} unchanged, {sum(self.skipped.values())} skipped"]
        if self.skipped:
            parts[0] += " (" + ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items())) + ")"
        if self.kept:
            parts.append(f"kept: {len(self.kept)} changed here since the last import ("
                         + named(f"“{title}”" for title in self.kept) + "; --overwrite replaces them)")
        if self.renamed:
            parts.append(f"new slugs: {len(self.renamed)} taken by other articles ("
                         + named(f"{old} → {new}" for old, new in self.renamed) + ")")
        if self.claimed:
            parts.append(f"claimed: {self.claimed} imported before sources were recorded")
        if self.not_imported:
            parts.append("not imported: " + ", ".join(f"{n} {kind}" for kind, n in sorted(self.not_imported.items())))
        parts.append(f"new: {self.new['authors']} authors, {self.new['categories']} categories, "
                     f"{self.new['entities']} entities" + (f", {self.new['series']} series" if self.new["series"] else ""))
        return "; ".join(parts)


def named(items):
    items = list(items)
    more = len(items) - NAMED_IN_SUMMARY
    return ", ".join(items[:NAMED_IN_SUMMARY]) + (f" and {more} more" if more > 0 else "")


def describe(outcome, article, is_new):
    """Field-by-field lines for --dry-run; `is_new(obj)`: whether this import created that author, category..."""
    if outcome == KEPT:
        return [f"would keep article “{article.title}” as it is: changed here since the last import"]

    def names(objects):
        return ", ".join(f"{o.name} (new)" if is_new(o) else o.name for o in objects) or "—"

    when = timezone.localtime(article.published_at).strftime("%B %-d, %Y %H:%M %Z") if article.published_at else "—"
    lines = [
        f"would {outcome[:-1] if outcome.endswith('d') else outcome} article “{article.title}”",
        f"  title: {article.title}",
        f"  slug: {article.slug}",
        f"  status: {article.status}",
        f"  published_at: {when}",
        f"  authors: {names(article.authors.order_by('article_authors__position'))}",
        f"  categories: {names(article.categories.order_by('article_categories__position'))}",
        f"  series: {names([article.series] if article.series else [])}",
        f"  entities: {names(article.entities.all())}",
        f"  excerpt: {article.excerpt}",
        f"  author_note: {article.author_note or '—'}",
        f"  image_credit: {article.image_credit or '—'}",
        f"  body: {article.body.count('<p>')} paragraphs, {article.word_count} words",
    ]
    if article.wp_id:
        lines.append(f"  wp_id: {article.wp_id}")
    lines += [f"  legacy URL: {path}" for path in article.legacy_urls.values_list("path", flat=True)]
    return lines
