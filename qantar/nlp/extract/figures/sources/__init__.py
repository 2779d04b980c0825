"""Who gives a figure, and whether that source is official, independent or unknown.

A reader credits a number to whoever the grammar says gives it, not to whoever stands nearest.
So the source is read on the shared reading layer (:mod:`qantar.nlp.reading`), starting from
the clause that holds the number and walking up the clauses it is embedded in:

- an attribution on that clause or one above it: "according to X", "по данным X", "по словам
  X", "со ссылкой на X" (the phrase itself when it governs nobody: "по официальным данным");
- the subject of a verb of saying or counting that governs the number's clause: "X said that
  230 died", "Authorities say security forces killed 26", "X put the number of dead at 238",
  "пресс-служба заявила о задержании 5,8 тыс."; the agent of a passive one ("was reported by
  X"); the body after an impersonal one ("как сообщили в областном суде"). Only a verb above
  the number counts, so in "300 were detained, while the ministry said 120 were freed" the
  ministry gives the 120, not the 300;
- a speaker framing the number from the side, wherever the parser hung the frame ("18
  officers died, the ministry said, a news site reports": the ministry);
- a statement the number stands in: "X's statement that ...", "в отчете X", or "в отчете"
  alone, the report whose author the text has just named.

An attribution inside what someone says outranks the one who says it ("the authors recall
that, according to official data, ..."), and the one cited outranks the one citing ("X
reported 164 deaths, citing state television").

Failing those, the sentence around it: a quotation whose speaker the quotes reader found,
dash-led or quoted speech whose speaker's words follow it in the paragraph, a headline "Body:
claim", the sentence after that points back ("Об этом сообщил X", "Такую цифру назвал X",
"This was reported by X"), and the source that the sentence or two before name for all they
say ("According to X, ... . In total, 4,600 cases were opened."), unless this sentence names
someone or dates itself. In a document an NGO published itself, a figure nobody else is
credited with is that NGO's (SCHEMA.md, convention 7). Nothing found is None, so the caller
may carry the source of the figures just before.

A source's kind comes from the word lists in ``patterns/sources.yml`` (bodies) and
``patterns/titles.yml`` (offices and roles of people), matched by lemma. A person is official
when the document gives them an office anywhere, before the name or after it, independent
when it calls them a lawyer, activist, journalist, witness and the like, and otherwise
unknown: a name alone says nothing of its kind. A Russian body is named in the nominative.

The reading is split in layers, each module importing only those below it:

- :mod:`.cues`: the :class:`Source` type, its kinds and the cue lists;
- :mod:`.who`: the document's people and bodies, their kinds, whom a pronoun stands for;
- :mod:`.phrases`: the source a phrase names, a body's name in the nominative;
- :mod:`.attribution`: attribution phrases, statement nouns, words that point back;
- :mod:`.speech`: verbs of saying and counting, and their speakers;
- :mod:`.clauses`: the walk up the clauses from the number;
- :mod:`.fallbacks`: quotes, speech after a dash, headlines, back references, the sentences
  before, the NGO that published the document;
- :mod:`.finder`: the order of all these, one reader per document.
"""

from __future__ import annotations

from qantar.nlp.extract.figures.sources.cues import (
    UNKNOWN,
    Source,
    SourceCues,
    is_anaphoric,
    source_cues,
)
from qantar.nlp.extract.figures.sources.finder import find_source

__all__ = ["UNKNOWN", "Source", "SourceCues", "find_source", "is_anaphoric", "source_cues"]
