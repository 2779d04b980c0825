"""Nothing is fetched twice: the index, --refresh, failures retried, manifests merged."""

from __future__ import annotations

from pathlib import Path

import pytest

from qantar.exceptions import InputError
from qantar.fetch import CACHED, FAILED, INDEX, SAVED, FetchOptions, fetch_urls, url_key
from tests.fetch.helpers import manifest_rows, run_cli, write_urls
from tests.fetch.site import Site


def test_a_second_run_is_all_cached_and_sends_no_request(site: Site, tmp_path: Path) -> None:
    urls = write_urls(tmp_path / "urls.txt", [site.url(f"/news/{n}") for n in (1, 2, 3)])
    out = tmp_path / "out"
    first = run_cli("fetch", str(urls), "--out", str(out), "--delay", "0")
    assert first.exit_code == 0, first.output
    manifest = (out / "manifest.csv").read_bytes()
    requests = site.hits()

    second = run_cli("fetch", str(urls), "--out", str(out), "--delay", "0")
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("3 URLs: 0 saved, 3 cached, 0 failed;")
    assert site.hits() == requests  # not even robots.txt
    assert (out / "manifest.csv").read_bytes() == manifest


def test_refresh_fetches_again(site: Site, tmp_path: Path, fast: FetchOptions) -> None:
    urls = [site.url("/news/1"), site.url("/news/2")]
    fetch_urls(urls, tmp_path, fast)
    again = FetchOptions(timeout=2, delay=0, refresh=True)
    report = fetch_urls(urls, tmp_path, again)
    assert [o.status for o in report.outcomes] == [SAVED, SAVED]
    assert site.hits("/news/1") == 2
    assert len((tmp_path / INDEX).read_text(encoding="utf-8").splitlines()) == 2  # compacted


def test_failures_are_not_cached(site: Site, tmp_path: Path, fast: FetchOptions) -> None:
    fetch_urls([site.url("/missing/1")], tmp_path, fast)
    [outcome] = fetch_urls([site.url("/missing/1")], tmp_path, fast).outcomes
    assert outcome.status == FAILED
    assert site.hits("/missing/1") == 2


def test_a_deleted_file_is_fetched_again(site: Site, tmp_path: Path, fast: FetchOptions) -> None:
    [saved] = fetch_urls([site.url("/news/1")], tmp_path, fast).outcomes
    assert saved.file is not None
    (tmp_path / saved.file).unlink()
    [again] = fetch_urls([site.url("/news/1")], tmp_path, fast).outcomes
    assert again.status == SAVED and (tmp_path / saved.file).exists()


def test_the_manifest_keeps_other_rows_and_edits(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    fetch_urls([site.url("/news/1")], tmp_path, fast)
    key = url_key(site.url("/news/1"))
    text = (tmp_path / "manifest.csv").read_text(encoding="utf-8")
    edited = text.replace(",127.0.0.1,,", ",Steppe Courier,A. Reporter,")
    (tmp_path / "manifest.csv").write_text(
        edited
        + "earlier.txt,https://example.org/a,An earlier article,Example,,2022-01-09,day,en\n",
        encoding="utf-8",
    )
    report = fetch_urls([site.url("/news/1"), site.url("/news/2")], tmp_path, fast)
    assert [o.status for o in report.outcomes] == [CACHED, SAVED]
    rows = {row["file"]: row for row in manifest_rows(tmp_path)}
    assert list(rows) == sorted(rows)
    assert set(rows) == {"earlier.txt", f"{key}.txt", f"{url_key(site.url('/news/2'))}.txt"}
    assert rows[f"{key}.txt"]["outlet"] == "Steppe Courier"  # a cached page keeps its edited row
    assert rows[f"{key}.txt"]["author"] == "A. Reporter"
    assert rows["earlier.txt"]["title"] == "An earlier article"


def test_a_manifest_that_cannot_be_merged_stops_before_fetching(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    (tmp_path / "manifest.csv").write_text("name,link\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="the existing manifest has no 'file' column"):
        fetch_urls([site.url("/news/1")], tmp_path, fast)
    assert site.hits() == 0
    assert (tmp_path / "manifest.csv").read_text(encoding="utf-8") == "name,link\nx,y\n"


def test_a_cut_index_line_is_ignored(site: Site, tmp_path: Path, fast: FetchOptions) -> None:
    fetch_urls([site.url("/news/1")], tmp_path, fast)
    with (tmp_path / INDEX).open("a", encoding="utf-8") as index:
        index.write('{"url": "http://127.0.0.1/cut')  # a crash in mid-write
    [outcome] = fetch_urls([site.url("/news/1")], tmp_path, fast).outcomes
    assert outcome.status == CACHED


def test_progress_reports_every_url(site: Site, tmp_path: Path, fast: FetchOptions) -> None:
    calls: list[tuple[int, int]] = []
    urls = [site.url("/news/1"), site.url("/missing/1"), "mailto:someone@example.org"]
    report = fetch_urls(
        urls, tmp_path, fast, progress=lambda done, total: calls.append((done, total))
    )
    assert calls[-1] == (3, 3) and [done for done, _ in calls] == [1, 2, 3]
    assert report.summary() == "3 URLs: 1 saved, 0 cached, 2 failed"


def test_a_refreshed_page_of_another_kind_replaces_its_manifest_row(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    served = {"now": (200, {"Content-Type": "text/plain"}, b"An early statement by lawyers.")}
    site.extra["/statement"] = lambda: served["now"]
    fetch_urls([site.url("/statement")], tmp_path, fast)
    served["now"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n%%EOF\n")
    refresh = FetchOptions(timeout=2, delay=0, refresh=True)
    fetch_urls([site.url("/statement")], tmp_path, refresh)
    assert [row["file"] for row in manifest_rows(tmp_path)] == [
        f"{url_key(site.url('/statement'))}.pdf"
    ]
