"""What every page shows around its content: search box, Total Index count, mailing-list box."""
from django.utils.functional import SimpleLazyObject

from articles.models import Article

from .forms import SubscribeForm


def site_chrome(request):
    return {
        # Lazy, so pages that never print it (feeds, redirects) never count.
        "total_index": SimpleLazyObject(lambda: Article.objects.published().count()),
        "subscribe_form": SubscribeForm(auto_id="subscribe_box_%s"),
    }
