"""The reading layer every extractor shares: clauses from the parse, lemma cues, document state.

See ARCHITECTURE.md ("The reading layer") for what each module gives and why.
"""
