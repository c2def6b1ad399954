"""The records, one module per layer of a claim.

- `who`: the actors that claim or relay (`Actor`, `ActorKind`, `Affiliation`);
- `what`: the proposition claimed (`Proposition`, its `Subject` and `Value`,
  `Quantity`, `Place`, `Unknown`, `NoValue`, ...) and the `Event` it can be about;
- `evidence`: how we know (`Source`, `Quote`, `Hop`, `fingerprint`);
- `belief`: how much we believe (`Assessment`);
- `claim`: the `Claim` that ties them together, its `Stance`, the `Link`
  between claims and the `Status` the links make;
- `review`: a fact-checker's `Review` of a claim (its verdict and scale);
- `identifier`: where else an actor or a source is known (`Identifier`);
- `when`: time with precision (`When`, `Precision`), used by several layers.

Every record is an immutable, hashable ``attrs`` class that never points back
to a container; change one with `attrs.evolve`. Records refer to each other
by id (a `Claim` names its claimant by actor id); the `Dossier` checks that
those ids exist. Their fields are checked by the validators of
`claims._model._validators`.
"""

from __future__ import annotations

from ._validators import MAX_SAFE_INT, MAX_YEAR, MIN_YEAR, WRITTEN_IF
from .belief import Assessment
from .claim import (
    ACTIVE,
    TOPIC,
    Claim,
    Link,
    LinkKind,
    Stance,
    Status,
    StatusKind,
    topic_proposition,
)
from .evidence import Hop, Quote, Source, fingerprint
from .identifier import SCHEMES, Identifier
from .review import Review
from .what import (
    ActorRef,
    Event,
    EventRef,
    NoValue,
    Place,
    Proposition,
    Qualifier,
    Quantity,
    Subject,
    Text,
    Unknown,
    Value,
)
from .when import PartOfDay, Precision, When
from .who import Actor, ActorKind, Affiliation, TieNature

__all__ = [
    "ACTIVE",
    "MAX_SAFE_INT",
    "MAX_YEAR",
    "MIN_YEAR",
    "SCHEMES",
    "TOPIC",
    "WRITTEN_IF",
    "Actor",
    "ActorKind",
    "ActorRef",
    "Affiliation",
    "Assessment",
    "Claim",
    "Event",
    "EventRef",
    "Hop",
    "Identifier",
    "Link",
    "LinkKind",
    "NoValue",
    "PartOfDay",
    "Place",
    "Precision",
    "Proposition",
    "Qualifier",
    "Quantity",
    "Quote",
    "Review",
    "Source",
    "Stance",
    "Status",
    "StatusKind",
    "Subject",
    "Text",
    "TieNature",
    "Unknown",
    "Value",
    "When",
    "fingerprint",
    "topic_proposition",
]
