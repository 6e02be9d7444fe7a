"""Builders for importer input: a saved Peninsula page's text and a minimal WordPress export."""
from xml.sax.saxutils import escape, quoteattr

PAGE = """Search All Site Content

The Peninsula

{title}

Published {date}
{category_line}
By {byline}

{body}

Return to the Peninsula
"""


def page_text(title, date="February 18, 2015", byline="Matthew Nitkoski", categories=("North Korea",),
              body="North Korea looks abroad for partners."):
    category_line = f"Category: {', '.join(categories)}" if categories else ""
    return PAGE.format(title=title, date=date, byline=byline, category_line=category_line, body=body)


WXR_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
<channel>
<title>The Peninsula</title>
<wp:wxr_version>1.2</wp:wxr_version>
"""


def wxr_item(post_id, title, *, slug="", date="2015-02-18 12:00:00", creator="admin", categories=(), tags=(),
             body="<p>Text.</p>", status="publish"):
    """One <item>; `categories` and `tags` are (nicename, name) pairs."""
    terms = "".join(f"<category domain=\"category\" nicename={quoteattr(n)}>{escape(name)}</category>"
                    for n, name in categories)
    terms += "".join(f"<category domain=\"post_tag\" nicename={quoteattr(n)}>{escape(name)}</category>"
                     for n, name in tags)
    return f"""<item>
<title>{escape(title)}</title>
<dc:creator>{escape(creator)}</dc:creator>
<content:encoded>{escape(body)}</content:encoded>
<wp:post_id>{escape(str(post_id))}</wp:post_id>
<wp:post_date_gmt>{escape(date)}</wp:post_date_gmt>
<wp:post_name>{escape(slug)}</wp:post_name>
<wp:status>{escape(status)}</wp:status>
<wp:post_type>post</wp:post_type>
{terms}
</item>
"""


def wxr(*items, channel=""):
    return WXR_HEAD + channel + "".join(items) + "</channel>\n</rss>\n"
