"""Give a user one editorial role: contributor, editor or administrator."""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.editorial.workflow import CONTRIBUTOR, EDITOR

ROLES = {"contributor": CONTRIBUTOR, "editor": EDITOR, "administrator": None}  # an administrator is a superuser


class Command(BaseCommand):
    help = (
        "Give USERNAME one editorial role (replacing any other): contributor (writes and submits own "
        "drafts), editor (edits, publishes, schedules, unpublishes everything) or administrator (superuser)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", help="contributor, editor or administrator")
        parser.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")

    def handle(self, username, role, dry_run, **options):
        role = role.strip().lower()
        if role not in ROLES:
            raise CommandError(f"Unknown role “{role}”: use contributor, editor or administrator.")
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user named “{username}” (create one with createsuperuser or the admin).")
        role_groups = {group.name: group for group in Group.objects.filter(name__in=[n for n in ROLES.values() if n])}
        if len(role_groups) != 2:
            raise CommandError("The Contributor and Editor groups are missing: run `python manage.py migrate`.")
        wanted = role_groups.get(ROLES[role])
        current = set(user.groups.filter(pk__in=[g.pk for g in role_groups.values()]).values_list("name", flat=True))
        target = {wanted.name} if wanted else set()
        superuser = role == "administrator"
        unchanged = current == target and user.is_staff and user.is_superuser == superuser
        verb = "would become" if dry_run else "is now"
        before = "administrator" if user.is_superuser else (", ".join(sorted(current)).lower() or "no role")
        if unchanged:
            self.stdout.write(f"grant_role: {username} already is {role}; nothing changed.")
            return
        if not dry_run:
            with transaction.atomic():
                user.groups.remove(*role_groups.values())
                if wanted:
                    user.groups.add(wanted)
                user.is_staff, user.is_superuser = True, superuser
                user.save(update_fields=["is_staff", "is_superuser"])
        self.stdout.write(self.style.SUCCESS(f"grant_role: {username} {verb} {role} (was: {before})."))
