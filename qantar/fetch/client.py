"""One polite GET: paced per host, retried with backoff, redirects followed hop by hop.

Transient trouble (a timeout, a refused or dropped connection, 429 Too Many Requests, any
5xx) is retried up to ``retries`` tries in all, waiting ``backoff``, then twice that, and so
on; a ``Retry-After`` the server sends is honoured when it is within ``max_wait`` and makes
the URL fail at once when it is longer (waiting an hour for one page is not what a user
running a batch wants). Other 4xx answers are the server's final word and are never retried.

Redirects are followed here rather than by httpx so that every hop is checked (robots.txt of
the host it lands on) and paced like any other request to that host. Bodies are streamed
against a deadline and a size limit, so a server that drips bytes or sends gigabytes cannot
hold a worker for ever. Every problem ends as :class:`FetchFailure` with one plain reason.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus

import httpx

from qantar.fetch.options import FetchOptions
from qantar.fetch.pacing import Pacer
from qantar.fetch.urls import BadUrl, host_of, normalise_url


class FetchFailure(Exception):
    """A URL could not be fetched; ``reason`` says why in one plain clause."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        """The HTTP status that ended the request, if it was an HTTP answer."""


@dataclass(frozen=True)
class Response:
    """A complete successful (2xx) response."""

    url: str
    """The URL finally answered, after redirects."""
    status: int
    media_type: str
    """The Content-Type without parameters, lower-cased (``""`` when there is none)."""
    charset: str | None
    content: bytes


@dataclass(frozen=True)
class _Redirect:
    """A 3xx answer with a Location: the next URL to ask."""

    url: str


class _Retry(Exception):
    """One try failed in a way worth another try; ``wait`` is the server's Retry-After."""

    def __init__(
        self, reason: str, kind: str, wait: float | None = None, status: int | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
        self.wait = wait
        self.status = status


def status_text(code: int) -> str:
    """``HTTP 404 Not Found``: the code and its standard phrase."""
    try:
        return f"HTTP {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date), else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Client:
    """GET URLs politely through one shared ``httpx.Client`` (safe to use from many threads)."""

    def __init__(self, options: FetchOptions, pacer: Pacer) -> None:
        self.options = options
        self.pacer = pacer
        self.requests = 0
        """Requests sent so far (every try and every redirect hop counts)."""
        self._count = threading.Lock()
        self._http = httpx.Client(
            headers={"User-Agent": options.user_agent},
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=False,
            limits=httpx.Limits(max_connections=options.workers * 2),
        )

    def close(self) -> None:
        self._http.close()

    def get(
        self,
        url: str,
        *,
        check: Callable[[str], None] | None = None,
        max_redirects: int | None = None,
    ) -> Response:
        """The response at ``url`` after redirects; ``check(url)`` runs before every hop and
        may raise :class:`FetchFailure` (robots.txt). Raises :class:`FetchFailure`."""
        limit = self.options.max_redirects if max_redirects is None else max_redirects
        for _hop in range(limit + 1):
            if check is not None:
                check(url)
            answer = self._request(url)
            if isinstance(answer, Response):
                return answer
            try:
                url = normalise_url(answer.url)
            except BadUrl:
                raise FetchFailure(
                    f"redirected to {answer.url}, which qantar cannot fetch"
                ) from None
        raise FetchFailure(f"more than {limit} redirects")

    def _request(self, url: str) -> Response | _Redirect:
        """One request with its retries: a final response, or the URL it redirects to."""
        options = self.options
        last: _Retry | None = None
        for attempt in range(1, options.retries + 1):
            if last is not None:
                wait = options.backoff_before(attempt)
                if last.wait is not None:
                    if last.wait > options.max_wait:
                        raise FetchFailure(
                            f"{last.reason}; the server asks to wait {last.wait:g} s, "
                            f"more than the {options.max_wait:g} s limit",
                            last.status,
                        )
                    wait = max(wait, last.wait)
                self.pacer.sleep(wait)
            try:
                return self._try(url)
            except _Retry as problem:
                last = problem
        assert last is not None
        raise FetchFailure(self._gave_up(last), last.status)

    def _gave_up(self, last: _Retry) -> str:
        tries = self.options.retries
        after = f" after {tries} tries" if tries > 1 else ""
        if last.kind == "timeout":
            each = f"{self.options.timeout:g} s" + (" each" if tries > 1 else "")
            return f"timed out{after} ({each})"
        return f"{last.reason}{after}"

    def _try(self, url: str) -> Response | _Redirect:
        with self.pacer.turn(host_of(url)):
            with self._count:
                self.requests += 1
            deadline = time.monotonic() + self.options.timeout
            try:
                with self._http.stream("GET", url) as reply:
                    return self._answer(reply, deadline)
            except httpx.TimeoutException:
                raise _Retry("timed out", "timeout") from None
            except httpx.ConnectError:
                raise _Retry("cannot connect", "connect") from None
            except httpx.TransportError as error:
                raise _Retry(f"connection failed ({_detail(error)})", "transport") from None
            except httpx.DecodingError as error:  # e.g. a broken gzip body: it will not mend
                raise FetchFailure(f"response cannot be decoded ({_detail(error)})") from None
            except (httpx.RequestError, httpx.InvalidURL) as error:
                raise FetchFailure(f"request failed ({_detail(error)})") from None

    def _answer(self, reply: httpx.Response, deadline: float) -> Response | _Redirect:
        code = reply.status_code
        if code == 429 or code >= 500:
            wait = retry_after(reply.headers.get("Retry-After"))
            raise _Retry(status_text(code), "status", wait, code)
        if reply.is_redirect and reply.next_request is not None:
            return _Redirect(str(reply.next_request.url))
        if not 200 <= code < 300:
            raise FetchFailure(status_text(code), code)
        content = self._body(reply, deadline)
        media_type, _, params = reply.headers.get("Content-Type", "").partition(";")
        return Response(str(reply.url), code, media_type.strip().lower(), _charset(params), content)

    def _body(self, reply: httpx.Response, deadline: float) -> bytes:
        """The body, read by ``deadline`` (one timeout after the try began) and under
        ``max_bytes``. A single read may stall one more timeout before httpx gives up."""
        chunks: list[bytes] = []
        size = 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > self.options.max_bytes:
                limit = self.options.max_bytes / 1024 / 1024
                raise FetchFailure(f"response is larger than {limit:g} MB")
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise _Retry("timed out", "timeout")
        return b"".join(chunks)


def _detail(error: Exception) -> str:
    return str(error) or type(error).__name__


def _charset(params: str) -> str | None:
    """The ``charset`` parameter of a Content-Type, if any."""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'").lower()
    return None
