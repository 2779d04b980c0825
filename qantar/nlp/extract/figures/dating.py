"""The day a figure stands for (``as_of``), read from how the sentence frames its date.

A date frames a count when it opens the sentence ("15 января прокуратура сообщила ..."), when a
framing preposition stands before it ("as of", "by", "на 15 января", "к началу ноября", "по
состоянию на 1 июня") or when it dates the saying ("said on July 18", "сообщила в субботу").
Russian news puts the attribution first and the frame after it ("По данным МВД на 15 января,
...", "По данным ведомства, по состоянию на 1 июня ..."), so an opening attribution phrase
("по данным X", "according to X") is passed over before the frame is looked for. Any other
date in the sentence is the date of something else and is never taken.
"""

from __future__ import annotations

import re

from qantar.model import Span
from qantar.nlp.extract.figures.sources import source_cues
from qantar.nlp.normalize.dates import DateMention

_FRAME_BEFORE = re.compile(
    r"\s*(?:on|by|as\s+of|as\s+at|(?:by|on)\s+the\s+\w+\s+of|к|на|по\s+состоянию\s+на)\s*",
    re.IGNORECASE,
)
#: Unambiguous wherever it stands in the sentence: "по состоянию на" is always "as of".
_AS_OF_ANYWHERE = re.compile(r"(?:\bas\s+of|(?<!\w)по\s+состоянию\s+на)\s*$", re.IGNORECASE)
_SAYING = r"said|says|reported|stated|announced|briefed|заявил\w*|сообщил\w*"
_SPOKEN = re.compile(rf"\b(?:{_SAYING})\s+(?:on|в)?\s*$", re.IGNORECASE)
_REPORTED = re.compile(rf"\b(?:{_SAYING}|told|published|сказал\w*|опубликовал\w*)\b", re.IGNORECASE)
_IN_MONTH_BEFORE = re.compile(r"\s*(?:in|в)\s+(?:early\s+|mid-?\s*|late\s+)?", re.IGNORECASE)


def _without_attribution(before: str, language: str) -> str:
    """``before`` with an opening "по данным X," / "according to X," taken off."""
    opener = source_cues(language).before_source.match(before.lstrip())
    if not opener:
        return before
    rest = before.lstrip()[opener.end() :]
    if re.fullmatch(r"[^,]*,\s*", rest):
        return ""  # "По данным акимата, 14 января ...": the date opens the count's clause
    frame = re.search(r"(?:^|,|\s)(?=(?:on|by|as\s+of|к|на|по\s+состоянию\s+на)\s*$)", rest, re.I)
    if frame is None or "," in rest[: frame.start()].rstrip().rstrip(","):
        return before  # another clause comes between: the date is not the frame of the count
    return rest[frame.end() :]


def as_of_date(
    text: str, dates: list[DateMention], sentence: Span, language: str = "en"
) -> str | None:
    """The ISO date the sentence's figures are as of, else None."""
    for d in dates:
        if d.precision == "year" or d.end_value:
            continue
        before = text[sentence.start : d.start]
        if (
            # "15 января прокуратура сообщала о 225 погибших"; a month opening the sentence is
            # the period counted ("July has seen 100 convictions"), not the day of the count
            (not _without_attribution(before, language).strip() and d.precision == "day")
            or _FRAME_BEFORE.fullmatch(before)
            or _FRAME_BEFORE.fullmatch(_without_attribution(before, language))
            # "In March, the prosecutor told parliament that 230 had died": as of that month
            or (
                d.precision == "month"
                and _IN_MONTH_BEFORE.fullmatch(before)
                and _REPORTED.search(text, d.end, sentence.end) is not None
            )
            or _SPOKEN.search(before)
            or _AS_OF_ANYWHERE.search(before)
        ):
            return d.value
    return None
