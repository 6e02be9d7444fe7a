"""gunicorn settings for `make serve` and the benchmarks: logs on stdout, one line per request.

Environment: PORT (8000), BIND (127.0.0.1:$PORT; 0.0.0.0:$PORT behind a proxy), WEB_CONCURRENCY
(workers, read by gunicorn itself; default 2 x cores + 1), GUNICORN_THREADS (1).
"""
import multiprocessing
import os
import sys

from gunicorn.glogging import Logger

from archive.logformat import OneLineFormatter


class StdoutLogger(Logger):
    """gunicorn's own messages (start, worker boot, timeouts, crashes) on stdout beside the access lines,
    one line each: gunicorn sends them to stderr, tracebacks spread over many lines."""

    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.error_log.handlers:
            if getattr(handler, "_gunicorn", False) and getattr(handler, "stream", None) is sys.stderr:
                handler.setStream(sys.stdout)
                handler.setFormatter(OneLineFormatter(self.error_fmt, self.datefmt))


bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
accesslog = "-"
errorlog = "-"
logger_class = StdoutLogger
# One line a request: client, method path protocol, status, bytes, duration in microseconds, agent.
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(D)sus "%(a)s"'
disable_redirect_access_to_syslog = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# A backstop only: input limits (settings BODY_MAX_*, DATA_UPLOAD_*) keep every request to seconds.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 10
