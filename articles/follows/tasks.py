"""send_digests as a task for django-tasks (the database backend by default: `manage.py db_worker`)."""
from django.core.management import call_command
from django_tasks import task


@task()
def send_digests():
    """Enqueue with `send_digests.enqueue()` (from a scheduler, or the shell); the command does the work."""
    call_command("send_digests")
