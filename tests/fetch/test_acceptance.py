"""Acceptance: fifty pages from a local site, some failing, then stored by ``qantar build``."""

from __future__ import annotations

import time
from pathlib import Path

from qantar.fetch import INDEX, url_key
from qantar.ingest.html import NO_ARTICLE
from qantar.store import counts, open_store
from tests.fetch.helpers import failure_lines, manifest_rows, run_cli, write_urls
from tests.fetch.site import Site, story

GOOD_NEWS = [f"/news/{n}" for n in range(1, 42)]  # 41 article pages
GOOD_OTHER = ["/moved/7", "/flaky/203", "/plain/1"]  # a redirect, a 503 once, plain text
FAILING = {
    "/missing/1": "HTTP 404 Not Found",
    "/missing/2": "HTTP 404 Not Found",
    "/slow/1": "timed out after 2 tries (0.4 s each)",
    "/garbage/1": NO_ARTICLE,
    "/garbage/2": NO_ARTICLE,
    "/menu/1": NO_ARTICLE,
}


def test_fifty_pages_store_the_good_ones_and_report_each_failure_once(
    site: Site, tmp_path: Path
) -> None:
    paths = GOOD_NEWS + GOOD_OTHER + list(FAILING)
    assert len(paths) == 50
    lines = ["# fifty pages about January 2022", ""] + [site.url(path) for path in paths]
    lines.append(site.url("/news/1#comments"))  # the same page again: fetched once
    urls = write_urls(tmp_path / "urls.txt", lines)
    out = tmp_path / "fetched"
    db = f"sqlite:///{tmp_path / 'q.db'}"

    started = time.monotonic()
    result = run_cli(
        "fetch", str(urls), "--out", str(out), "--timeout", "0.4", "--retries", "2",
        "--backoff", "0.05", "--delay", "0", "--db", db,
    )  # fmt: skip
    assert time.monotonic() - started < 15

    assert result.exit_code == 1, result.output
    failures = failure_lines(result.stderr)
    assert len(failures) == len(FAILING)
    for path, reason in FAILING.items():
        assert failures.count(f"failed: {site.url(path)}: {reason}") == 1, failures
    assert failure_lines(result.stdout) == []
    assert result.stdout.strip().splitlines()[-1] == (
        f"50 URLs: 44 saved, 0 cached, 6 failed; store them with: "
        f"qantar build {out / 'manifest.csv'} --db {db}"
    )

    good = GOOD_NEWS + GOOD_OTHER
    keys = {path: url_key(site.url(path)) for path in good}
    expected = {"manifest.csv", INDEX}
    expected |= {f"{keys[path]}.txt" for path in good}
    expected |= {f"{keys[path]}.html" for path in good if not path.startswith("/plain")}
    assert {p.name for p in out.iterdir()} == expected

    rows = manifest_rows(out)
    assert [row["file"] for row in rows] == sorted(f"{keys[path]}.txt" for path in good)
    by_file = {row["file"]: row for row in rows}
    first = by_file[f"{keys['/news/1']}.txt"]
    assert first == {
        "file": f"{keys['/news/1']}.txt",
        "url": site.url("/news/1"),
        "title": story(1)["title"],
        "outlet": "127.0.0.1",
        "author": "",
        "published": story(1)["published"],
        "published_precision": "day",
        "language": "en",
    }
    assert by_file[f"{keys['/moved/7']}.txt"]["url"] == site.url("/news/107")  # where it landed
    assert by_file[f"{keys['/plain/1']}.txt"]["title"] == ""
    text = (out / f"{keys['/news/1']}.txt").read_text(encoding="utf-8")
    assert story(1)["paragraphs"][0] in text and "Politics" not in text
    raw = (out / f"{keys['/news/1']}.html").read_bytes()
    assert raw.startswith(b"<!doctype html>") and b"<nav>" in raw  # exactly as served
    assert site.hits("/news/1") == 1

    built = run_cli("build", str(out / "manifest.csv"), "--db", db)
    assert built.exit_code == 0, built.output
    assert "44 documents extracted, 0 already current, 0 failed" in built.stdout
    assert counts(open_store(db))["documents"] == 44
