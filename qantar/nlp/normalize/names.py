"""Name folding for the nlp stage: the skeleton key that compares spellings of a name.

The folding itself lives in :mod:`qantar.names`, at the base of the package, because the store
and every later stage compare names the same way and the store must not import nlp. It is
re-exported here so that nlp code keeps reading ``qantar.nlp.normalize.names``.
"""

from __future__ import annotations

from qantar.names import ascii_lower, clean_name, same_name, skeleton

__all__ = ["ascii_lower", "clean_name", "same_name", "skeleton"]
