"""Review: reviewers and their decisions on the machine's work.

Reviewers sign in (:mod:`~qantar.review.users`, argon2-hashed passwords) and accept, reject or
correct single facts (:mod:`~qantar.review.facts`); merging and splitting entities is
:mod:`qantar.resolve.decisions`. Every decision is kept with who, when, before and after, and
survives re-extraction.
"""

from qantar.review.facts import decide, fact_with_history, parse_record
from qantar.review.users import add_user, list_users, verify_user

__all__ = ["add_user", "decide", "fact_with_history", "list_users", "parse_record", "verify_user"]
