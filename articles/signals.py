"""Signal receivers that keep derived article data right even for raw (fixture) saves."""
from django.db.models.signals import pre_save
from django.dispatch import Signal, receiver
from django.utils import timezone

from .models import Article


@receiver(pre_save, sender=Article)
def derive_on_raw_save(sender, instance, raw, **kwargs):
    # Article.save() derives fields itself; loaddata skips save(), so sanitise here too.
    if raw:
        instance.derive_fields()
        # auto_now is skipped too: a hand-written fixture need not carry timestamps.
        if instance.updated_at is None:
            instance.updated_at = instance.created_at or timezone.now()


# Sent after bulk writes that bypass save() (make_corpus, importers), so derived stores
# such as the search index can catch up in one pass. Receivers get `slugs_prefix` or `pks`.
articles_bulk_created = Signal()
