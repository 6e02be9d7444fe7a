"""A back catalogue's manifest: one row per saved page, with what the page itself may not say.

CSV with a header row, or a JSON list of objects; the columns are `file` (required, relative to
the manifest's folder), `url` (the post's old address), `date` (YYYY-MM-DD) and `status`
(draft or published) and `category` (the category when the page shows none). Each row is what
`import_page FILE --url URL --date DATE --status S --category C` would be for one file; empty
status and category cells take the command line's.
"""
import csv
import json
from dataclasses import dataclass
from pathlib import Path

from .page_parts import PageOptions
from .records import SourceError
from .sources import check_source_path

COLUMNS = ("file", "url", "date", "status", "category")
STATUSES = ("draft", "published")
MAX_BYTES = 10_000_000


@dataclass
class ManifestRow:
    path: Path
    options: PageOptions
    where: str


def is_manifest(path):
    return Path(path).suffix.lower() in (".csv", ".json")


def read_manifest(path, default_status, default_category=""):
    """The rows of a manifest; SourceError naming the line (CSV) or item (JSON) of the first bad one."""
    source = check_source_path(path)
    if source.stat().st_size > MAX_BYTES:
        raise SourceError(f"a manifest of {source.stat().st_size:,} bytes (at most {MAX_BYTES:,})")
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"not UTF-8 text (byte {error.start})") from error
    rows = json_rows(text) if source.suffix.lower() == ".json" else csv_rows(text)
    result = []
    for where, row in rows:
        unknown = sorted(set(row) - set(COLUMNS))
        if unknown:
            raise SourceError(f"unknown column “{unknown[0]}” (columns: {', '.join(COLUMNS)})", where)
        file = str(row.get("file") or "").strip()
        if not file:
            raise SourceError("no file named (the “file” column is empty)", where)
        status = str(row.get("status") or "").strip() or default_status
        if status not in STATUSES:
            raise SourceError(f"status “{status}” is not draft or published", where)
        options = PageOptions(status=status, url=str(row.get("url") or "").strip(),
                              date=str(row.get("date") or "").strip(), source=f"{path} {where} date",
                              category=str(row.get("category") or "").strip() or default_category)
        result.append(ManifestRow(path=source.parent / file, options=options, where=where))
    if not result:
        raise SourceError("a manifest without rows")
    return result


def csv_rows(text):
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "file" not in [name.strip() for name in reader.fieldnames]:
        raise SourceError(f"no header row with a “file” column (columns: {', '.join(COLUMNS)})", "line 1")
    for row in reader:
        if None in row:
            raise SourceError("more values than columns", f"line {reader.line_num}")
        yield f"line {reader.line_num}", {key.strip(): value for key, value in row.items()}


def json_rows(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(f"not JSON ({error.msg})", f"line {error.lineno}") from error
    if not isinstance(data, list):
        raise SourceError("a JSON manifest is a list of {\"file\": …, \"url\": …, \"date\": …, \"status\": …} objects")
    for number, row in enumerate(data, start=1):
        if not isinstance(row, dict):
            raise SourceError("not an object", f"item {number}")
        yield f"item {number}", row
