"""The Wagtail peer (../shared/peers/wagtail) served beside the project, for `make bench`'s side-by-side.

The peer folder may be read-only, so it runs from a copy in bench/results/wagtail-peer. Its own run.sh
builds its venv and 6,300-post corpus there the first time (minutes); later runs only start its gunicorn
(2 sync workers on 127.0.0.1:8801). A peer already answering on that port is used as it is and left
running. Environment: PEER_DIR (default ../shared/peers/wagtail), PEER_PORT (8801).
"""
import os
import shlex
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from bench import harness

PEER_DIR = Path(os.environ.get("PEER_DIR", harness.REPO.parent / "shared" / "peers" / "wagtail"))
PEER_PORT = int(os.environ.get("PEER_PORT", "8801"))
PEER_BASE = f"http://127.0.0.1:{PEER_PORT}"
WORK_COPY = harness.RESULTS / "wagtail-peer"
# The peer's page kinds and the project's counterparts (bench/run.py picks the project's URLs).
PAGES = ["post", "index1", "index300", "tag", "search"]


def peer_env():
    """The environment for the peer's commands: without the project's settings, which bench/harness.py puts
    in this process's environment (the peer's manage.py and wsgi.py only set DJANGO_SETTINGS_MODULE if unset),
    and PORT for its run.sh."""
    project = ("DJANGO_", "DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "STATIC_ROOT", "CACHE_", "REDIS_URL", "PORT")
    return {**{key: value for key, value in os.environ.items() if not key.startswith(project)}, "PORT": str(PEER_PORT)}


def answering(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


class Peer:
    """Context manager: the peer's URLs ({name: url}); starts the peer if needed, stops what it started."""

    def __init__(self):
        self.process = None

    def __enter__(self):
        if not answering(PEER_BASE + "/blog/"):
            self.start()
        return self.urls()

    def start(self):
        if not WORK_COPY.exists():
            shutil.copytree(PEER_DIR, WORK_COPY, ignore=shutil.ignore_patterns(".venv", "db.sqlite3*", "results"))
            for path in [WORK_COPY, *WORK_COPY.rglob("*")]:
                path.chmod(path.stat().st_mode | 0o200)
        if not (WORK_COPY / "db.sqlite3").exists() or not (WORK_COPY / ".venv").exists():
            print("building the Wagtail peer's venv and corpus (run.sh; minutes)...", flush=True)
            subprocess.run(["./run.sh"], cwd=WORK_COPY, check=True, env=peer_env())
            self.process = "run.sh"  # run.sh's gunicorn: stopped with its stop.sh
            return
        log = open(WORK_COPY / "gunicorn.log", "w")
        self.process = subprocess.Popen(
            [".venv/bin/gunicorn", "peer.wsgi:application", "--workers", "2", "--worker-class", "sync",
             "--bind", f"127.0.0.1:{PEER_PORT}"],
            cwd=WORK_COPY, env=peer_env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while not answering(PEER_BASE + "/blog/"):
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the Wagtail peer did not answer on {PEER_BASE}; see {WORK_COPY}/gunicorn.log")
            time.sleep(0.3)

    def urls(self):
        """The peer's own page URLs (its bench_urls command, or the urls.env its run.sh wrote): the search
        among them is for a word of the peer's corpus, with about as many matches as the project's."""
        folder = next((f for f in (WORK_COPY, PEER_DIR) if (f / ".venv").exists()), None)
        if folder is not None:
            out = subprocess.run([".venv/bin/python", "manage.py", "bench_urls", "--base", PEER_BASE], cwd=folder,
                                 env=peer_env(), capture_output=True, text=True, check=True).stdout
        else:
            env_file = next((f / "urls.env" for f in (WORK_COPY, PEER_DIR) if (f / "urls.env").exists()), None)
            if env_file is None:
                raise RuntimeError(f"the Wagtail peer's URLs are unknown: no .venv or urls.env in {WORK_COPY} or {PEER_DIR}")
            out = env_file.read_text()
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        return {name: shlex.split(values[f"{name.upper()}_URL"])[0] for name in PAGES if f"{name.upper()}_URL" in values}

    def stop(self):
        if self.process == "run.sh":
            subprocess.run(["./stop.sh"], cwd=WORK_COPY, check=False, env=peer_env())
        elif self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        self.process = None

    def __exit__(self, *exc):
        self.stop()


def available():
    return answering(PEER_BASE + "/blog/") or (PEER_DIR / "run.sh").exists() or (WORK_COPY / "run.sh").exists()
