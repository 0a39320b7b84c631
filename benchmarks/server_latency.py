"""How long a small request waits while `newsfacts serve` analyses a long or a pathological article.

    .venv/bin/python benchmarks/server_latency.py            # 3 to 6 minutes on 2 cores
    .venv/bin/python benchmarks/server_latency.py --serve-option=--workers=2

Starts `newsfacts serve` on a free loopback port and measures, in turn:

- a small article (two sentences) and `/api/health` on an idle server;
- the same, sent every half second while one 199,000-character article (the seed article repeated) is
  analysed; then while 40,000 quotation marks are;
- how long the server takes to exit after SIGTERM while a long article is being analysed.

Every request has a deadline, so a stalled server shows as a timeout instead of hanging the benchmark. To
measure an older version, put its `src` first: `PYTHONPATH=/path/to/old/src .venv/bin/python benchmarks/…`.
"""

from __future__ import annotations

import argparse
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SMALL = {"text": "The ferry will sail again on Friday, the port authority said on Tuesday. "
                 '"The engines are fixed," said Lena Marsh, its chief engineer.', "published": "2025-03-04"}
LONG_CHARS = 199_000
REQUEST_DEADLINE = 300.0
PROBE_EVERY = 0.5


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(options: list[str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsfacts.cli", "serve", "--port", str(port), *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        if process.poll() is not None:
            raise SystemExit("newsfacts serve exited at start-up")
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.5)
    raise SystemExit("newsfacts serve did not answer /api/health within 2 minutes")


def timed(method: str, url: str, **kwargs) -> float:
    """Seconds until the answer (whatever its status); the deadline when there was none."""
    started = time.monotonic()
    try:
        httpx.request(method, url, timeout=REQUEST_DEADLINE, **kwargs)
    except httpx.TimeoutException:
        return REQUEST_DEADLINE
    return time.monotonic() - started


def status_and_time(method: str, url: str, **kwargs) -> tuple[str, float]:
    started = time.monotonic()
    try:
        status = str(httpx.request(method, url, timeout=REQUEST_DEADLINE, **kwargs).status_code)
    except httpx.TimeoutException:
        status = "no answer"
    return status, time.monotonic() - started


def probe_while(url: str, body: dict) -> dict[str, list]:
    """Small requests and health checks every PROBE_EVERY seconds while `body` is analysed."""
    finished = threading.Event()
    result: dict[str, list] = {"small": [], "health": [], "long": []}

    def long_request() -> None:
        try:
            result["long"].append(status_and_time("POST", f"{url}/api/extract", json=body))
        finally:
            finished.set()

    threading.Thread(target=long_request, daemon=True).start()
    time.sleep(1.0)  # let the long article reach the analysis
    while not finished.is_set():
        result["health"].append(timed("GET", f"{url}/api/health"))
        result["small"].append(timed("POST", f"{url}/api/extract", json=SMALL))
        finished.wait(PROBE_EVERY)
    return result


def summary(latencies: list[float]) -> str:
    if not latencies:
        return "none sent (the long request ended first)"
    return (f"median {statistics.median(latencies) * 1000:,.0f} ms, max {max(latencies) * 1000:,.0f} ms "
            f"({len(latencies)} requests)")


def stop_time(url: str, process: subprocess.Popen, body: dict) -> float:
    """Seconds from SIGTERM to exit, sent while `body` is being analysed."""
    threading.Thread(target=timed, args=("POST", f"{url}/api/extract"), kwargs={"json": body}, daemon=True).start()
    time.sleep(2.0)
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(REQUEST_DEADLINE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve-option", action="append", default=[], help="an option for newsfacts serve")
    options = parser.parse_args().serve_option
    seed = (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")
    long_body = {"text": (seed * (LONG_CHARS // len(seed) + 1))[:LONG_CHARS], "published": "2025-09-10"}
    marks_body = {"text": '"' * 40_000}
    process, url = start_server(options)
    try:
        for _ in range(3):  # warm-up: the first request of each kind pays for lazy imports
            timed("POST", f"{url}/api/extract", json=SMALL)
        idle_small = [timed("POST", f"{url}/api/extract", json=SMALL) for _ in range(10)]
        idle_health = [timed("GET", f"{url}/api/health") for _ in range(10)]
        print(f"idle server: small article {summary(idle_small)}; /api/health {summary(idle_health)}")
        for name, body in (("a 199,000-character article", long_body), ("40,000 quotation marks", marks_body)):
            result = probe_while(url, body)
            status, seconds = result["long"][0]
            print(f"while {name} is analysed (answered {status} after {seconds:.1f} s): small article "
                  f"{summary(result['small'])}; /api/health {summary(result['health'])}")
        print(f"SIGTERM while a long article is analysed: the server exited after {stop_time(url, process, long_body):.1f} s")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


if __name__ == "__main__":
    main()
