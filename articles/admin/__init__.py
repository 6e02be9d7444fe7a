"""The editors' admin, one module per admin; importing the package registers them all."""
from . import (  # noqa: F401 (each module registers its admin)
    article, author, category, entity, entity_redirect, rejected_suggestion, series,
)
