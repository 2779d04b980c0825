"""The URL file, canonical URLs, file names, the CLI's errors and ``--build``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qantar.exceptions import InputError
from qantar.fetch import BadUrl, normalise_url, parse_url_lines, read_url_file, url_key
from qantar.fetch.keys import KEY_PATTERN
from qantar.store import counts, open_store
from tests.fetch.helpers import failure_lines, run_cli, write_urls
from tests.fetch.site import Site


def test_blank_lines_comments_duplicates_and_bad_lines() -> None:
    listed = parse_url_lines(
        "# January 2022\n\n"
        "https://Example.org:443/a#top\n"
        "ftp://example.org/file\n"
        "  https://example.org/a   # the same article again\n"
        "https://example.org/b c\n"
        "http://example.org\n",
        "urls.txt",
    )
    assert [(u.line, u.url) for u in listed.urls] == [
        (3, "https://example.org/a"),
        (7, "http://example.org/"),
    ]
    assert [(b.line, b.reason) for b in listed.bad] == [
        (4, "'ftp://example.org/file' is not an http or https URL"),
        (6, "'https://example.org/b c' is not a URL (one URL per line, without spaces)"),
    ]
    assert listed.duplicates == 1


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("https://", "has no host name"),
        ("http://example.org:99999/", "has an invalid host or port"),
        ("www.example.org/a", "is not an http or https URL"),
    ],
)
def test_unusable_urls_say_why(text: str, reason: str) -> None:
    with pytest.raises(BadUrl, match=reason):
        normalise_url(text)


def test_the_cli_reports_a_bad_line_by_number_and_fetches_the_rest(
    site: Site, tmp_path: Path
) -> None:
    urls = write_urls(tmp_path / "urls.txt", ["# list", site.url("/news/1"), "ftp://x.org/a"])
    result = run_cli("fetch", str(urls), "--out", str(tmp_path / "out"), "--delay", "0")
    assert result.exit_code == 1
    assert failure_lines(result.stderr) == [
        f"failed: {urls} line 3: 'ftp://x.org/a' is not an http or https URL"
    ]
    assert result.stdout.startswith("2 URLs: 1 saved, 0 cached, 1 failed;")


def test_a_missing_url_file_is_one_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = subprocess.run(
        [sys.executable, "-m", "qantar", "fetch", str(missing), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == f"Error: {missing}: no such file or directory\n"
    assert not (tmp_path / "o").exists()


def test_a_url_file_without_urls_is_an_error(tmp_path: Path) -> None:
    empty = write_urls(tmp_path / "urls.txt", ["# nothing yet", ""])
    with pytest.raises(InputError, match="lists no URLs"):
        read_url_file(empty)


def test_build_flag_stores_what_was_fetched(site: Site, tmp_path: Path) -> None:
    urls = write_urls(tmp_path / "urls.txt", [site.url("/news/4"), site.url("/news/5")])
    db = f"sqlite:///{tmp_path / 'q.db'}"
    out = tmp_path / "out"
    result = run_cli("fetch", str(urls), "--out", str(out), "--delay", "0", "--build", "--db", db)
    assert result.exit_code == 0, result.output
    summary, built = result.stdout.splitlines()[:2]
    assert summary == "2 URLs: 2 saved, 0 cached, 0 failed"
    assert built.startswith("2 documents extracted, 0 already current, 0 failed")
    assert counts(open_store(db))["documents"] == 2


def test_keys_are_readable() -> None:
    assert url_key("http://127.0.0.1:8123/a/7") == "127.0.0.1-8123-a-7-fb1ff5766f"
    assert url_key("https://www.example.kz/news/%D1%81%D1%83%D0%B4.html").startswith(
        "example.kz-news-sud-"
    )


_URLS = st.builds(
    lambda scheme, host, path, query: f"{scheme}://{host}/{path}" + (f"?{query}" if query else ""),
    st.sampled_from(["http", "https"]),
    st.from_regex(r"(www\.)?[a-z0-9-]{1,20}\.(kz|ru|org)", fullmatch=True),
    st.text(max_size=300),
    st.text(max_size=20),
)


@given(_URLS, _URLS)
def test_keys_are_deterministic_safe_and_distinct(first: str, second: str) -> None:
    key = url_key(first)
    assert key == url_key(first)
    assert KEY_PATTERN.match(key), key
    assert len(key) <= 91 and ".." not in key
    if first != second:
        assert key != url_key(second)
