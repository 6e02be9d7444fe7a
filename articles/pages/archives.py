"""The year and month archives that have public articles: the index's "Archives" list and the sitemap's
"archives" section. A year whose number a published article has as its slug keeps its archive at
/the-peninsula/archive/YYYY/ (views.YearOrArticleView), so each entry's URL is the one that answers 200."""
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from ..models import Article


@dataclass(frozen=True)
class MonthEntry:
    month: date  # the first of the month
    count: int
    url: str


@dataclass(frozen=True)
class YearEntry:
    year: int
    count: int
    url: str
    months: tuple  # of MonthEntry, oldest first


def year_url(year, claimed):
    return reverse("articles:archive_year_claimed" if str(year) in claimed else "articles:archive_year", args=[year])


def archive_years():
    """YearEntry for each year with public articles, newest first: two queries."""
    published = Article.objects.published()
    counts = published.count_by_month()
    years = sorted({year for year, _ in counts}, reverse=True)
    claimed = set(published.filter(slug__in=[str(year) for year in years]).values_list("slug", flat=True))
    return [YearEntry(
        year=year, count=sum(n for (y, _), n in counts.items() if y == year), url=year_url(year, claimed),
        months=tuple(MonthEntry(date(year, month, 1), n, reverse("articles:archive_month", args=[year, f"{month:02d}"]))
                     for (y, month), n in sorted(counts.items()) if y == year))
        for year in years]
