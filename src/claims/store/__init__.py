"""A durable store of claims on one machine: SQLite, no server.

``claims.store.open(path)`` opens (or creates) a store: a single SQLite file
holding every record as the converter's JSON, beside indexed columns for the
dossier's questions (who claimed what, about what, with which predicate,
which links). It keeps a full history: nothing is ever deleted, and a
superseded or retracted claim stays, with when the store learnt it and why
(the link's note).

- Writes go through `Store.extend`: one batch is one transaction, checked
  for referential integrity exactly as `Dossier.extend` checks it; it lands
  whole or not at all.
- The file is in WAL mode: readers see a consistent state (the last
  committed batch) while a writer works, and a writer killed mid-batch
  leaves the store as it was before that batch.
- The store records its layout version and the records' schema version, and
  checks both on open.

>>> import tempfile, os
>>> from claims import Actor, ActorRef, Claim, Link, LinkKind, Proposition, Quantity
>>> path = os.path.join(tempfile.mkdtemp(), "claims.db")
>>> with open(path) as store:
...     added = store.extend([
...         Actor("moh", "Ministry of Health"),
...         Claim("toll-1", "moh", Proposition(ActorRef("moh"), "reports_dead", Quantity(4))),
...     ])
...     store.add(Claim("toll-2", "moh", Proposition(ActorRef("moh"), "reports_dead", Quantity(6))))
...     store.add(Link(LinkKind.SUPERSEDES, "toll-2", "toll-1", note="revised toll"))
...     [c.id for c in store.claims_by("moh")]
...     store.status("toll-1").kind.value
...     [(c.status.value, c.by, c.note) for c in store.history("toll-1")]
['toll-1', 'toll-2']
'superseded'
[('active', None, None), ('superseded', 'toll-2', 'revised toll')]
"""

from __future__ import annotations

from ..exceptions import StoreError
from ._schema import STORE_FORMAT
from ._store import Change, Revision, Store, Updated, is_store, open
from ._store import Progress as Progress  # the type of `progress` callbacks

__all__ = [
    "STORE_FORMAT",
    "Change",
    "Revision",
    "Store",
    "StoreError",
    "Updated",
    "is_store",
    "open",
]
