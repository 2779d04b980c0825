"""The web app: the record in a browser, readable by anyone, correctable by reviewers.

A thin layer: each route calls one library function (:mod:`qantar.publish`,
:mod:`qantar.review`, :mod:`qantar.resolve`) and renders its answer as a page
(:mod:`~qantar.web.pages`, :mod:`~qantar.web.review`) or as JSON (:mod:`~qantar.web.api`).
Start it with ``qantar serve`` or build it with :func:`create_app`.
"""

from qantar.web.app import create_app

__all__ = ["create_app"]
