"""Share links for the article page: plain URLs to each service's share form.

No script, widget or counter of theirs is loaded (the page's CSP stays strict and readers are not
tracked): a link opens the service's own form with the article's public address (SITE_URL, never the
request's host) and title filled in, and works without JavaScript.
"""
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from archive.public_origin import absolute


@dataclass(frozen=True)
class ShareLink:
    name: str  # shown
    label: str  # its accessible name, which holds what is shown (WCAG 2.5.3, label in name)
    url: str


def share_links(article):
    """The article's share links: email, X, LinkedIn, Facebook, Bluesky."""
    url, title = absolute(article.get_absolute_url()), article.title
    return [
        # RFC 6068: spaces as %20 (not "+"), line breaks as CRLF
        ShareLink("Email", "Share by email",
                  "mailto:?" + urlencode({"subject": title, "body": f"{title}\r\n{url}"}, quote_via=quote)),
        ShareLink("X", "Share on X (Twitter)",
                  "https://x.com/intent/tweet?" + urlencode({"text": title, "url": url})),
        ShareLink("LinkedIn", "Share on LinkedIn",
                  "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ShareLink("Facebook", "Share on Facebook",
                  "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ShareLink("Bluesky", "Share on Bluesky",
                  "https://bsky.app/intent/compose?" + urlencode({"text": f"{title} {url}"})),
    ]
