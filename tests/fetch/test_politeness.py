"""Politeness against a live local server: pauses, robots.txt, retries, limits, identity."""

from __future__ import annotations

import socket
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from qantar.exceptions import ConfigError
from qantar.fetch import FAILED, SAVED, FetchOptions, fetch_urls
from qantar.fetch.client import retry_after
from qantar.fetch.options import qantar_version
from tests.fetch.helpers import run_cli, write_urls
from tests.fetch.site import Site


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site, tmp_path: Path) -> None:
    urls = write_urls(tmp_path / "urls.txt", [site.url(f"/news/{n}") for n in (1, 2, 3)])
    result = run_cli("fetch", str(urls), "--out", str(tmp_path / "out"), "--delay", "0.2")
    assert result.exit_code == 0, result.output
    times = site.times()
    assert len(times) == 4  # robots.txt, then the three pages
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert all(0.19 <= gap < 2.0 for gap in gaps), gaps


def test_every_request_names_qantar_and_its_version(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    fetch_urls([site.url("/news/1")], tmp_path, fast)
    assert site.agents == {f"qantar/{qantar_version()} (news archiver; respects robots.txt)"}


def test_robots_disallow_is_obeyed_without_requesting_the_page(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    report = fetch_urls([site.url("/private/1"), site.url("/news/1")], tmp_path, fast)
    assert [(o.status, o.reason) for o in report.outcomes] == [
        (FAILED, "disallowed by robots.txt"),
        (SAVED, None),
    ]
    assert site.hits("/private/1") == 0
    assert site.hits("/robots.txt") == 1  # read once for the host


def test_robots_disallow_also_applies_after_a_redirect(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    site.extra["/go"] = lambda: (302, {"Location": "/private/5"}, b"")
    [outcome] = fetch_urls([site.url("/go")], tmp_path, fast).outcomes
    assert outcome.reason == "disallowed by robots.txt"
    assert site.hits("/private/5") == 0


def test_missing_robots_allows_everything(site: Site, tmp_path: Path, fast: FetchOptions) -> None:
    site.robots = (404, {}, b"")
    report = fetch_urls([site.url("/private/1")], tmp_path, fast)
    assert [o.status for o in report.outcomes] == [SAVED]


def test_unreadable_robots_means_the_site_is_not_fetched(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    site.robots = (503, {}, b"")
    report = fetch_urls([site.url("/news/1"), site.url("/news/2")], tmp_path, fast)
    assert [o.reason for o in report.outcomes] == [
        "robots.txt cannot be read (HTTP 503 Service Unavailable after 3 tries), "
        "so the site is not fetched"
    ] * 2
    assert site.hits("/robots.txt") == 3  # retried like any request, then kept for the run
    assert site.hits("/news/1") == 0


def test_crawl_delay_in_robots_spaces_requests(site: Site, tmp_path: Path) -> None:
    site.robots = (200, {}, b"User-agent: qantar\nCrawl-delay: 0.3\n")
    options = FetchOptions(timeout=2, delay=0, backoff=0.01)
    fetch_urls([site.url("/news/1"), site.url("/news/2")], tmp_path, options)
    first_page, second_page = site.times()[1:]
    assert second_page - first_page >= 0.29


def test_transient_errors_are_retried_and_others_are_not(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    urls = ["/flaky/1", "/busy/1", "/down/1", "/missing/1"]
    report = fetch_urls([site.url(u) for u in urls], tmp_path, fast)
    assert [(o.status, o.reason) for o in report.outcomes] == [
        (SAVED, None),
        (SAVED, None),
        (FAILED, "HTTP 503 Service Unavailable after 3 tries"),
        (FAILED, "HTTP 404 Not Found"),
    ]
    assert [site.hits(u) for u in urls] == [2, 2, 3, 1]


def test_backoff_doubles_between_tries(site: Site, tmp_path: Path) -> None:
    options = FetchOptions(timeout=2, retries=3, delay=0, backoff=0.15)
    fetch_urls([site.url("/down/1")], tmp_path, options)
    first, second, third = site.times()[1:]
    assert 0.14 <= second - first < 1.0
    assert 0.29 <= third - second < 1.5


def test_a_retry_after_beyond_the_cap_fails_at_once(site: Site, tmp_path: Path) -> None:
    site.extra["/later"] = lambda: (429, {"Retry-After": "3600"}, b"")
    options = FetchOptions(timeout=2, delay=0, backoff=0.01, max_wait=5)
    [outcome] = fetch_urls([site.url("/later")], tmp_path, options).outcomes
    assert outcome.reason == (
        "HTTP 429 Too Many Requests; the server asks to wait 3600 s, more than the 5 s limit"
    )
    assert site.hits("/later") == 1


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2022, 1, 5, 12, 0, tzinfo=UTC)
    assert retry_after("7") == 7.0
    assert retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30.0
    assert retry_after(format_datetime(now - timedelta(hours=1), usegmt=True), now) == 0.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_redirects_are_followed_up_to_the_limit(site: Site, tmp_path: Path) -> None:
    options = FetchOptions(timeout=2, delay=0, backoff=0.01, max_redirects=3)
    report = fetch_urls([site.url("/moved/1"), site.url("/loop/1")], tmp_path, options)
    assert [(o.status, o.reason) for o in report.outcomes] == [
        (SAVED, None),
        (FAILED, "more than 3 redirects"),
    ]
    assert site.hits("/loop/1") == 4


def test_a_slow_page_times_out_within_bounds(site: Site, tmp_path: Path) -> None:
    options = FetchOptions(timeout=0.3, retries=1, delay=0)
    started = time.monotonic()
    [outcome] = fetch_urls([site.url("/slow/1")], tmp_path, options).outcomes
    assert outcome.reason == "timed out (0.3 s)"
    assert time.monotonic() - started < 1.2


def test_a_closed_port_cannot_connect(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = FetchOptions(timeout=1, retries=2, delay=0, backoff=0.01)
    [outcome] = fetch_urls([f"http://127.0.0.1:{port}/a"], tmp_path, options).outcomes
    assert outcome.reason == "cannot connect after 2 tries (asking for robots.txt)"


def test_an_oversized_response_fails(site: Site, tmp_path: Path) -> None:
    options = FetchOptions(timeout=2, delay=0, max_bytes=100)
    [outcome] = fetch_urls([site.url("/news/1")], tmp_path, options).outcomes
    assert outcome.reason is not None and outcome.reason.startswith("response is larger than")


def test_options_are_checked() -> None:
    with pytest.raises(ConfigError, match="timeout must be more than 0 seconds; retries"):
        FetchOptions(timeout=0, retries=0)


def test_a_redirect_to_another_scheme_fails_without_retrying(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    site.extra["/away"] = lambda: (302, {"Location": "ftp://files.example.org/a"}, b"")
    [outcome] = fetch_urls([site.url("/away")], tmp_path, fast).outcomes
    assert outcome.reason == "redirected to ftp://files.example.org/a, which qantar cannot fetch"
    assert site.hits("/away") == 1


def test_a_body_that_cannot_be_decoded_fails(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    broken = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    site.extra["/zipped"] = lambda: (200, broken, b"this is not gzip at all")
    [outcome] = fetch_urls([site.url("/zipped")], tmp_path, fast).outcomes
    assert outcome.reason is not None
    assert outcome.reason.startswith("response cannot be decoded")
    assert site.hits("/zipped") == 1
