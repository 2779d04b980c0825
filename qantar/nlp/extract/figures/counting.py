"""What a stated number counts, read from the parse rather than from the words beside it.

A number in news counts a noun ("4,500 people", "238 людям"), a part of a group ("three of her
colleagues", "из них 71"), or nothing at all when the clause says what it is ("12,000 have been
arrested", "the death toll stood at 232", "число задержанных превысило 2,3 тысячи человек").
Which measure it is then depends on two sets of words, kept apart because they answer
different questions:

- the **counted phrase**: the noun with its own modifiers ("members of the security forces",
  "людям, погибшим за четыре дня"), without the other members of a list it stands in ("12
  nurses, 30 drivers and 5 guards": each number has its own noun);
- the **scope**: the words of the clause the number belongs to, with the phrases of that
  clause's arguments, and not the words of other clauses in the sentence. "12 officers died and
  317 were injured" gives each number its own verb; "compensation totaling $76,000 for damage"
  makes the sum compensation, because "damage" belongs to the clause above.

A predicate standing right next to the number phrase (``adjacent``: "были задержаны свыше 900
человек", "4,500 people were injured") is read before the rest of the clause, because a long
sentence is where the parser most often hangs a phrase on the wrong verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from qantar.nlp.annotate.types import Token
from qantar.nlp.normalize.quantities import Quantity
from qantar.nlp.reading.cues import LemmaCues, cue_list
from qantar.nlp.reading.document import Reading
from qantar.nlp.reading.types import MODIFIER, OBJECT, RELATIVE, SUBJECT, Clause

#: Relations under which a token is a number counting its head noun.
_NUMBER_OF_HEAD = ("nummod", "nummod:gov", "nummod:entity", "quantmod")
#: Relations from a number to the group it takes a part of ("three of her colleagues").
_PARTITIVE_MARKERS = ("of", "among", "из", "среди")
#: Obliques that state a count's value ("stood at 232", "rose to 9,900", "выросло до 225").
_VALUE_MARKERS = ("at", "to", "до", "к", "в")
_CONJUNCT = "conj"
#: "those five protesters", "эти пятеро": a group named before, not a new count.
#: Plural only in English: a "that" before a count is far more often "said that 12 ...".
_DEMONSTRATIVES = ("these", "those", "этот", "эти", "тот", "те")


@dataclass(frozen=True)
class Count:
    """How the parse reads one stated number."""

    anchor: Token
    """The head token of the number phrase (the token whose head lies outside it)."""
    noun: Token | None
    """The noun counted, if the number counts one."""
    noun_phrase: tuple[Token, ...]
    """The noun with the words that say who they are ("members of the security forces")."""
    counted: tuple[Token, ...]
    """The noun phrase with the clauses on it ("people who died in custody")."""
    qualifiers: tuple[Token, ...]
    """Words of the clause that say who those counted are, wherever they stand: a partitive
    ("of the police, 7 died") or the predicate of serving or being ("19 of them served in
    the police", "were police officers")."""
    scope: tuple[Token, ...]
    """The words of the number's clause and of that clause's arguments."""
    adjacent: tuple[Token, ...]
    """The own words of a clause whose predicate stands right next to the number phrase."""
    wider: tuple[Token, ...]
    """For a number that counts no noun, the words of the clauses above its own ("raised the
    death toll resulting from the unrest that rocked the country to 238"), read last."""
    predicates: tuple[Token, ...]
    """The predicates of the clauses the number or its noun is an argument of: "14 nurses
    were wounded" counts people because nurses are what was wounded."""
    shared: tuple[Token, ...]
    """Own words of other clauses the counted noun is an argument of ("225 people have been
    reported killed"; "38 were detained but soon released")."""
    after: tuple[Token, ...]
    """Up to four words right after the number, up to punctuation: "36 – mass unrest"."""
    core: bool
    """The number is itself an argument of its clause ("12,000 were arrested")."""
    partitive: bool
    """The number takes a part of a group ("three of her colleagues", "one of the detainees")."""
    referring: bool
    """The number points back at a group already named ("those five protesters")."""
    clause: Clause | None


def _anchor(reading: Reading, q: Quantity) -> Token | None:
    inside = [t for t in reading.tokens_between(q.number_start, q.end) if t.end <= q.end]
    if not inside:
        return None
    inside = [t for t in inside if t.pos != "PUNCT"] or inside  # "4,1 тыс." ends on a dot
    indices = {t.index for t in inside}
    outside = [t for t in inside if t.head not in indices or t.head == t.index]
    numeric = [t for t in outside if t.pos == "NUM" or any(c.isdigit() for c in t.text)]
    return (numeric or outside or inside)[-1]


def _counted_noun(reading: Reading, anchor: Token, q: Quantity) -> tuple[Token | None, bool]:
    """The noun ``anchor`` counts and whether it is a group a part is taken of."""
    tokens = reading.tokens
    head = tokens[anchor.head]
    numeric = any(c.isdigit() for c in anchor.text)
    if (
        (anchor.dep in _NUMBER_OF_HEAD or (numeric and anchor.dep in ("amod", "det")))
        and head.index != anchor.index
        and (
            head.pos in ("NOUN", "PROPN", "ADJ", "PRON")
            or (head.pos == "VERB" and head.feature("VerbForm") == "Part")  # "19 погибших"
        )
    ):
        return head, False
    for child in reading.children(anchor.index):
        token = tokens[child]
        if q.start <= token.start < q.end:
            continue  # the hedge or scale of the number itself ("more than", "тысяч")
        if token.text.lower() in _PARTITIVE_MARKERS:  # spaCy: "three" -> "of" -> "colleagues"
            objects = [tokens[c] for c in reading.children(child) if tokens[c].pos in _NOMINAL]
            if objects:
                return objects[0], True
        if token.dep in ("punct", "appos"):
            continue
        if token.pos in ("NOUN", "PROPN", "PRON") or (
            token.pos in ("ADJ", "VERB") and token.index > anchor.index and token.feature("Case")
        ):  # "5,8 тыс. причастных": an adjective after a Russian numeral is what it counts
            markers = [tokens[c].text.lower() for c in reading.children(child)]
            return token, any(m in _PARTITIVE_MARKERS for m in markers)
    return None, False


_NOMINAL = ("NOUN", "PROPN", "PRON", "ADJ")


def _phrase(
    reading: Reading, head: Token, numbers: set[int], with_clauses: bool = True
) -> list[int]:
    """The noun phrase of ``head``: its subtree without its conjuncts and other numbers, and
    only the unbroken run of words around it, up to punctuation. "5,135 people, including
    foreign nationals," counts people; "875 уголовных дел: 44 из них ..." counts cases.

    ``with_clauses`` keeps the participles and relative clauses on the noun even past a comma
    ("людям, погибшим", "people who died in police custody"): they say what happened to those
    counted, but not who they are, so the noun a measure counts is looked for without them."""
    tokens = reading.tokens
    skip: set[int] = set()
    for child in reading.children(head.index):
        if tokens[child].dep == _CONJUNCT:
            skip.update(reading.subtree(child))
    below = set(reading.subtree(head.index)) - skip
    clauses = [
        c
        for c in reading.clauses_of(head.sentence)
        if c.predicate in below and c.predicate != head.index
    ]
    inner = set(below)
    for clause in clauses:
        inner -= set(reading.subtree(clause.predicate))
    start = end = head.index
    while start - 1 in inner and not _breaks(tokens[start - 1]):
        start -= 1
    while end + 1 in inner and not _breaks(tokens[end + 1]):
        end += 1
    found = {i for i in range(start, end + 1) if i in inner}
    if with_clauses:
        for clause in clauses:
            below = set(reading.subtree(clause.predicate))
            if tokens[clause.predicate].head in found and not below & numbers:
                found.update(below)
    return sorted(found - numbers)


def _breaks(token: Token) -> bool:
    """Punctuation that ends a noun phrase (a hyphen, a quotation mark or a dot does not)."""
    return token.pos == "PUNCT" and token.text in _PHRASE_BREAKS


_PHRASE_BREAKS = (",", ":", ";", "(", ")", "–", "—", "[", "]")


def _scope(reading: Reading, clause: Clause, numbers: set[int]) -> set[int]:
    """The clause's own words with its arguments' phrases; a clause embedded in an argument
    counts unless it states another count ("875 cases: 44 of them concern terrorism"), while
    a modifier ("people who were arrested", "the number of wounded") says what is counted."""
    found = {t.index for t in reading.own_tokens(clause)}
    statements = [
        set(reading.subtree(c.predicate))
        for c in reading.clauses_of(clause.sentence)
        if c.kind not in (MODIFIER, RELATIVE) and c.index != clause.index
    ]
    statements = [below for below in statements if below & numbers]
    for argument in clause.arguments:
        phrase = set(_phrase(reading, reading.tokens[argument.head], numbers))
        for below in statements:
            if below & phrase and argument.head not in below:
                phrase -= below
        found.update(phrase)
    return found - numbers


def _adjacent(reading: Reading, first: int, last: int, clause: Clause | None) -> set[int]:
    """The own words of a clause whose predicate stands right next to the number phrase
    (tokens ``first``..``last``), when the parse hung the phrase elsewhere: "были задержаны
    свыше 900 человек" is about the detentions whatever the parser made of the sentence."""
    tokens = reading.tokens
    found: set[int] = set()
    predicates = {c.predicate: c for c in reading.clauses_of(tokens[first].sentence)}
    before = first - 1
    after = last + 1
    while after < len(tokens) and tokens[after].pos == "AUX":
        after += 1
    for index in (before, after):
        near = predicates.get(index)
        if near is not None and 0 <= index < len(tokens) and near is not clause:
            found.update(t.index for t in reading.own_tokens(near))
    return found


def _after(reading: Reading, anchor: Token, q: Quantity) -> tuple[Token, ...]:
    words: list[Token] = []
    tokens = reading.tokens
    index = anchor.index + 1
    while index < len(tokens) and tokens[index].start < q.end:
        index += 1
    while index < len(tokens) and len(words) < 5 and tokens[index].sentence == anchor.sentence:
        token = tokens[index]
        if token.pos == "PUNCT" and token.text not in ("–", "—", "-", "“", '"', "‘", "'", "«"):
            break
        words.append(token)
        index += 1
    return tuple(words)


def _naming_words(reading: Reading, head: Token) -> list[int]:
    """A head with the words right before it that name the same thing, and its conjuncts:
    "police officers", "силовых структурах", "полиции и армии" (not "a far cry from ...")."""
    tokens = reading.tokens
    found: list[int] = []
    for index in reading.conjuncts(head.index):
        start = index
        while (
            start - 1 >= 0
            and tokens[start - 1].head == index
            and tokens[start - 1].pos
            in (
                "ADJ",
                "NOUN",
                "PROPN",
            )
        ):
            start -= 1
        found.extend(range(start, index + 1))
    return found


def _qualifiers(reading: Reading, clause: Clause, counted: set[int]) -> set[int]:
    language = reading.annotation.doc.language
    being = cue_list("numbers", "membership_verbs", language).has(reading.tokens[clause.predicate])
    found: set[int] = set()
    for argument in clause.arguments:
        head = reading.tokens[argument.head]
        if counted & set(reading.subtree(argument.head)) or head.pos == "PRON":
            continue  # the number's own phrase; "из них" says nothing of who
        if argument.marker in ("of", "из") or (being and argument.role != SUBJECT):
            found.update(_naming_words(reading, head))
    return found


def _conjunct_chain(reading: Reading, token: Token) -> set[int]:
    """The token and the heads it is coordinated under: in "14 nurses, 31 drivers and 6
    guards were wounded" the parse makes only "nurses" the subject."""
    found = {token.index}
    while token.dep == _CONJUNCT and token.head not in found:
        found.add(token.head)
        token = reading.tokens[token.head]
    return found


def _undergoes(clause: Clause, heads: set[int]) -> bool:
    """Whether those counted undergo the clause's act: its object, or the subject of a passive
    ("police detained 4 journalists", "14 nurses were wounded"), not its agent ("two groups
    marched") nor a circumstance ("погибшим за четыре дня")."""
    return any(
        a.head in heads and (a.role == OBJECT or (a.role == SUBJECT and clause.passive))
        for a in clause.arguments
    )


def _argument_of(reading: Reading, heads: set[int], sentence: int) -> list[Clause]:
    """Every clause that has one of ``heads`` as an argument: "225 people have been reported
    killed" is a count of the killed, "12 обвиняемых остаются под стражей"."""
    return [
        clause
        for clause in reading.clauses_of(sentence)
        if any(a.head in heads for a in clause.arguments)
    ]


_DASHES = ("–", "—", "-")
#: How many clauses up a number that counts no noun looks for what it counts.
WIDER_STEPS = 2


def _counts_after(token: Token) -> bool:
    return token.pos == "NOUN" or (token.pos in ("ADJ", "VERB") and bool(token.feature("Case")))


def _refers_back(reading: Reading, q: Quantity) -> bool:
    """Whether a demonstrative stands right before the number: "those five protesters"."""
    before = reading.tokens_between(max(0, q.start - 12), q.start)
    return bool(before) and before[-1].lemma.lower() in _DEMONSTRATIVES


def read_count(reading: Reading, q: Quantity, numbers: set[int]) -> Count | None:
    """How the parse reads quantity ``q``; ``numbers`` are the token indices of every number
    phrase in the sentence, kept out of each other's phrases. None when no token covers it."""
    anchor = _anchor(reading, q)
    if anchor is None:
        return None
    tokens = reading.tokens
    own = {t.index for t in reading.tokens_between(q.start, q.end)}
    others = numbers - own
    after = _after(reading, anchor, q)
    noun, partitive = _counted_noun(reading, anchor, q)
    dash_led = bool(after) and after[0].text in _DASHES
    if dash_led:
        # "36 – mass unrest", "23 — убийств": what the number counts follows the dash
        noun, after = None, after[1:]
    elif noun is None and after and _counts_after(after[0]):
        # the parse hung the number elsewhere, but a noun right after a numeral is what it
        # counts: "5,8 тыс. причастных к беспорядкам"
        noun = after[0]
    if dash_led:
        noun_phrase = counted = [t.index for t in after]
    elif noun is not None:
        counted = _phrase(reading, noun, others)
        noun_phrase = _phrase(reading, noun, others, with_clauses=False)
    else:
        counted = noun_phrase = []
    owner = reading.owner(anchor.index)
    clause = reading.clauses[owner] if owner >= 0 else None
    if clause is not None and noun is not None and clause.predicate == noun.index:
        # "19 погибших служили в полиции", "those killed": the participle is the noun, and
        # the number belongs to the clause it stands in
        parent = clause.parent
        clause = reading.clauses[parent] if parent is not None else clause
    heads = _conjunct_chain(reading, anchor) | (
        _conjunct_chain(reading, noun) if noun is not None else set()
    )
    scope = set(counted)
    argument_of = _argument_of(reading, heads, anchor.sentence)
    shared = {t.index for c in argument_of for t in reading.own_tokens(c)}
    wider: set[int] = set()
    qualifiers: set[int] = set()
    core = False
    if clause is not None:
        scope |= _scope(reading, clause, others)
        values = {a.head for a in clause.arguments if not a.marker or a.marker in _VALUE_MARKERS}
        core = noun is None and (
            anchor.index in values
            or anchor.head == clause.predicate  # "выросло до 310", whatever the relation
            or (anchor.dep == _CONJUNCT and anchor.head in values)
        )
        subject = {a.head for a in clause.role(SUBJECT)}
        if core or subject & heads:  # "19 из них служили в полиции": the subject is counted
            qualifiers = _qualifiers(reading, clause, {*own, *counted})
        parent, steps = clause.parent, 0
        while noun is None and parent is not None and steps < WIDER_STEPS:
            wider |= _scope(reading, reading.clauses[parent], others)
            parent, steps = reading.clauses[parent].parent, steps + 1
    else:  # no predicate at all ("В составе миссии было 1560 военнослужащих"): the sentence
        scope |= {t.index for t in reading.sentence_tokens(anchor.sentence)} - others
    phrase = sorted({*own, *counted})
    adjacent = _adjacent(reading, phrase[0], phrase[-1], clause) - others
    return Count(
        anchor=anchor,
        noun=noun,
        noun_phrase=tuple(tokens[i] for i in sorted(noun_phrase)),
        counted=tuple(tokens[i] for i in sorted(counted)),
        qualifiers=tuple(tokens[i] for i in sorted(qualifiers)),
        scope=tuple(tokens[i] for i in sorted(scope - others)),
        adjacent=tuple(tokens[i] for i in sorted(adjacent)),
        wider=tuple(tokens[i] for i in sorted(wider - scope - others)),
        shared=tuple(tokens[i] for i in sorted(shared - scope - others)),
        predicates=tuple(tokens[c.predicate] for c in argument_of if _undergoes(c, heads)),
        after=after,
        core=core,
        partitive=partitive,
        referring=_refers_back(reading, q),
        clause=clause,
    )


def people_nouns(language: str) -> LemmaCues:
    """The nouns that count people (``reading.yml``), shared with the document state."""
    return cue_list("reading", "people_nouns", language)
