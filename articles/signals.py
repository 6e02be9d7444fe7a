"""The articles' own signal; every receiver lives in receivers.py."""
from django.dispatch import Signal

# Sent after every bulk write that bypasses save() and so sends no post_save or post_delete
# (bulk_create, QuerySet.update, raw SQL: make_corpus, the importers, entity merges), so derived
# stores (the search index, the page-cache generation) catch up in one pass. `sender` is the model
# written; receivers get `pks`, its rows' ids (or, for articles, `slugs_prefix`).
articles_bulk_created = Signal()
