"""Errors qantar raises, kept few and structured.

    QantarError            base: catch this to handle anything qantar raises on purpose
    ├── InputError         a file, folder, manifest or URL could not be read as an article
    │   └── ExtractionRefused  an article exceeds a work limit (characters, tokens, pairs, time)
    ├── ConfigError        a setting or model is missing or wrong
    ├── StoreError         the database could not be opened or written
    ├── EntityError        a name or id picks out no entity, or more than one
    ├── ReviewError        a review or sign-in cannot be done (wrong password, no change)
    │   └── NotFoundError  no document, fact or page has the id or name asked for
    └── GoldError          a gold annotation file is not in the SCHEMA.md shape

Every message says what went wrong in plain words and, where there is one, what to do next.
The CLI prints ``str(error)`` and never a traceback.
"""

from __future__ import annotations


class QantarError(Exception):
    """Base class for every error qantar raises on purpose."""


class InputError(QantarError):
    """An input could not be read; ``path`` names it and ``reason`` says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ExtractionRefused(InputError):
    """One article needs more work than the limits allow (``QANTAR_MAX_*`` settings).

    Limits are counted in units of work, not seconds, so a serial and a parallel build refuse
    the same articles; the message names the limit and the setting that raises it."""


class ConfigError(QantarError):
    """A setting, model or data file is missing or invalid."""


class StoreError(QantarError):
    """The store could not be opened, migrated or written."""


class EntityError(QantarError):
    """A name or id given to a resolution command picks out no entity, or several."""


class ReviewError(QantarError):
    """A reviewer's decision or sign-in cannot be carried out; the message says why."""


class NotFoundError(ReviewError):
    """No document, fact or page has the id or name asked for."""


class GoldError(QantarError):
    """A gold file does not follow shared/gold/SCHEMA.md."""
