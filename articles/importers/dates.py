"""Publication dates as the blog printed them, read only from a line that is a date and nothing else.

"Published February 18, 2015", "February 18, 2015", "Feb. 18, 2015", "18 February 2015",
"2015-02-18", "Wednesday, February 18, 2015", "Posted on February 18, 2015 by A and B",
"Posted by A on 18 Feb 2015", "By A and B | February 18, 2015". A date stands for noon, New York time, so the calendar day is
the same wherever readers are. A date the line does not say unambiguously is never guessed:
"03/04/2015" is refused, not read as March or April.
"""
import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from articles.dates import FIRST_YEAR, LAST_YEAR  # the one date rule

PUBLISHER_TZ = ZoneInfo("America/New_York")
MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})"
WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?"
DATE_FORMS = [re.compile(form, re.I) for form in (
    rf"{WEEKDAY}{MONTH}\s+{DAY},?\s+{YEAR}",  # February 18, 2015
    rf"{WEEKDAY}{DAY}\s+{MONTH},?\s+{YEAR}",  # 18 February 2015
    rf"{YEAR}-(?P<nmonth>\d{{1,2}})-(?P<nday>\d{{1,2}})",  # 2015-02-18
    rf"{YEAR}/(?P<nmonth>\d{{1,2}})/(?P<nday>\d{{1,2}})",  # 2015/02/18
    rf"(?P<first>\d{{1,2}})[/.](?P<second>\d{{1,2}})[/.]{YEAR}",  # 02/18/2015 or 18.02.2015
)]
# The same forms without group names, to find a date inside a longer line.
DATE = "(?:" + "|".join(f"(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', form.pattern)})" for form in DATE_FORMS) + ")"
NAMES = r"(?P<names>[^\d|]+?)"
DATE_LINES = [re.compile(rf"^{pattern}\s*$", re.I) for pattern in (
    rf"(?:Published|Posted|Date|Dated)(?:\s+on)?:?\s+(?P<date>{DATE}{TIME})(?:\s+by\s+{NAMES})?",
    rf"Posted\s+by\s+{NAMES}\s+on\s+(?P<date>{DATE}{TIME})",
    rf"By\s+{NAMES}\s*(?:[|–—•·]|\s-|,|\bon\b)\s*(?P<date>{DATE}{TIME})",
    rf"(?P<date>{DATE}{TIME})(?:\s+(?:by|[|–-])\s+{NAMES})?",
)]
# A line that announces a date but says it in a way none of the forms above reads.
DATE_LABEL = re.compile(r"^(?:Published|Posted on|Date:|Dated)\s*:?\s*(?P<value>.+)$", re.I)


class DateError(ValueError):
    """The line is a date line, but not one that names a single day."""


@dataclass
class DateLine:
    day: date
    names: str = ""  # "Posted on <date> by A and B": the byline the date line carries


def read_date_line(line):
    """The DateLine a line holds, None when it is no date line; DateError when it is one but unreadable."""
    for pattern in DATE_LINES:
        match = pattern.match(line)
        if match:
            return DateLine(day=read_date(match.group("date")), names=(match.group("names") or "").strip())
    if match := DATE_LABEL.match(line):
        if len(line.split()) <= 8:
            raise DateError(f"unreadable date “{match.group('value').strip()}” "
                            "(expected e.g. “February 18, 2015” or “2015-02-18”)")
    return None


def read_date(value):
    """The calendar day in `value` (one of DATE_FORMS, maybe followed by a time)."""
    parts = next(match.groupdict() for form in DATE_FORMS if (match := form.match(value.strip())))
    year = int(parts["year"])
    if parts.get("first"):
        first, second = int(parts["first"]), int(parts["second"])
        if first <= 12 and second <= 12 and first != second:
            raise DateError(f"ambiguous date “{value}”: day and month could be either way round")
        month, day = (first, second) if second > 12 or first == second else (second, first)
    elif parts.get("nmonth"):
        month, day = int(parts["nmonth"]), int(parts["nday"])
    else:
        month = MONTHS.get(parts["month"].lower())
        if month is None:
            raise DateError(f"unreadable date “{value}”: no month named “{parts['month']}”")
        day = int(parts["day"])
    return checked_date(year, month, day, value)


def checked_date(year, month, day, value):
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(f"date “{value}” is outside {FIRST_YEAR}–{LAST_YEAR}")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"unreadable date “{value}”: no such day") from None


def parse_option_date(value):
    """--date and a manifest's date column: YYYY-MM-DD exactly."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        raise DateError(f"date “{value}” is not YYYY-MM-DD")
    return checked_date(*map(int, match.groups()), value)


def publication_time(day):
    """Noon in New York on `day`: the calendar date is the same in every time zone readers are in."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=PUBLISHER_TZ)
