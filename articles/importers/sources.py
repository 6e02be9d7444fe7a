"""Checks on an input path that every importer makes before reading it."""
from pathlib import Path

from .records import SourceError

SNIFF_BYTES = 8192


def check_source_path(path):
    """The Path, or SourceError for a missing path, a directory, an empty or a binary file."""
    source = Path(path)
    if source.is_dir():
        raise SourceError("is a directory, not a file")
    if not source.exists():
        raise SourceError("no such file")
    with source.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head.strip():
        raise SourceError("empty file")
    if b"\x00" in head:
        raise SourceError("a binary file, not text")
    return source
