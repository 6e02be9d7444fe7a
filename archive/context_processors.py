"""What every page shows around its content: search box, Total Index count, mailing-list box."""
from django.utils.functional import SimpleLazyObject

from articles.caching.values import public_article_count

from .forms import SubscribeForm


def site_chrome(request):
    return {
        # Lazy, so pages that never print it (feeds, redirects) never count; cached until content
        # changes or the next scheduled article comes out.
        "total_index": SimpleLazyObject(lambda: public_article_count(request)),
        "subscribe_form": SubscribeForm(auto_id="subscribe_box_%s"),
    }
