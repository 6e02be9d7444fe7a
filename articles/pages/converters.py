"""Path converters of the public URLs: which /the-peninsula/<segment>/ is a year and which an article.

Articles live at /the-peninsula/<slug>/ for any slug the slug rule allows, all-digit ones included
(WordPress gives them: "Lego Turing Machine" is `431`). Only a year the date rule allows (1900–2100)
can be a year archive, and only while no published article has it as its slug: the index, feeds and
sitemap link that article there, so it wins, and its year's archive is at /the-peninsula/archive/YYYY/
(pages/views.py, YearOrArticleView).
"""


class YearConverter:
    """A four-digit year within the date rule (articles/dates.py)."""

    regex = "19[0-9]{2}|20[0-9]{2}|2100"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"
