"""Tests that need ../shared skip without it, saying where they looked, and fail under CI=true."""
import pytest

from tests.shared_data import SEED, shared


def test_a_missing_shared_file_skips_naming_it_outside_ci(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="absent"):
        shared(tmp_path / "seeds" / "gone.txt")


@pytest.mark.parametrize("ci", ["true", "TRUE"])
def test_a_missing_shared_file_fails_under_ci(tmp_path, monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="must run under CI=true"):
        shared(tmp_path / "seeds" / "gone.txt")


def test_a_present_shared_file_is_returned(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    present = tmp_path / "here.txt"
    present.write_text("x")
    assert shared(present) == present
    assert SEED.parent.name == "seeds" and SEED.parent.parent.name == "shared"
