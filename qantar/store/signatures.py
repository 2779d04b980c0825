"""Stored text fingerprints (see :mod:`qantar.analyze.copies`): read, and fill in what lacks one.

The store keeps bytes and a scheme name; what they mean is the analysis stage's business, so
this module takes the function that makes a fingerprint as an argument.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from qantar.store import dialect
from qantar.store.schema import documents, signatures


def load_signatures(engine: Engine, scheme: str) -> dict[str, bytes]:
    """Every stored fingerprint made by ``scheme``, by document id."""
    query = select(signatures.c.doc_id, signatures.c.signature).where(signatures.c.scheme == scheme)
    with engine.connect() as conn:
        return {doc_id: bytes(value) for doc_id, value in conn.execute(query).tuples()}


def fill_signatures(
    engine: Engine, scheme: str, make: Callable[[str], bytes], batch: int = 200
) -> int:
    """Fingerprint every document without one of ``scheme`` (an older scheme's is replaced).

    Returns how many were made. Texts are read ``batch`` at a time, so memory stays flat.
    """
    done = set(load_signatures(engine, scheme))
    with engine.connect() as conn:
        missing = [
            d
            for d in conn.scalars(select(documents.c.id).order_by(documents.c.id))
            if d not in done
        ]
    for start in range(0, len(missing), batch):
        part = missing[start : start + batch]
        with engine.begin() as conn:
            texts = conn.execute(
                select(documents.c.id, documents.c.text).where(documents.c.id.in_(part))
            ).tuples()
            rows = [{"doc_id": d, "scheme": scheme, "signature": make(t)} for d, t in texts]
            conn.execute(delete(signatures).where(signatures.c.doc_id.in_(part)))
            dialect.insert(conn, signatures, rows)
    return len(missing)
