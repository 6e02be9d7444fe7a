"""Production settings: check --deploy, the secret-key refusal, hashed far-future static files, one-line logs."""
import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings

from archive.logformat import OneLineFormatter

REPO = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "archive.settings",
    "DJANGO_DEBUG": "0",
    "SECRET_KEY": "production-like-key-" + "x7Qp2-Lm9vR4_tY8wZ3kN6bC1dF5gH0jS" * 2,
    "ALLOWED_HOSTS": "peninsula.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://peninsula.example.org",
}


def production_env(**extra):
    unset = {"SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env.update(PRODUCTION_ENV, **extra)
    return env


def run_python(args, env, timeout=120):
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_check_deploy_is_clean_with_production_settings():
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stderr


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    env = production_env()
    del env["SECRET_KEY"]
    result = run_python(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_static_files_are_hashed_compressed_and_cached_for_a_year_or_more(tmp_path):
    """collectstatic, then whitenoise answers the hashed URL with gzip and an immutable far-future lifetime."""
    env = production_env(STATIC_ROOT=str(tmp_path / "static"))
    result = run_python(["manage.py", "collectstatic", "--noinput", "-v0"], env)
    assert result.returncode == 0, result.stderr
    probe = (
        "import django, json; django.setup()\n"
        "from django.templatetags.static import static\n"
        "from django.test import Client\n"
        "url = static('css/site.css')\n"
        "r = Client().get(url, secure=True, HTTP_HOST='peninsula.example.org', HTTP_ACCEPT_ENCODING='gzip')\n"
        "print(json.dumps({'url': url, 'status': r.status_code, 'cache': r.headers.get('Cache-Control', ''),"
        " 'encoding': r.headers.get('Content-Encoding', '')}))\n"
    )
    result = run_python(["-c", probe], env)
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout.strip().splitlines()[-1])
    assert served["url"].startswith("/static/css/site.") and served["url"] != "/static/css/site.css"
    assert served["status"] == 200
    assert served["encoding"] == "gzip"
    assert "immutable" in served["cache"]
    max_age = int(served["cache"].split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 3600


def test_log_records_with_tracebacks_are_one_line():
    formatter = OneLineFormatter(settings.LOGGING["formatters"]["line"]["format"])
    try:
        1 / 0
    except ZeroDivisionError:
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s",
                                   ("/the-peninsula/",), sys.exc_info())
    line = formatter.format(record)
    assert "\n" not in line
    assert "Internal Server Error: /the-peninsula/" in line and "ZeroDivisionError" in line
    assert "Traceback" in line


def test_django_errors_are_logged_to_stdout_as_one_line_each():
    probe = (
        "import django, logging; django.setup()\n"
        "log = logging.getLogger('django.request')\n"
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    log.exception('Internal Server Error: /x/')\n"
        "log.warning('Not Found: /y/')\n"
    )
    result = run_python(["-c", probe], production_env())
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = [line for line in result.stdout.splitlines() if " django.request " in line]
    assert len(lines) == 2, result.stdout
    assert "ERROR django.request Internal Server Error: /x/" in lines[0] and "ZeroDivisionError" in lines[0]
    assert "WARNING django.request Not Found: /y/" in lines[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_logs_one_stdout_line_per_request_and_nothing_on_stderr(tmp_path):
    """`make serve`'s gunicorn, for real: its start-up messages and each request are single lines on stdout."""
    port = free_port()
    (tmp_path / "static").mkdir()  # as collectstatic leaves it before `make serve` starts gunicorn
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", ALLOWED_HOSTS="127.0.0.1",
                         STATIC_ROOT=str(tmp_path / "static"),
                         SECURE_SSL_REDIRECT="0", PORT=str(port), WEB_CONCURRENCY="1")
    env.pop("REDIS_URL", None)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen([str(gunicorn), "-c", "archive/gunicorn_conf.py", "archive.wsgi"], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    paths = ["/healthz", "/robots.txt", "/healthz"]
    try:
        deadline = time.monotonic() + 60
        while True:  # the first answered probe is one of the requests logged
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{paths[0]}", timeout=5).read()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "gunicorn did not start"
                time.sleep(0.3)
        for path in paths[1:]:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).read()
    finally:
        server.terminate()
        stdout, stderr = server.communicate(timeout=30)
    assert stderr == ""
    requests = [line for line in stdout.splitlines() if '"GET /' in line]
    logged = [line.split('"')[1] for line in requests]
    # A probe that timed out on a loaded machine may still be served and logged: the start-up
    # probes are any number of /healthz lines, then each later request once.
    probes = len(logged) - (len(paths) - 1)
    assert probes >= 1 and logged[:probes] == [f"GET {paths[0]} HTTP/1.1"] * probes, stdout
    assert logged[probes:] == [f"GET {path} HTTP/1.1" for path in paths[1:]], stdout
    assert all(" 200 " in line for line in requests)
    assert "Booting worker" in stdout and "Listening at" in stdout
