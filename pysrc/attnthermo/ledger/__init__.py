"""The receipts ledger: the book's claims, re-checked receipts, buckets, and ``attnthermo audit``.

- :mod:`~attnthermo.ledger.claims`    the claims file (data, validated on load);
- :mod:`~attnthermo.ledger.links`     its links to Lean theorems and identities, derived from the Claim: tags;
- :mod:`~attnthermo.ledger.receipts`  re-checking one receipt against evidence gathered now;
- :mod:`~attnthermo.ledger.buckets`   the rule: verified / folklore / numerology;
- :mod:`~attnthermo.ledger.audit`     ``run_audit``: gather, decide, write ledger.json + LEDGER.md;
- :mod:`~attnthermo.ledger.diff`      the claims whose bucket changed between two ledgers.
"""
