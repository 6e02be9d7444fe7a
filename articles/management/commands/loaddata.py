"""Django's loaddata, with one plain line for a fixture row that names a missing article, author, category or entity."""
from django.core.management.base import CommandError
from django.core.management.commands import loaddata

from articles.importers.fixtures import missing_references


class Command(loaddata.Command):
    def loaddata(self, fixture_labels):
        if message := missing_references(fixture_labels):
            raise CommandError(message)
        super().loaddata(fixture_labels)
