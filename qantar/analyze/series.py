"""A measure's values over time, by source type: the series a revision belongs to.

Each figure becomes a point at the time it refers to: its ``as_of`` where the article gives
one, else its article's publication day (marked ``dated_by: published``, since the count can
only be older). Ranges and hedged values keep their bounds, so "at least 238" is drawn as a
floor, not as 238.
"""

from __future__ import annotations

import math
from typing import Any

from qantar.analyze.corpus import Corpus
from qantar.analyze.figures import counts, subject
from qantar.analyze.periods import interval


def series(corpus: Corpus, measure: str) -> list[dict[str, Any]]:
    """The points of one measure in time order. Each: ``date``, ``dated_by`` (``as_of`` or
    ``published``), ``value`` (as written), ``low``, ``high`` (None when unbounded),
    ``source_type``, ``attributed_to``, ``scope`` (the measure and its scope in words),
    ``whole_case`` (False for a count of one place or a shorter period), ``doc_name``,
    ``outlet``, ``fact_id``, ``sentence``."""
    points = []
    for count in counts(corpus, measure):
        record = count.report.record
        as_of = interval(record.get("as_of"))
        published = interval(count.report.published)
        when = as_of or published
        if when is None:
            continue
        points.append(
            {
                "date": when[0].isoformat(),
                "dated_by": "as_of" if as_of else "published",
                "value": count.shown,
                "low": count.range[0],
                "high": None if math.isinf(count.range[1]) else count.range[1],
                "source_type": count.source_type,
                "attributed_to": record.get("attributed_to"),
                "scope": subject(measure, count),
                "whole_case": count.scope == ("", None),
                "doc_name": count.report.doc_name,
                "outlet": count.report.outlet,
                "fact_id": count.report.fact_id,
                "sentence": count.report.sentence,
            }
        )
    return sorted(points, key=lambda p: (p["date"], p["low"], p["doc_name"]))
