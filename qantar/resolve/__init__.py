"""Resolution: which person, organization and place records across documents are one entity.

Built the way nomenklatura resolves entities: records (facts) are never rewritten; scored,
explained pairs and reviewers' judgements decide clusters; entity ids stay stable. Start with
:func:`resolve` (a build calls it), list with :func:`list_entities`, look up with
:func:`find_entity`, read a person's :func:`dossier`, and record decisions with :func:`merge`,
:func:`split` and :func:`undo`.
"""

from qantar.resolve.decisions import merge, split, undo
from qantar.resolve.dossier import dossier
from qantar.resolve.entities import find_entities, find_entity, list_entities
from qantar.resolve.resolver import ResolveReport, resolve

__all__ = [
    "ResolveReport",
    "dossier",
    "find_entities",
    "find_entity",
    "list_entities",
    "merge",
    "resolve",
    "split",
    "undo",
]
