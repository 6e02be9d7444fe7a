"""`python manage.py grant_role USERNAME contributor|editor|administrator`."""
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def grant(*args):
    out = StringIO()
    call_command("grant_role", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def kim():
    return get_user_model().objects.create_user("kim", password="pw")


def roles(user):
    user.refresh_from_db()
    return sorted(user.groups.values_list("name", flat=True)), user.is_staff, user.is_superuser


def test_contributor_then_editor_replaces_the_role(kim):
    assert "kim is now contributor (was: no role)" in grant("kim", "contributor")
    assert roles(kim) == (["Contributor"], True, False)
    assert "kim is now editor (was: contributor)" in grant("kim", "Editor")
    assert roles(kim) == (["Editor"], True, False)
    assert kim.has_perm("articles.publish_article")


def test_administrator_is_a_superuser_without_groups(kim):
    grant("kim", "editor")
    grant("kim", "administrator")
    assert roles(kim) == ([], True, True)


def test_granting_the_same_role_twice_changes_nothing(kim):
    grant("kim", "contributor")
    assert "already is contributor; nothing changed" in grant("kim", "contributor")


def test_dry_run_changes_nothing(kim):
    assert "kim would become editor" in grant("kim", "editor", "--dry-run")
    assert roles(kim) == ([], False, False)


@pytest.mark.parametrize("args, message", [(("nobody", "editor"), "No user named “nobody”"),
                                           (("kim", "publisher"), "Unknown role “publisher”")])
def test_bad_input_is_a_one_line_error(kim, args, message):
    with pytest.raises(CommandError, match=message):
        grant(*args)
