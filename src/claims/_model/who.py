"""Who: the actors that claim or relay, and the ties between them.

The first layer of a claim. A `Claim` names its claimant, and a `Hop` its
reporter, by actor id.
"""

from __future__ import annotations

import enum

import attrs

from .._cut import cut
from .._display import Displayed
from .._words import short_repr
from . import _validators as v
from .identifier import Identifier, distinct_identifiers
from .when import When

__all__ = ["Actor", "ActorKind", "Affiliation", "TieNature"]


class ActorKind(enum.Enum):
    """What sort of actor makes or relays a claim.

    The value, its underscores read as spaces, is how reports name the kind
    (``"trade union"``). `UNNAMED_INDIVIDUAL` is one person the text does not
    name (``"a spokesperson"``, ``"a senior official"``); `UNNAMED_COLLECTIVE`
    several (``"US officials"``).
    """

    STATE = "state"
    GOVERNMENT_BODY = "government_body"
    MILITARY = "military"
    ARMED_GROUP = "armed_group"
    COALITION = "coalition"
    MEDIA_OUTLET = "media_outlet"
    NEWS_AGENCY = "news_agency"
    PERSON = "person"
    UNNAMED_COLLECTIVE = "unnamed_collective"
    OTHER = "other"
    POLITICAL_PARTY = "political_party"
    COMPANY = "company"
    TRADE_UNION = "trade_union"
    NON_GOVERNMENTAL_ORGANISATION = "non_governmental_organisation"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    COURT = "court"
    SECURITY_SERVICE = "security_service"
    HEALTH_AUTHORITY = "health_authority"
    RELIGIOUS_BODY = "religious_body"
    UNNAMED_INDIVIDUAL = "unnamed_individual"

    @property
    def individual(self) -> bool:
        """Whether an actor of this kind is one person, named or not.

        >>> ActorKind.UNNAMED_INDIVIDUAL.individual, ActorKind.COMPANY.individual
        (True, False)
        """
        return self in (ActorKind.PERSON, ActorKind.UNNAMED_INDIVIDUAL)


class TieNature(enum.Enum):
    """What an `Affiliation` says: the actor *nature* the other (``owned_by``).

    `RIVAL_OF` is a tie of no interest: it never merges origins. Every
    other nature does, while the tie is in force (see `Affiliation`).
    """

    AFFILIATED = "affiliated"
    """Tied, without saying how (the meaning of an affiliation without a nature)."""
    OWNED_BY = "owned_by"
    BACKED_BY = "backed_by"
    ALLIED_WITH = "allied_with"
    CLOSE_TO = "close_to"
    MEMBER_OF = "member_of"
    RIVAL_OF = "rival_of"
    """Opposed: never a reason to count two claims as one origin."""


def _until_not_before_since(aff: Affiliation, value: When | None) -> str | None:
    if value is not None and aff.since is not None and value.end <= aff.since.start:
        return f"{value}: the tie ends before it begins (since {aff.since})"
    return None


@attrs.frozen
class Affiliation:
    """A looser tie than `part_of`: ownership, backing, alignment, closeness.

    Read "the actor that holds it *nature* `actor`": an outlet ``owned_by``
    a company, an artist ``member_of`` a label. A tie is in force between
    `since` and `until` (either may be unknown) unless it is `former`.

    Attributes:
        actor: The id of the actor this one is affiliated with.
        note: How, in words: ``"considered close to"``, ``"Iran-backed"``.
        nature: What the tie is (`TieNature.AFFILIATED` when not said).
        former: The tie has ended ("her former record label"), when is not said.
        since: When the tie began, if known.
        until: When it ended, if known.
    """

    __repr__ = short_repr

    actor: str = attrs.field(validator=v.nonempty_str)
    note: str | None = attrs.field(kw_only=True, default=None, validator=v.optional(v.nonempty_str))
    nature: TieNature = attrs.field(
        kw_only=True, default=TieNature.AFFILIATED, validator=v.member_of(TieNature)
    )
    former: bool = attrs.field(kw_only=True, default=False, validator=v.instance_of(bool))
    since: When | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.instance_of(When))
    )
    until: When | None = attrs.field(
        kw_only=True,
        default=None,
        validator=v.all_of(v.optional(v.instance_of(When)), v.Rule(_until_not_before_since)),
    )

    @property
    def new(self) -> bool:
        """Whether the tie uses a field that version 3 of the format does not have."""
        return (
            self.nature is not TieNature.AFFILIATED
            or self.former
            or self.since is not None
            or self.until is not None
        )


def _not_part_of_itself(actor: Actor, value: str | None) -> str | None:
    if value == actor.id:
        return f"{cut(value)}: an actor cannot be part of itself"
    return None


def _not_affiliated_with_itself(actor: Actor, value: tuple[Affiliation, ...]) -> str | None:
    if any(a.actor == actor.id for a in value):
        return f"name {cut(actor.id)}: an actor cannot be affiliated with itself"
    return None


@attrs.frozen
class Actor(Displayed):
    """Someone who claims or relays: a state, an office, an outlet, a person.

    Attributes:
        id: Unique within a dossier.
        name: The name as an analyst would write it.
        kind: What sort of actor it is.
        aliases: Other names (``"Hashd al-Shaabi"``).
        part_of: The id of the actor this one belongs to (a ministry is part
            of a government); claims of the part count as claims of the whole.
        affiliations: Looser ties, each with the other actor's id and a note.
        identifiers: Where else the actor is known (a Wikidata item, its
            official site), each an `Identifier`, none given twice; left
            out of the repr, which stays short.
        draft: Proposed by `claims.draft` and not yet accepted by an analyst.
    """

    __repr__ = short_repr

    id: str = attrs.field(validator=v.nonempty_str)
    name: str = attrs.field(validator=v.nonempty_str)
    kind: ActorKind = attrs.field(
        kw_only=True, default=ActorKind.OTHER, validator=v.member_of(ActorKind)
    )
    aliases: tuple[str, ...] = attrs.field(
        kw_only=True, default=(), converter=v.to_tuple, validator=v.each(v.nonempty_str)
    )
    part_of: str | None = attrs.field(
        kw_only=True,
        default=None,
        validator=v.all_of(v.optional(v.nonempty_str), v.Rule(_not_part_of_itself)),
    )
    affiliations: tuple[Affiliation, ...] = attrs.field(
        kw_only=True,
        default=(),
        converter=v.to_tuple,
        validator=v.all_of(v.each(v.instance_of(Affiliation)), v.Rule(_not_affiliated_with_itself)),
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        kw_only=True,
        default=(),
        repr=False,
        converter=v.to_tuple,
        validator=v.all_of(v.each(v.instance_of(Identifier)), v.Rule(distinct_identifiers)),
    )
    draft: bool = attrs.field(kw_only=True, default=False, validator=v.instance_of(bool))
