"""The articles' own signals; every receiver lives in receivers.py."""
from django.dispatch import Signal

# Sent after bulk writes that bypass save() (make_corpus, importers), so derived stores
# such as the search index can catch up in one pass. Receivers get `slugs_prefix` or `pks`.
# It also stands for the link rows (bylines, categories, entity links) such a write inserts with
# bulk_create, which sends no m2m_changed: receivers treat each article named as changed, rows
# and links included, as `links_changed` treats one article (importers/buffer.py is that bulk path).
articles_bulk_created = Signal()

# Sent by the editorial workflow (editorial/workflow.py) once an article's transition is saved,
# inside its transaction. Receivers get `article`, `transition` (its name) and `user`.
article_transitioned = Signal()
