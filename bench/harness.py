"""Shared by the benchmark and the soak: a corpus database, collected static files, gunicorn on 127.0.0.1.

Only ever talks to 127.0.0.1. Configuration (environment):
  BENCH_DATABASE_URL  database to build the corpus in (default: SQLite file bench/results/bench.sqlite3)
  BENCH_REDIS_URL     shared cache for gunicorn's workers (default: none, the file cache in bench/results/cache)
  BENCH_PORT          gunicorn's port (default 8810; keep within 8800-8899)
  BENCH_ARTICLES      corpus size (default 6300, the size of the real index)
  WEB_CONCURRENCY     gunicorn workers (default 2 x cores + 1)
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
PYTHON = sys.executable
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8810"))
BASE_URL = f"http://{HOST}:{PORT}"
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "6300"))
STATIC_ROOT = RESULTS / "static"


def server_env():
    """Production settings (debug off, hashed static files), but plain HTTP on the loopback."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update({
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "benchmark-only-key-never-used-in-production-7c1f0e5b9a3d",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{RESULTS / 'bench.sqlite3'}"),
        "STATIC_ROOT": str(STATIC_ROOT),
        "PORT": str(PORT),
        "AXES_FAILURE_LIMIT": "1000",
        "CACHE_DIR": str(RESULTS / "cache"),
    })
    env.pop("REDIS_URL", None)
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
        env["CACHE_KEY_PREFIX"] = "peninsula-bench"
    return env


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=REPO, env=server_env(), check=True)


def setup_django():
    """Use the bench database from this process too (to pick targets and to verify edits)."""
    os.environ.update(server_env())
    import django

    django.setup()


def create_postgres_database(url):
    """CREATE DATABASE for a postgres:// bench URL that names one not there yet."""
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True, connect_timeout=5) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def prepare():
    """Create the database if needed, migrate, build the corpus once, collect static files."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    if server_env()["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        create_postgres_database(server_env()["DATABASE_URL"])
    manage("migrate", "--noinput", "-v0")
    setup_django()
    from articles.models import Article

    missing = ARTICLES - Article.objects.count()
    if missing > 0:
        manage("make_corpus", str(ARTICLES), "--no-progress")
    from django.db import connection

    with connection.cursor() as cursor:  # planner statistics after the bulk load, as production would have
        cursor.execute("ANALYZE")
    manage("collectstatic", "--noinput", "-v0")
    shutil.rmtree(RESULTS / "cache", ignore_errors=True)  # nothing kept from another corpus or run


def describe_setup():
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        database = f"PostgreSQL {connection.pg_version // 10000}"
    else:
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    backend = settings.CACHES["default"]["BACKEND"].lower()
    cache = ("Redis" if "redis" in backend else "diskcache" if "djangocache" in backend.lower()
             else "file" if "filebased" in backend else "local memory")
    return f"{database}, {cache} cache"


class Gunicorn:
    """gunicorn with the project's config, its one-line-per-request log sent to a file."""

    def __init__(self, log_name="gunicorn.log"):
        self.log_path = RESULTS / log_name
        self.process = None

    def __enter__(self):
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [str(Path(PYTHON).with_name("gunicorn")), "-c", "archive/gunicorn_conf.py", "archive.wsgi"],
            cwd=REPO, env=server_env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(BASE_URL + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer on {BASE_URL}; see {self.log_path}")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __exit__(self, *exc):
        self.stop()

    def count_5xx(self):
        """5xx answers in the access log (status is the field after the quoted request line)."""
        return sum(1 for line in self.log_path.read_text().splitlines() if re.search(r'" 5\d\d ', line))


def fetch(path):
    with urllib.request.urlopen(BASE_URL + path, timeout=30) as response:
        return response.read()


def wrk_path():
    found = shutil.which("wrk")
    if not found:
        sys.exit("wrk is missing: apt-get install -y wrk (make bench does this)")
    return found


def run_wrk(url, duration, connections, threads=2, script=None, env=None, timeout=10):
    """Run wrk and return its numbers: requests/s, p50/p99 in ms, errors, non-2xx/3xx answers."""
    args = [wrk_path(), f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", f"{timeout}s"]
    if script:
        args += ["-s", str(script)]
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})}, timeout=duration + 60).stdout
    return parse_wrk(out)


def to_ms(value):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value)
    if match is None:  # wrk's own placeholders, such as "-nan" when nothing finished
        print(f"wrk printed an unreadable latency: {value!r}", file=sys.stderr)
        return float("nan")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}[unit]


def parse_wrk(out):
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    # Anchored: a "+/- Stdev" column such as "62.50%" must not pass for the 50th percentile line.
    p50, p99 = re.search(r"^\s*50%\s+(\S+)", out, re.M), re.search(r"^\s*99%\s+(\S+)", out, re.M)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # wrk prints no distribution when no request finished in time
        "p50_ms": to_ms(p50.group(1)) if p50 else float("nan"),
        "p99_ms": to_ms(p99.group(1)) if p99 else float("nan"),
        "errors": sum(int(n) for n in socket.groups()) if socket else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    return f"{os.cpu_count()} cores ({cpu}), {mem_kb // 1024 // 1024} GiB RAM"
