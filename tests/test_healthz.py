"""/healthz: database and cache reachability for load balancers, as JSON with 200 or 503."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_healthz_reports_database_and_cache_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_over_plain_http_even_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/the-peninsula/").status_code == 301


@pytest.mark.django_db
def test_healthz_is_503_when_the_cache_server_is_unreachable(client):
    # Port 9 (discard) on the loopback: nothing listens, so the connection is refused at once.
    dead_redis = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                              "LOCATION": "redis://127.0.0.1:9/0",
                              "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}
    with override_settings(CACHES=dead_redis):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "failing", "database": "ok", "cache": "failing"}


def test_healthz_rejects_writes(client):
    assert client.post("/healthz").status_code == 405


# The database check runs in a fresh process pointed at a database that cannot be reached: the test
# process's own connection is the test database, which must stay up for the rest of the suite.
UNREACHABLE_DATABASES = {
    # Nothing listens on port 9 of the loopback: the connection is refused at once.
    "postgresql": "postgres://postgres@127.0.0.1:9/peninsula",
    # A file in a directory that does not exist cannot be opened.
    "sqlite": "sqlite:////nonexistent-directory/peninsula/db.sqlite3",
}


@pytest.mark.parametrize("engine", sorted(UNREACHABLE_DATABASES))
def test_healthz_is_503_when_the_database_is_unreachable(engine):
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(DJANGO_SETTINGS_MODULE="archive.settings", DJANGO_DEBUG="0", SECRET_KEY="healthz-probe-" + "k" * 50,
               ALLOWED_HOSTS="testserver", DATABASE_URL=UNREACHABLE_DATABASES[engine])
    probe = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "r = Client().get('/healthz')\n"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "body": {"status": "failing", "database": "failing", "cache": "ok"}}
    assert "healthz: database unreachable" in result.stdout  # logged, one line, for the operator
