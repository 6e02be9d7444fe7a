"""The project's shared test data in ../shared: the real WordPress exports, the reference seed page, the XSS list.

When it is missing a test that needs it skips, naming the path, except under CI=true, where it fails, as the
Nu HTML checker, Chromium and PostgreSQL checks do: a green CI run is a whole one."""
import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED = SHARED / "seeds" / "000_b9ce0f5892854f0c.txt"
WXR = SHARED / "testdata" / "wxr"
WXR_REAL = SHARED / "testdata" / "wxr-real"
XSS_LIST = SHARED / "testdata" / "xss" / "xss-payload-list.txt"


def under_ci():
    return os.environ.get("CI", "").lower() == "true"


def shared(path):
    """`path` (a file or folder under ../shared) if it is there; if not, skip, or fail under CI=true."""
    if not path.exists():
        message = f"{path} is absent (../shared holds the project's shared test data)"
        if under_ci():
            pytest.fail(message + ": tests that need it must run under CI=true")
        pytest.skip(message)
    return path
