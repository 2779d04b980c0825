"""RSS and Atom feeds: read every run, their article links fetched once like listed URLs."""

from __future__ import annotations

from pathlib import Path

from qantar.fetch import CACHED, FAILED, FEED, SAVED, FetchOptions, fetch_urls, url_key
from qantar.fetch.feeds import feed_items, is_feed
from tests.fetch.helpers import failure_lines, manifest_rows, run_cli, write_urls
from tests.fetch.site import Site, atom, rfc822, rss, story


def _serve_feeds(site: Site) -> None:
    rss_items = [
        (site.url("/news/11"), "Feed title 11", rfc822("2022-01-20")),
        ("/bare/12", "Detained driver released in Taraz", rfc822("2022-01-21")),  # relative link
        (site.url("/missing/13"), "Removed story", rfc822("2022-01-22")),
    ]
    atom_items = [
        (site.url("/news/14"), "Feed title 14", "2022-02-01T10:00:00Z"),
        (site.url("/news/11"), "Listed twice", "2022-02-02T10:00:00Z"),  # also in the RSS feed
    ]
    site.extra["/feed.rss"] = lambda: (200, {"Content-Type": "application/rss+xml"}, rss(rss_items))
    site.extra["/atom"] = lambda: (200, {"Content-Type": "text/xml"}, atom(atom_items))


def test_rss_and_atom_items_are_fetched_and_fill_the_manifest(site: Site, tmp_path: Path) -> None:
    _serve_feeds(site)
    urls = write_urls(tmp_path / "urls.txt", [site.url("/feed.rss"), site.url("/atom")])
    out = tmp_path / "out"
    result = run_cli("fetch", str(urls), "--out", str(out), "--delay", "0", "--backoff", "0")
    assert result.exit_code == 1
    assert failure_lines(result.stderr) == [
        f"failed: {site.url('/missing/13')}: HTTP 404 Not Found "
        f"(listed in the feed {site.url('/feed.rss')})"
    ]
    assert result.stdout.startswith("6 URLs: 3 saved, 0 cached, 1 failed, 2 feeds read (5 links);")
    rows = {row["url"]: row for row in manifest_rows(out)}
    assert set(rows) == {site.url(p) for p in ("/news/11", "/bare/12", "/news/14")}
    assert rows[site.url("/news/11")]["title"] == story(11)["title"]  # the page's own title wins
    bare = rows[site.url("/bare/12")]
    assert (bare["title"], bare["published"], bare["published_precision"]) == (
        "Detained driver released in Taraz",
        "2022-01-21",
        "day",
    )
    assert site.hits("/news/11") == 1


def test_feeds_are_read_again_and_their_items_are_cached(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    _serve_feeds(site)
    feeds = [site.url("/feed.rss"), site.url("/atom")]
    fetch_urls(feeds, tmp_path, fast)
    report = fetch_urls(feeds, tmp_path, fast)
    assert [o.status for o in report.outcomes] == [FEED, CACHED, CACHED, FAILED, FEED, CACHED]
    assert site.hits("/feed.rss") == 2 and site.hits("/news/11") == 1


def test_a_feed_inside_a_feed_is_not_followed(site: Site, tmp_path: Path) -> None:
    inner = [(site.url("/news/1"), "One", rfc822("2022-01-20"))]
    outer = [(site.url("/inner.rss"), "A feed", rfc822("2022-01-20"))]
    site.extra["/inner.rss"] = lambda: (200, {"Content-Type": "application/rss+xml"}, rss(inner))
    site.extra["/outer.rss"] = lambda: (200, {"Content-Type": "application/rss+xml"}, rss(outer))
    options = FetchOptions(timeout=2, delay=0)
    report = fetch_urls([site.url("/outer.rss")], tmp_path, options)
    assert [(o.status, o.reason) for o in report.outcomes] == [
        (FEED, None),
        (FAILED, "is a feed listed in a feed; list it in the URL file"),
    ]


def test_a_listed_page_is_not_taken_for_a_feed(site: Site, tmp_path: Path) -> None:
    options = FetchOptions(timeout=2, delay=0)
    [outcome] = fetch_urls([site.url("/news/3")], tmp_path, options).outcomes
    assert outcome.status == SAVED and outcome.file == f"{url_key(site.url('/news/3'))}.txt"


def test_feeds_are_sniffed_by_their_root_element() -> None:
    assert is_feed("application/atom+xml", b"")
    assert is_feed(
        "text/xml", b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- hi -->\n<rss version="2.0">'
    )
    assert is_feed(
        "text/html", b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
    )
    assert is_feed("", b"<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert not is_feed("text/html", b"<!doctype html><html><head><title>feed</title>")
    assert not is_feed("text/xml", b"<?xml version='1.0'?><feedback/>")


def test_feed_items_skip_unusable_links_and_duplicates() -> None:
    body = rss(
        [
            ("mailto:desk@example.org", "Mail", rfc822("2022-01-20")),
            ("/a", "A", rfc822("2022-01-20")),
            ("https://example.org/a#top", "A again", rfc822("2022-01-21")),
        ]
    )
    items = feed_items(body, "https://example.org/rss")
    assert [(i.url, i.title, i.published) for i in items] == [
        ("https://example.org/a", "A", "2022-01-20")
    ]


def test_a_broken_feed_is_a_failure(site: Site, tmp_path: Path) -> None:
    garbage = b"<feed><<<not xml"
    site.extra["/broken"] = lambda: (200, {"Content-Type": "application/atom+xml"}, garbage)
    options = FetchOptions(timeout=2, delay=0)
    [outcome] = fetch_urls([site.url("/broken")], tmp_path, options).outcomes
    assert outcome.reason == "feed cannot be read (not well-formed (invalid token))"
