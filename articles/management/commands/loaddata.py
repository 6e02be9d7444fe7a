"""Django's loaddata, refusing what the admin form would refuse: one plain line naming the file, the row,
the object and the field, and nothing written (loaddata runs in one transaction)."""
from django.core.management.base import CommandError
from django.core.management.commands import loaddata

from articles.importers.fixtures import admin_form_problem, missing_references, pk_row, refusal, unreadable_value


class Command(loaddata.Command):
    def loaddata(self, fixture_labels):
        if message := pk_row(fixture_labels) or unreadable_value(fixture_labels) or missing_references(fixture_labels):
            raise CommandError(message)
        super().loaddata(fixture_labels)

    def load_label(self, fixture_label):
        """Each file on its own, so a refusal names the file and the row within it."""
        files = self.find_fixtures(fixture_label)
        for fixture_file, _, _ in files:
            self.fixture_file, self.row_number = fixture_label if len(files) == 1 else fixture_file, 0
            super().load_label(fixture_label if len(files) == 1 else fixture_file)

    def save_obj(self, obj):
        self.row_number += 1
        skipped = obj.object._meta.app_config in self.excluded_apps or type(obj.object) in self.excluded_models
        if not skipped and (problem := admin_form_problem(obj.object, deferred=obj.deferred_fields)):
            raise CommandError(refusal(self.fixture_file, self.row_number, obj.object, problem))
        return super().save_obj(obj)
