"""The suite's clock: `make test-dates` runs it on other dates (TEST_CLOCK), and a test's own travel nests inside."""
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone
from pathlib import Path

import time_machine
from django.utils import timezone


def test_a_tests_own_travel_nests_inside_the_session_clock(test_clock):
    before = timezone.now()
    with time_machine.travel("2020-02-29 12:00Z", tick=False):
        assert timezone.now() == datetime(2020, 2, 29, 12, tzinfo=dt_timezone.utc)
    after = timezone.now()
    assert before <= after < before + timedelta(minutes=5)
    if test_clock is not None:
        assert test_clock <= before < test_clock + timedelta(hours=6)


def test_the_session_runs_on_the_test_clock_in_its_zone():
    if os.environ.get("TEST_CLOCK") == "2028-02-29T23:30":  # the run below
        assert timezone.localtime().strftime("%Y-%m-%d %H") == "2028-03-01 04"  # New York: the site's zone
        assert time.strftime("%Y-%m-%d %H:%M", time.localtime()).startswith("2028-02-29 23:3")  # the process's zone
        return
    env = {**os.environ, "TEST_CLOCK": "2028-02-29T23:30", "TEST_CLOCK_ZONE": "Pacific/Honolulu"}
    this_test = f"{__file__}::{test_the_session_runs_on_the_test_clock_in_its_zone.__name__}"
    result = subprocess.run([sys.executable, "-m", "pytest", this_test, "-p", "no:cacheprovider"], cwd=Path(__file__).resolve().parent.parent, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
