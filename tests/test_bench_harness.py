"""The benchmark harness reads wrk's report correctly (its numbers go into the README)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import harness  # noqa: E402

WRK_REPORT = """Running 10s test @ http://127.0.0.1:8810/tag/x/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     8.20ms    3.10ms  45.00ms   70.12%
    Req/Sec   900.00    100.00     1.00k    62.50%
  Latency Distribution
     50%  730.00us
     75%    9.00ms
     90%   12.00ms
     99%    1.20s
  9000 requests in 10.00s, 1.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    900.00
"""


def test_percentiles_come_from_the_distribution_not_the_stdev_column():
    result = harness.parse_wrk(WRK_REPORT)
    assert result["p50_ms"] == 0.73
    assert result["p99_ms"] == 1200.0


def test_counts_errors_and_non_2xx():
    result = harness.parse_wrk(WRK_REPORT)
    assert (result["requests"], result["rps"], result["errors"], result["non_2xx"]) == (9000, 900.0, 3, 4)
