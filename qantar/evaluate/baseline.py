"""The golden gate: floors under the scores, so extraction quality can only go up unnoticed.

Modeled on trafilatura's ``tests/eval_gate.py``: a baseline file pins, for each score, the
lowest value still accepted, together with a digest of the corpus those floors were measured
on::

    {"floors": {"people.f1": 0.86, "verdicts.date.accuracy": 0.9, ...},
     "corpus_sha256": "3f0c...", "documents": 5}

:func:`check` lists every floor a run breaks (CI fails when the list is not empty). A drop
smaller than ``epsilon`` is tolerated so that floating-point noise and 4-place rounding never
fail a build. :func:`updated_baseline` raises floors after an improvement but refuses to lower
one unless asked to in so many words: a regression must be a decision, never a side effect of
re-pinning. The digest ties floors to a corpus, because floors measured on other articles say
nothing about this one.

A baseline may also pin subsets of its gold set (:mod:`qantar.evaluate.subsets`), each under its
name with floors and a document count of its own::

    {"floors": {...}, "documents": 40,
     "subsets": {"r*": {"floors": {"verdicts.f1": 0.62, ...}, "documents": 14}}}

:func:`pin` raises the whole set's floors and those of every subset already named in one go;
:func:`pin_subset` adds or raises one subset's. Only F1 and attribute accuracy are pinned:
precision and recall may trade against each other.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from qantar.exceptions import QantarError

EPSILON = 0.005
#: The scores :func:`pin` keeps floors for.
PINNED = (".f1", ".accuracy")


class BaselineError(QantarError):
    """A baseline file is unreadable or malformed, or an update would lower a floor."""


def flatten(scores: dict[str, Any]) -> dict[str, float]:
    """Every gateable number of a score result, keyed like ``people.f1`` or
    ``verdicts.date.accuracy``. Unmeasured attributes (accuracy None) are left out."""
    flat: dict[str, float] = {}
    for record_type, numbers in scores["types"].items():
        for metric in ("precision", "recall", "f1"):
            flat[f"{record_type}.{metric}"] = float(numbers[metric])
    for attribute, numbers in scores["attributes"].items():
        if numbers["accuracy"] is not None:
            flat[f"{attribute}.accuracy"] = float(numbers["accuracy"])
    return flat


def check(
    scores: dict[str, Any],
    baseline: dict[str, Any],
    epsilon: float = EPSILON,
    *,
    corpus_sha256: str | None = None,
) -> list[str]:
    """One plain-English line per floor the scores break; empty when the gate passes.

    Also reports a change in the number of documents and, when ``corpus_sha256`` is given, a
    change of corpus: either makes the floors meaningless until they are re-pinned.
    """
    flat = flatten(scores)
    problems = []
    pinned = baseline.get("corpus_sha256")
    if corpus_sha256 is not None and pinned is not None and corpus_sha256 != pinned:
        problems.append(
            f"the corpus changed (sha256 {corpus_sha256[:12]}, floors were set on "
            f"{pinned[:12]}): re-pin the baseline on the new corpus"
        )
    documents = baseline.get("documents")
    if documents is not None and documents != scores["documents"]:
        problems.append(
            f"{scores['documents']} documents were scored, but the floors were set on {documents}"
        )
    for key, floor in sorted(baseline["floors"].items()):
        value = flat.get(key)
        if value is None:
            problems.append(f"{key} is no longer measured, but has a floor {_num(floor)}")
        elif value < floor - epsilon:
            problems.append(f"{key} fell to {_num(value)}, below its floor {_num(floor)}")
    return problems


def updated_baseline(
    scores: dict[str, Any],
    baseline: dict[str, Any],
    allow_regression: bool = False,
    *,
    epsilon: float = EPSILON,
    corpus_sha256: str | None = None,
) -> dict[str, Any]:
    """A new baseline whose floors are the current scores, never lower than before.

    A score within ``epsilon`` below its floor keeps the old floor. A larger drop, or a floor
    whose score is no longer measured, raises :class:`BaselineError` naming each one, unless
    ``allow_regression`` is true: then floors follow the scores down and vanished ones are
    dropped. Other keys of ``baseline`` are kept; ``documents`` is updated, and
    ``corpus_sha256`` too when given.
    """
    flat = flatten(scores)
    old: dict[str, float] = baseline.get("floors", {})
    drops = [
        f"{key} would fall from {_num(floor)} to "
        + ("unmeasured" if key not in flat else _num(flat[key]))
        for key, floor in sorted(old.items())
        if key not in flat or flat[key] < floor - epsilon
    ]
    if drops and not allow_regression:
        raise BaselineError(
            "refusing to lower floors: "
            + "; ".join(drops)
            + ". Pass allow_regression=True if this regression is intended."
        )
    floors = {
        key: value if allow_regression else max(value, old.get(key, value))
        for key, value in flat.items()
    }
    updated = {**baseline, "floors": floors, "documents": scores["documents"]}
    if corpus_sha256 is not None:
        updated["corpus_sha256"] = corpus_sha256
    return updated


def pinned_floors(
    scores: dict[str, Any], baseline: dict[str, Any], allow_regression: bool = False
) -> dict[str, Any]:
    """:func:`updated_baseline` keeping only F1 and accuracy floors (:data:`PINNED`)."""
    new = updated_baseline(scores, baseline, allow_regression)
    new["floors"] = {k: v for k, v in new["floors"].items() if k.endswith(PINNED)}
    return new


def subset_names(baseline: dict[str, Any]) -> list[str]:
    """The names of the subsets a baseline pins, sorted."""
    return sorted(baseline.get("subsets", {}))


def pin_subset(baseline: dict[str, Any], name: str, scores: dict[str, Any]) -> dict[str, Any]:
    """A new baseline whose subset ``name`` has floors raised to ``scores`` (added when new);
    like :func:`updated_baseline`, it refuses to lower a floor."""
    subsets = dict(baseline.get("subsets", {}))
    subsets[name] = pinned_floors(scores, subsets.get(name, {"floors": {}}))
    return {**baseline, "subsets": subsets}


def pin(
    baseline: dict[str, Any],
    scores: dict[str, Any],
    subset_scores: Mapping[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A new baseline with the whole set's floors raised to ``scores`` and each subset the
    baseline names raised to its entry in ``subset_scores``: one re-pin for everything."""
    new = pinned_floors(scores, baseline)
    for name in subset_names(baseline):
        if subset_scores is None or name not in subset_scores:
            raise BaselineError(f"no scores for the subset {name!r} to pin")
        new = pin_subset(new, name, subset_scores[name])
    return new


def check_subsets(
    baseline: dict[str, Any],
    subset_scores: Mapping[str, dict[str, Any]],
    epsilon: float = EPSILON,
) -> list[str]:
    """:func:`check` for every subset the baseline pins, each line led by the subset's name."""
    problems = []
    for name in subset_names(baseline):
        if name not in subset_scores:
            problems.append(f"[{name}] has floors but was not scored")
            continue
        entry = baseline["subsets"][name]
        problems += [f"[{name}] {p}" for p in check(subset_scores[name], entry, epsilon)]
    return problems


def corpus_digest(paths: Iterable[str | Path]) -> str:
    """SHA-256 over the corpus files, sorted by name: each file's name, size and bytes.

    Names rather than full paths, so the digest is the same wherever the corpus is checked out;
    the size is hashed so that no two different corpora can produce the same byte stream.
    """
    digest = hashlib.sha256()
    for path in sorted((Path(p) for p in paths), key=lambda p: (p.name, str(p))):
        data = path.read_bytes()
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def read_baseline(path: str | Path) -> dict[str, Any]:
    """Read a baseline file, checking that every floor is a number."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot be read ({error.strerror or error})") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: is not valid JSON ({error})") from error
    _check_floors(path, data)
    subsets = data.get("subsets", {})
    if not isinstance(subsets, dict):
        raise BaselineError(f"{path}: 'subsets' must map subset names to floors")
    for name, entry in subsets.items():
        _check_floors(path, entry, f"subset {name!r} ")
    baseline: dict[str, Any] = data
    return baseline


def _check_floors(path: Path, data: Any, where: str = "") -> None:
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict):
        raise BaselineError(f"{path}: {where}has no 'floors' object")
    for key, floor in floors.items():
        if not isinstance(floor, int | float) or isinstance(floor, bool):
            raise BaselineError(f"{path}: {where}floor {key!r} is {floor!r}, not a number")


def write_baseline(path: str | Path, data: dict[str, Any]) -> None:
    """Write a baseline atomically: readers (a CI job, a concurrent run) never see half a file.

    Sorted keys and a fixed indent keep diffs of the pinned floors small and reviewable.
    """
    path = Path(path)
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _num(value: float) -> str:
    return str(round(value, 4))
