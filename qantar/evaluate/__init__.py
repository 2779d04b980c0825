"""Evaluation against gold annotations: checking gold files, scoring, reporting.

The baseline gate (floors on scores, pinned to a corpus digest) lives in
:mod:`qantar.evaluate.baseline`.
"""

from __future__ import annotations

from qantar.evaluate.compare import date_matches
from qantar.evaluate.gold import load_gold
from qantar.evaluate.report import format_table
from qantar.evaluate.score import score

__all__ = ["date_matches", "format_table", "load_gold", "score"]
