"""How long paragraph treatment takes on crafted posts, at one and at two sizes (linear: about twice).

    .venv/bin/python bench/autop.py        (make bench-autop)
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.importers.autop import autop  # noqa: E402

CASES = {
    "unclosed comment openers": "<!-- x ",
    "unclosed pre tags": "<pre>a\n",
    "block tags without >": "<div a ",
    "plain paragraphs": "Hello world.\n\n",
}


def seconds(text):
    start = time.perf_counter()
    autop(text)
    return time.perf_counter() - start


if __name__ == "__main__":
    for name, unit in CASES.items():
        small = unit * (160_000 // len(unit))
        one, two = seconds(small), seconds(small * 2)
        print(f"{name:26} {len(small) / 1000:5.0f} KB {one * 1000:8.1f} ms | "
              f"{len(small) * 2 / 1000:5.0f} KB {two * 1000:8.1f} ms | ratio {two / one:4.1f}")
