"""A server-rendered bar chart of articles per year: geometry computed here, drawn by a template."""
import math
from dataclasses import dataclass

WIDTH, HEIGHT, LABEL_SPACE, TOP_SPACE = 600, 160, 20, 14
# On a phone the chart shrinks to about 0.6 of its width and its labels grow to keep 10-11 px (site.css:
# 19 units a year label, 17 a count). A digit is at most 0.65 em wide, so a year takes ~50 units: one
# label every 60 units at least; counts show on a phone only when the widest fits its bar's slot.
YEAR_LABEL_SPACING, PHONE_COUNT_SIZE, DIGIT_EM = 60, 17, 0.65


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
    label_every = math.ceil(YEAR_LABEL_SPACING / slot)
    bars = []
    for i, year in enumerate(years):
        count = counts.get(year, 0)
        height = plot * count / peak
        bars.append(Bar(year, count, round(i * slot + slot * 0.1, 1), round(TOP_SPACE + plot - height, 1),
                        round(slot * 0.8, 1), round(height, 1)))
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "peak": peak, "baseline": HEIGHT - LABEL_SPACE,
            # Counted back from the latest year, which is always labelled.
            "labelled": {bar.year for bar in bars[::-1][::label_every]},
            "dense": slot < len(str(peak)) * DIGIT_EM * PHONE_COUNT_SIZE + 4,
            "total": sum(counts.values()), "first": first, "last": last}
