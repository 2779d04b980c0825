"""Web load: how `qantar serve` holds up when many readers browse the record at once.

Every page is computed from the store on each request (no cache), and the server is one
uvicorn process whose page handlers run in a thread pool over one SQLite file, so the
question is what latency readers see when ``--concurrency`` of them ask at the same time.

The script builds the demo corpus (examples/) into a temporary store with the real CLI, or
uses ``--db``; starts ``qantar serve`` on a free loopback port (never another address); and
sends ``--requests`` GETs, round-robin over the main pages and two JSON endpoints, from
``--concurrency`` asyncio clients sharing one httpx connection pool of that size, after one
untimed GET per path (the first view of a page pays for lazy imports). The load generator
runs on the same machine, so on a small one it takes some of the server's CPU.

It prints the requests sent, the errors (non-2xx answers and exceptions, counted by kind),
throughput in requests per second, latency p50/p95/p99/max in milliseconds over all
requests, and p95 for each path. It stops when ``--timeout`` seconds have passed and says
so. The exit status is 1 if any request failed or the time ran out, so a CI job can run it.
The server is always stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "examples" / "manifest.csv"
HOST = "127.0.0.1"
START_TIMEOUT = 30.0
PATHS = [
    "/",
    "/people",
    "/verdicts",
    "/verdicts?sort=term&descending=true",
    "/victims",
    "/figures/deaths",
    "/conflicts",
    "/timeline",
    "/map",
    "/documents",
    "{document}",
    "{person}",
    "/search?q=Masimov",
    "/api/v1/verdicts",
    "/api/v1/conflicts",
]
"""The pages asked for in turn; ``{document}`` and ``{person}`` are the first ones listed."""


def build_demo(folder: Path) -> str:
    """Build examples/ into a store in ``folder`` with the CLI; its URL."""
    url = f"sqlite:///{folder / 'web-load.db'}"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "qantar", "build", "--manifest", str(MANIFEST), "--db", url],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    print(f"store:   demo corpus built in {time.perf_counter() - started:.1f} s ({url})")
    return url


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(db: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``qantar serve`` on a free loopback port, answering; the process and its base URL."""
    port = free_port()
    base = f"http://{HOST}:{port}"
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "qantar", "serve", "--db", db, "--host", HOST, "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, "QANTAR_SECRET": os.environ.get("QANTAR_SECRET", "web-load-bench")},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    while time.perf_counter() - started < START_TIMEOUT:
        if process.poll() is not None:
            raise SystemExit(f"qantar serve exited ({process.returncode}):\n{log.read_text()}")
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                print(f"server:  {base} answering after {time.perf_counter() - started:.1f} s")
                return process, base
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    stop(process)
    raise SystemExit(f"qantar serve did not answer in {START_TIMEOUT:.0f} s:\n{log.read_text()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def page_paths(base: str) -> list[str]:
    """PATHS with a real document and person page of this store."""

    def first(listing: str, prefix: str) -> str:
        html = httpx.get(base + listing, timeout=30).raise_for_status().text
        found = re.search(rf'href="({re.escape(prefix)}[^"#?]+)"', html)
        if found is None:
            raise SystemExit(f"{listing} links to no {prefix} page; is the store empty?")
        return found.group(1)

    document, person = first("/documents", "/documents/"), first("/people", "/people/")
    return [p.format(document=document, person=person) for p in PATHS]


def warm_up(base: str, paths: list[str]) -> None:
    """One GET per path before timing: the first request of a page pays for lazy imports
    (matplotlib for the charts) and cold caches, which is start-up, not load."""
    cold = {}
    for path in dict.fromkeys(paths):
        started = time.perf_counter()
        httpx.get(base + path, timeout=60).raise_for_status()
        cold[path] = time.perf_counter() - started
    slowest = max(cold, key=cold.__getitem__)
    print(
        f"warm-up: one GET per path in {sum(cold.values()):.1f} s, "
        f"slowest {slowest} {1000 * cold[slowest]:.0f} ms (not counted below)"
    )


class Results:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter[str] = Counter()
        self.sent = 0


async def load(base: str, paths: list[str], total: int, concurrency: int, results: Results) -> None:
    """``total`` GETs round-robin over ``paths`` from ``concurrency`` clients."""
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def reader() -> None:
            for n in counter:  # shared: each request is taken by exactly one client
                path = paths[n % len(paths)]
                results.sent += 1
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                    await response.aread()
                except httpx.HTTPError as error:
                    results.errors[f"{type(error).__name__} on {path}"] += 1
                    continue
                elapsed = time.perf_counter() - started
                if not response.is_success:
                    results.errors[f"HTTP {response.status_code} on {path}"] += 1
                else:
                    results.latencies[path].append(elapsed)

        await asyncio.gather(*(reader() for _ in range(concurrency)))


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile ``q`` (0-100) of ``values``, sorted or not."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceiling
    return ordered[int(rank) - 1]


def report(results: Results, paths: list[str], seconds: float, timed_out: bool) -> bool:
    """Print the results; whether every request succeeded in time."""
    every = [t for times in results.latencies.values() for t in times]
    failed = sum(results.errors.values())
    print(f"sent:    {results.sent} requests in {seconds:.1f} s")
    if timed_out:
        print("TIMEOUT: the time bound ran out before every request was sent and answered")
    print(f"errors:  {failed}")
    for kind, count in results.errors.most_common():
        print(f"  {count:6d}  {kind}")
    print(f"throughput: {len(every) / seconds:.1f} successful requests/s")
    if every:
        ms = [1000 * t for t in every]
        print(
            f"latency ms: p50 {percentile(ms, 50):.1f}  p95 {percentile(ms, 95):.1f}  "
            f"p99 {percentile(ms, 99):.1f}  max {max(ms):.1f}"
        )
        print("p95 ms by path (successful requests):")
        width = max(len(p) for p in paths)
        for path in dict.fromkeys(paths):
            times = results.latencies.get(path)
            shown = f"{percentile([1000 * t for t in times], 95):8.1f}" if times else "     n/a"
            print(f"  {path:<{width}}  {shown}  ({len(times or [])} ok)")
    return failed == 0 and not timed_out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="store URL to serve (default: build the demo corpus)")
    parser.add_argument("--requests", type=int, default=2000, help="GET requests in all")
    parser.add_argument("--concurrency", type=int, default=20, help="clients at once")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before giving up")
    args = parser.parse_args()
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be at least 1")

    with tempfile.TemporaryDirectory(prefix="qantar-web-load-") as folder:
        db = args.db or build_demo(Path(folder))
        process, base = start_server(db, Path(folder) / "serve.log")
        try:
            paths = page_paths(base)
            warm_up(base, paths)
            print(
                f"load:    {args.requests} GETs over {len(paths)} paths, "
                f"{args.concurrency} concurrent clients, at most {args.timeout:.0f} s"
            )
            results = Results()
            started = time.perf_counter()
            timed_out = False
            try:
                asyncio.run(
                    asyncio.wait_for(
                        load(base, paths, args.requests, args.concurrency, results), args.timeout
                    )
                )
            except TimeoutError:
                timed_out = True
            ok = report(results, paths, time.perf_counter() - started, timed_out)
        finally:
            stop(process)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
