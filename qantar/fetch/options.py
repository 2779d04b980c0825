"""How politely to fetch: timeouts, tries, waits and limits, in one value.

Every wait and every request is bounded by one of these numbers, so a run over any list of
URLs ends in bounded time whatever the servers do: a try lasts at most about twice
``timeout`` (one read may stall for ``timeout`` just before the try's deadline), a request at
most ``retries`` tries with waits between them, and no server can make qantar wait longer than
``max_wait`` (a long ``Retry-After`` or ``Crawl-delay`` is capped, or the URL fails instead).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata

from qantar.exceptions import ConfigError

ROBOTS_AGENT = "qantar"
"""The product token matched against ``User-agent`` lines in robots.txt."""


def qantar_version() -> str:
    """qantar's version: ``qantar.__version__`` when the package sets one, else its metadata."""
    import qantar

    version = getattr(qantar, "__version__", None)
    if isinstance(version, str) and version:
        return version
    try:
        return metadata.version("qantar")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def default_user_agent() -> str:
    """A User-Agent that names the tool and its version, so site owners can tell who calls."""
    return f"{ROBOTS_AGENT}/{qantar_version()} (news archiver; respects robots.txt)"


@dataclass(frozen=True)
class FetchOptions:
    """Settings of one fetch run; the defaults are the CLI's."""

    timeout: float = 20.0
    """Seconds one try may take: connecting, and reading the whole response."""
    retries: int = 3
    """Tries per request in all (1 means no retry)."""
    delay: float = 1.0
    """Seconds between the end of one request to a host and the start of the next."""
    backoff: float = 1.0
    """Wait before the second try; each further try waits twice as long as the one before."""
    max_wait: float = 60.0
    """Longest ``Retry-After`` honoured, and the cap on a robots.txt ``Crawl-delay``."""
    max_redirects: int = 10
    max_bytes: int = 50 * 1024 * 1024
    """Longest response body kept; a larger one fails instead of filling the disk."""
    workers: int = 4
    """Hosts fetched at the same time (requests to one host are always one after another)."""
    refresh: bool = False
    """Fetch URLs already saved in the output folder again."""
    user_agent: str = field(default_factory=default_user_agent)

    def __post_init__(self) -> None:
        problems = [
            f"{name} must be {rule}"
            for name, ok, rule in (
                ("timeout", self.timeout > 0, "more than 0 seconds"),
                ("retries", self.retries >= 1, "at least 1"),
                ("delay", self.delay >= 0, "0 seconds or more"),
                ("backoff", self.backoff >= 0, "0 seconds or more"),
                ("max_wait", self.max_wait >= 0, "0 seconds or more"),
                ("max_redirects", self.max_redirects >= 0, "0 or more"),
                ("max_bytes", self.max_bytes > 0, "more than 0"),
                ("workers", self.workers >= 1, "at least 1"),
            )
            if not ok
        ]
        if problems:
            raise ConfigError("fetch options: " + "; ".join(problems))

    def backoff_before(self, attempt: int) -> float:
        """Seconds to wait before try number ``attempt`` (2, 3, ...): 1x, 2x, 4x ``backoff``."""
        return float(self.backoff * 2 ** (attempt - 2))
