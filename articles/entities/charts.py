"""A server-rendered bar chart of articles per year: geometry computed here, drawn by a template."""
from dataclasses import dataclass

WIDTH, HEIGHT, LABEL_SPACE, TOP_SPACE = 600, 160, 20, 14


@dataclass
class Bar:
    year: int
    count: int
    x: float
    y: float
    width: float
    height: float

    @property
    def label_x(self):
        return self.x + self.width / 2


def year_chart(counts):
    """{year: count} -> dict(bars, years with zero filled in, width, height, peak) for the SVG template."""
    if not counts:
        return None
    first, last = min(counts), max(counts)
    years = list(range(first, last + 1))
    peak = max(counts.values())
    slot = WIDTH / len(years)
    plot = HEIGHT - LABEL_SPACE - TOP_SPACE
    label_every = max(1, round(len(years) / 12))
    bars = []
    for i, year in enumerate(years):
        count = counts.get(year, 0)
        height = plot * count / peak
        bars.append(Bar(year, count, round(i * slot + slot * 0.1, 1), round(TOP_SPACE + plot - height, 1),
                        round(slot * 0.8, 1), round(height, 1)))
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "peak": peak, "baseline": HEIGHT - LABEL_SPACE,
            "labelled": {bar.year for i, bar in enumerate(bars) if i % label_every == 0 or i == len(bars) - 1},
            "total": sum(counts.values()), "first": first, "last": last}
