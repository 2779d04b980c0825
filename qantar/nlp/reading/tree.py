"""Walking the dependency tree of an :class:`Annotation`, whatever the language.

Every function takes the annotation and token indices into ``annotation.tokens`` (document-wide,
as the annotators give them). A sentence's root is its own head; nothing here crosses a
sentence, because no head does. The children lists are built once per annotation and kept
while the annotation lives (:func:`children`), so readers may call these freely.

Also here, because both languages need it and it is about tokens rather than grammar:
:func:`quoted_tokens`, which tokens stand inside quotation marks.
"""

from __future__ import annotations

import bisect
import re
import weakref

from qantar.model import Span
from qantar.nlp.annotate.types import Annotation, Token

#: The relation that joins conjuncts, the same name in spaCy's and in UD's scheme.
CONJ = "conj"

# id(annotation) -> (its token list, children). Annotation is an unhashable dataclass, so it
# cannot be a WeakKeyDictionary key; a finalizer drops the entry when the annotation goes.
_CHILDREN: dict[int, tuple[list[Token], list[list[int]]]] = {}


def children(annotation: Annotation) -> list[list[int]]:
    """For each token, the indices of its dependents in text order (a root is not its own)."""
    key = id(annotation)
    cached = _CHILDREN.get(key)
    # Still the same token list, and not refilled in place (that would change its length).
    if (
        cached is not None
        and cached[0] is annotation.tokens
        and len(cached[1]) == len(annotation.tokens)
    ):
        return cached[1]
    result: list[list[int]] = [[] for _ in annotation.tokens]
    for token in annotation.tokens:
        if token.head != token.index and 0 <= token.head < len(result):
            result[token.head].append(token.index)
    if cached is None:
        weakref.finalize(annotation, _CHILDREN.pop, key, None)
    _CHILDREN[key] = (annotation.tokens, result)
    return result


def subtree(annotation: Annotation, index: int) -> list[int]:
    """The token and everything under it, in text order."""
    below = children(annotation)
    found = [index]
    stack = [index]
    while stack:
        for child in below[stack.pop()]:
            found.append(child)
            stack.append(child)
    return sorted(found)


def subtree_span(annotation: Annotation, index: int) -> Span:
    """Characters from the first token of the subtree to the end of its last."""
    tokens = subtree(annotation, index)
    return Span(annotation.tokens[tokens[0]].start, annotation.tokens[tokens[-1]].end)


def ancestors(annotation: Annotation, index: int) -> list[int]:
    """The token's head, the head's head and so on up to the sentence root, nearest first."""
    tokens = annotation.tokens
    chain: list[int] = []
    seen = {index}
    current = tokens[index].head
    while current not in seen and 0 <= current < len(tokens):
        chain.append(current)
        seen.add(current)
        current = tokens[current].head
    return chain


def conjuncts(annotation: Annotation, index: int) -> list[int]:
    """The token with every token coordinated with it ("16, 15 and three years"), in text
    order. Starts from the first conjunct, so any member of the group gives the same list."""
    tokens = annotation.tokens
    first = index
    while tokens[first].dep == CONJ and tokens[first].head != first:
        first = tokens[first].head
    below = children(annotation)
    group = [first]
    stack = [first]
    while stack:
        for child in below[stack.pop()]:
            if tokens[child].dep == CONJ:
                group.append(child)
                stack.append(child)
    return sorted(group)


def sentence_tokens(annotation: Annotation, sentence: int) -> range:
    """The token indices of one sentence."""
    first, last = annotation.sentence_tokens[sentence]
    return range(first, last)


#: Opening mark -> closing marks. German-style „…“ nests inside «…» in Russian text.
_PAIRS = {"“": "”", "«": "»", "„": "“”"}
_STRAIGHT = '"'
_MARKS = re.compile('["“”«»„]')


def quote_regions(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Stretches of ``text[start:end]`` inside quotation marks (the marks excluded).

    Curly and angle quotes pair by kind and may nest (the outermost region is returned);
    straight quotes alternate open and close. A quote that is never closed runs to ``end``:
    a quotation that goes on into the next paragraph opens each paragraph and closes only
    the last. A closing mark with nothing open is ignored.
    """
    stop = len(text) if end is None else end
    regions: list[Span] = []
    stack: list[tuple[str, int]] = []  # (the closing marks expected, where the inside starts)
    for mark in _MARKS.finditer(text, start, stop):
        char, position = mark.group(), mark.start()
        if char == _STRAIGHT:
            if stack and stack[-1][0] == _STRAIGHT:
                _, inside = stack.pop()
                if not stack:
                    regions.append(Span(inside, position))
            else:
                stack.append((_STRAIGHT, position + 1))
        elif stack and char in stack[-1][0]:
            _, inside = stack.pop()
            if not stack:
                regions.append(Span(inside, position))
        elif char in _PAIRS:
            stack.append((_PAIRS[char], position + 1))
        elif any(char in closing for closing, _ in stack):
            # A mark closing an outer quote: the inner ones were left open by mistake.
            while stack and char not in stack[-1][0]:
                stack.pop()
            _, inside = stack.pop()
            if not stack:
                regions.append(Span(inside, position))
    if stack:
        regions.append(Span(stack[0][1], stop))
    return regions


def quoted_tokens(annotation: Annotation) -> list[bool]:
    """For each token, whether it stands inside quotation marks in its paragraph."""
    text = annotation.doc.text
    flags = [False] * len(annotation.tokens)
    starts = [t.start for t in annotation.tokens]
    for paragraph in annotation.paragraphs or [Span(0, len(text))]:
        for region in quote_regions(text, paragraph.start, paragraph.end):
            first = bisect.bisect_left(starts, region.start)
            last = bisect.bisect_left(starts, region.end)
            flags[first:last] = [True] * (last - first)
    return flags
