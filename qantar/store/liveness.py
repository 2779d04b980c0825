"""Whether a run recorded as ``running`` still has a process behind it.

A build killed outright (SIGKILL, the out-of-memory killer, a power cut) never reaches the code
that closes its run, so its row would say ``running`` for ever. Each run records its host and
process id; on the same host a process that no longer exists is proof the run was cut short.
A run from another host cannot be checked from here and keeps its recorded status.
"""

from __future__ import annotations

import os
import socket

from sqlalchemy import select
from sqlalchemy.engine import Connection

from qantar.store.schema import runs

HOST = socket.gethostname()[:64]
"""This machine's name as runs record it."""

ABANDONED_NOTE = "its process ended without finishing the run (killed or crashed)"
"""The note a run closed by someone else's check carries."""


def process_alive(pid: int) -> bool:
    """Whether a process with id ``pid`` exists on this host."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, but belongs to another user
        return True
    return True


def is_abandoned(host: str | None, pid: int | None) -> bool:
    """Whether a ``running`` run with this owner has no process behind it any more."""
    return host == HOST and pid is not None and pid != os.getpid() and not process_alive(pid)


def abandoned_runs(conn: Connection) -> list[str]:
    """Ids of this host's ``running`` runs whose process is gone."""
    query = select(runs.c.id, runs.c.host, runs.c.pid).where(runs.c.status == "running")
    return [run_id for run_id, host, pid in conn.execute(query) if is_abandoned(host, pid)]
