"""Exit 0 when the PostgreSQL and Redis servers named on the command line answer, else say why and exit 1."""
import sys

import psycopg
import redis


def main(pg_url, redis_url):
    try:
        # Connect to the maintenance database; the test run creates its own.
        psycopg.connect(pg_url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()
        redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
    except Exception as exc:  # any failure means "not reachable"; say which
        print(f"services_up: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
