"""The peer's own side-by-side: ../shared/peers/compare.sh against the project and the Wagtail peer.

Serves the project as compare.sh expects it (gunicorn, 2 workers, on 127.0.0.1:8812, the bench corpus),
starts the peer if it is not answering, writes both URL lists, runs compare.sh (interleaved wrk runs,
2 rounds) and prints its table. `make bench` times the same pages with the static ceiling beside them;
this is the peer's script, unchanged, for its own numbers. Run with `make compare`.

Environment: as bench/harness.py (BENCH_DATABASE_URL, BENCH_REDIS_URL); PEERS_DIR (default ../shared/peers);
ROUNDS, D, C as compare.sh reads them.
"""
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("BENCH_PORT", "8812")
os.environ.setdefault("WEB_CONCURRENCY", "2")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness, peer  # noqa: E402
from bench.run import pick_targets  # noqa: E402

PEERS_DIR = Path(os.environ.get("PEERS_DIR", harness.REPO.parent / "shared" / "peers"))


def main():
    script = PEERS_DIR / "compare.sh"
    if not script.exists() or not peer.available():
        sys.exit(f"No {script} or Wagtail peer (set PEERS_DIR / PEER_DIR): nothing to compare against.")
    harness.prepare()
    targets = pick_targets()
    out = harness.RESULTS / "compare" / time.strftime("%Y%m%d-%H%M", time.gmtime())
    out.mkdir(parents=True, exist_ok=True)
    project_urls = out / "project_urls.txt"
    project_urls.write_text("".join(f"{name} {path}\n" for name, (_, path) in targets.items()))
    with peer.Peer() as peer_urls, harness.Gunicorn():
        peer_env = out / "peer_urls.env"
        peer_env.write_text("".join(f"{name.upper()}_URL={shlex.quote(url)}\n" for name, url in peer_urls.items()))
        env = {**os.environ, "PROJ": harness.BASE_URL, "PROJ_URLS": str(project_urls), "PEER_ENV": str(peer_env),
               "OUT": str(out)}
        table = subprocess.run(["bash", str(script)], env=env, check=True, capture_output=True, text=True).stdout
    report = (f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Machine: {harness.machine()}; "
              f"{harness.describe_setup()}; gunicorn {os.environ['WEB_CONCURRENCY']} sync workers; "
              f"../shared/peers/compare.sh, wrk output in {out.relative_to(harness.REPO)}\n\n{table}")
    (out / "compare.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
