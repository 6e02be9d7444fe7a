"""/healthz: database and cache reachability for load balancers, as JSON with 200 or 503."""
import pytest
from django.test import override_settings


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
