"""The articles' own signals; every receiver lives in receivers.py."""
from django.dispatch import Signal

# Sent after every bulk write that bypasses save() and so sends no post_save or post_delete
# (bulk_create, QuerySet.update, raw SQL: make_corpus, the importers, entity merges), so derived
# stores (the search index, the page-cache generation) catch up in one pass. `sender` is the model
# written; receivers get `pks`, its rows' ids (or, for articles, `slugs_prefix`).
# Link rows (bylines, categories, entity links) such a write inserts with bulk_create send no
# m2m_changed: receivers treat each article named as changed, rows and links included, as
# `links_changed` treats one article (importers/buffer.py is that bulk path).
articles_bulk_created = Signal()

# Sent by the editorial workflow (editorial/workflow.py) once an article's transition is saved,
# inside its transaction. Receivers get `article`, `transition` (its name) and `user`.
article_transitioned = Signal()
