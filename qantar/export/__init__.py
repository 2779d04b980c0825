"""Exporters: write the store's facts to files that other tools read.

Each exporter is a class with ``write(fact)`` and ``finalize()``, one module per format, so a
new format is one small module registered in :data:`EXPORTERS`.
"""

from __future__ import annotations

from qantar.export.common import EXPORTERS, Exporter, get_exporter

__all__ = ["EXPORTERS", "Exporter", "get_exporter"]
