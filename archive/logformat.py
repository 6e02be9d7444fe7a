"""Log records as single lines, so each request or error is one line on stdout for log collectors."""
import logging


class OneLineFormatter(logging.Formatter):
    """The standard formatter, with tracebacks and multi-line messages folded onto the one line."""

    def format(self, record):
        return super().format(record).replace("\r", "").replace("\n", " | ")
