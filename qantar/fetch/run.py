"""Fetch a list of URLs into a folder: the schedule, the outcomes and the report.

Each host gets one worker at a time, which takes its URLs in list order, so requests to a
site are sequential and spaced while ``workers`` sites are fetched at once. Outcomes flow
back to the calling thread through a queue; only that thread calls ``progress``, so a
progress bar needs no locking.

The run goes in two rounds: the listed URLs, then the links the feeds among them listed
(each at most once, and not if already listed). Links inside a feed that a feed listed are
not followed, which bounds the run by the length of the list and of its feeds.

Whatever happens, even Ctrl-C, the manifest and index are written before the run returns
or raises, so no saved page is ever lost to the next run.
"""

from __future__ import annotations

import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from qantar.fetch.client import Client, FetchFailure
from qantar.fetch.feeds import FeedItem, FeedProblem, feed_items
from qantar.fetch.folder import OutputFolder, Saved
from qantar.fetch.options import FetchOptions
from qantar.fetch.pacing import Pacer, Stopped
from qantar.fetch.pages import kind_of, read_page
from qantar.fetch.robots import Robots
from qantar.fetch.urls import UrlList, host_of, parse_url_lines

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each URL; ``total`` grows as feeds are read."""

SAVED, CACHED, FAILED, FEED = "saved", "cached", "failed", "feed"


@dataclass(frozen=True)
class Outcome:
    """What became of one URL (or one unusable line of the list)."""

    url: str
    """The URL in canonical form; for an unusable line, the line's text."""
    status: str
    """``saved``, ``cached``, ``failed`` or ``feed`` (read and expanded, never saved)."""
    reason: str | None = None
    """Why it failed."""
    file: str | None = None
    """The saved file the manifest lists, relative to the output folder."""
    kind: str | None = None
    """``html``, ``pdf`` or ``text`` for a saved page."""
    line: int | None = None
    """Its line in the URL file (a feed item has its feed's line)."""
    source: str | None = None
    """The URL file, for an unusable line."""
    feed: str | None = None
    """The feed that listed this URL."""
    items: int = 0
    """For a feed: how many article links it listed."""

    @property
    def subject(self) -> str:
        """How to name it to the user: the URL, or ``FILE line N`` for an unusable line."""
        if self.source is not None:
            return f"{self.source} line {self.line}"
        return self.url

    def message(self) -> str:
        """One plain line, e.g. ``failed: https://x/a: HTTP 404 Not Found``."""
        if self.status == FAILED:
            via = f" (listed in the feed {self.feed})" if self.feed else ""
            return f"failed: {self.subject}: {self.reason}{via}"
        if self.status == FEED:
            return f"feed: {self.url}: {self.items} links"
        return f"{self.status}: {self.url} -> {self.file}"


@dataclass
class FetchReport:
    """Every outcome of a run (in list order, each feed's links after it) and where to look."""

    out_dir: Path
    manifest: Path
    outcomes: list[Outcome] = field(default_factory=list)
    requests: int = 0
    """HTTP requests made, robots.txt, retries and redirect hops included."""
    duplicates: int = 0

    def of(self, status: str) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def failed(self) -> list[Outcome]:
        return self.of(FAILED)

    def summary(self) -> str:
        """``50 URLs: 44 saved, 2 cached, 4 failed`` (and the feeds read, if any)."""
        feeds = self.of(FEED)
        text = (
            f"{len(self.outcomes)} URLs: {len(self.of(SAVED))} saved, "
            f"{len(self.of(CACHED))} cached, {len(self.failed)} failed"
        )
        if feeds:
            links = sum(feed.items for feed in feeds)
            text += f", {len(feeds)} feeds read ({links} links)"
        return text


Seq = tuple[int, int]
"""Where an outcome goes in the report: (line in the list, item number in its feed or 0)."""


@dataclass(frozen=True)
class _Task:
    seq: Seq
    url: str
    line: int | None
    feed: str | None = None
    item: FeedItem | None = None


@dataclass(frozen=True)
class _Done:
    seq: Seq
    outcome: Outcome
    items: list[FeedItem] = field(default_factory=list)


class _Run:
    def __init__(self, folder: OutputFolder, options: FetchOptions, progress: Progress | None):
        self.folder = folder
        self.options = options
        self.progress = progress
        self.stop = threading.Event()
        self.pacer = Pacer(options.delay, self.stop)
        self.client = Client(options, self.pacer)
        self.robots = Robots(self.client)
        self.outcomes: dict[Seq, Outcome] = {}
        self.total = 0

    def record(self, seq: Seq, outcome: Outcome) -> None:
        self.outcomes[seq] = outcome
        if self.progress is not None:
            self.progress(len(self.outcomes), self.total)

    def go(self, listed: UrlList) -> None:
        self.total = len(listed.bad) + len(listed.urls)
        source = listed.path or None
        for bad in listed.bad:
            outcome = Outcome(bad.text, FAILED, bad.reason, line=bad.line, source=source)
            self.record((bad.line, 0), outcome)
        tasks = [_Task((url.line, 0), url.url, url.line) for url in listed.urls]
        seen = {task.url for task in tasks}
        feeds = self.round(tasks, allow_feeds=True)
        links: list[_Task] = []
        for done in feeds:
            line, feed = done.seq[0], done.outcome.url
            for number, item in enumerate(done.items, start=1):
                if item.url not in seen:
                    seen.add(item.url)
                    links.append(_Task((line, number), item.url, line, feed, item))
        self.total += len(links)
        self.round(links, allow_feeds=False)

    def round(self, tasks: list[_Task], *, allow_feeds: bool) -> list[_Done]:
        """Fetch ``tasks``, host by host; returns the feeds read."""
        by_host: dict[str, list[_Task]] = defaultdict(list)
        for task in tasks:
            saved = None if self.options.refresh else self.folder.cached(task.url)
            if saved is not None:
                self.record(task.seq, _outcome(task, CACHED, saved=saved))
            else:
                by_host[host_of(task.url)].append(task)
        if not by_host:
            return []
        results: queue.Queue[_Done | None] = queue.Queue()
        feeds: list[_Done] = []
        with ThreadPoolExecutor(self.options.workers, thread_name_prefix="qantar-fetch") as pool:
            futures = [
                pool.submit(self.fetch_host, host_tasks, allow_feeds, results.put)
                for host_tasks in by_host.values()
            ]
            try:
                finished = 0
                while finished < len(futures):
                    try:
                        done = results.get(timeout=0.5)
                    except queue.Empty:
                        continue
                    if done is None:
                        finished += 1
                        continue
                    self.record(done.seq, done.outcome)
                    if done.outcome.status == FEED:
                        feeds.append(done)
            except BaseException:
                self.stop.set()  # workers stop at their next wait or URL
                pool.shutdown(wait=True, cancel_futures=True)
                raise
            _raise_worker_errors(futures)
        return feeds

    def fetch_host(
        self, tasks: list[_Task], allow_feeds: bool, put: Callable[[_Done | None], None]
    ) -> None:
        try:
            for task in tasks:
                if self.stop.is_set():
                    return
                put(self.fetch_one(task, allow_feeds))
        except Stopped:
            return
        finally:
            put(None)

    def fetch_one(self, task: _Task, allow_feeds: bool) -> _Done:
        try:
            response = self.client.get(task.url, check=self.robots.check)
            kind = kind_of(response)
            if kind == "feed":
                if not allow_feeds:
                    raise FetchFailure("is a feed listed in a feed; list it in the URL file")
                items = feed_items(response.content, response.url, response.media_type)
                return _Done(task.seq, _outcome(task, FEED, items=len(items)), items)
            page = read_page(response, kind, task.item)
            try:
                saved = self.folder.save(task.url, response.url, page)
            except OSError as error:
                raise FetchFailure(f"cannot save it in {self.folder.path} ({error})") from None
            return _Done(task.seq, _outcome(task, SAVED, saved=saved))
        except (FetchFailure, FeedProblem) as failure:
            return _Done(task.seq, _outcome(task, FAILED, reason=failure.reason))


def _outcome(
    task: _Task,
    status: str,
    *,
    saved: Saved | None = None,
    reason: str | None = None,
    items: int = 0,
) -> Outcome:
    return Outcome(
        url=task.url,
        status=status,
        reason=reason,
        file=saved.file if saved else None,
        kind=saved.kind if saved else None,
        line=task.line,
        feed=task.feed,
        items=items,
    )


def _raise_worker_errors(futures: list[Future[None]]) -> None:
    """Re-raise the first unexpected error of a worker (a bug must not pass for a result)."""
    for future in futures:
        future.result()


def fetch_urls(
    urls: UrlList | Iterable[str],
    out_dir: str | Path,
    options: FetchOptions | None = None,
    progress: Progress | None = None,
) -> FetchReport:
    """Fetch ``urls`` (a :class:`UrlList` from :func:`read_url_file`, or URL strings) politely
    into ``out_dir``, expanding feeds, and write its ``manifest.csv`` for ``qantar build``.

    Never raises for a URL that fails: each outcome is in the report. Raises
    :class:`~qantar.exceptions.InputError` before fetching anything if ``out_dir`` cannot be
    made or holds a manifest that cannot be merged with.
    """
    options = options or FetchOptions()
    listed = urls if isinstance(urls, UrlList) else parse_url_lines("\n".join(urls), "")
    folder = OutputFolder(Path(out_dir))
    run = _Run(folder, options, progress)
    try:
        run.go(listed)
    finally:
        run.client.close()
        folder.finish()
    return FetchReport(
        out_dir=folder.path,
        manifest=folder.manifest,
        outcomes=[run.outcomes[seq] for seq in sorted(run.outcomes)],
        requests=run.client.requests,
        duplicates=listed.duplicates,
    )
