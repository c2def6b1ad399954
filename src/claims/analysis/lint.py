"""Lint: what in a dossier would make the answers depend on how it was written.

`lint` reads a dossier against a `Vocabulary` (the dossier's own, see
`Dossier.vocabulary`, unless another is given) and returns `Finding` records,
errors first, each naming the records at fault, saying why and suggesting
the fix. The checks, by code:

- ``unknown-predicate``, ``unknown-unit`` (warning): a name the vocabulary
  does not know, compared only with itself, with the nearest known names;
- ``duplicate-predicate``, ``duplicate-unit`` (info): two names of one
  vocabulary record used in the dossier; ``near-predicate``, ``near-unit``
  (warning): two unknown names one letter apart (missing, added, changed or swapped;
  names of five letters or more, not differing only in digits);
- ``duplicate-actor`` (warning): two actors sharing a name or an alias, or
  with names one letter apart;
- ``free-text`` (warning): free text as the value of a single-valued
  predicate, which two wordings of one fact make look contradictory;
  ``value-kind`` (warning): a value of a kind the predicate does not take;
  ``unit-dimension`` (warning): a unit of another dimension than the
  predicate's; ``no-unit`` (warning): a quantity without a unit on a
  predicate of a dimension but with no default unit (`Predicate.unit`),
  compared only with quantities without one;
- ``no-quote`` (info): a claim without the words it rests on;
  ``quote-missing`` (error), ``quote-moved`` and ``source-changed``
  (warning): quotes checked against the source texts given;
- ``silence-without-accusation`` (warning): a reported silence that answers
  no claim (on a topic alone: no accusation against any of its claimants);
- ``joint-statement`` (warning): claims of different claimants resting on
  one quote and saying one thing ("U.S. and Afghan officials said"): one
  statement (one origin, `MergeReason.SAME_QUOTE`) better recorded as one
  claim with `Claim.also`;
- ``probability-band`` (error): an assessment whose probability lies outside
  the ICD 203 band of its own likelihood word.

Names and values are read in the propositions the analyst wrote only: a
silence on a topic alone (`Claim.stated` false) stands for
`claims.topic_proposition`, whose predicate is not linted.

>>> from claims import Actor, Assessment, Claim, Dossier, Event, EventRef, Proposition, Quantity
>>> from claims.confidence import Likelihood
>>> d = Dossier([Actor("reuters", "Reuters"), Event("strike", "the drone strike")])
>>> belief = Assessment(likelihood=Likelihood.LIKELY, probability=0.9)
>>> d.add(Claim("toll", "reuters",
...             Proposition(EventRef("strike"), "kiled", Quantity(4, unit="people")),
...             assessment=belief))
>>> for f in lint(d):
...     print(f.severity.value, f.code, f.records, "|", f.suggestion)
error probability-band ('toll',) | use 'very likely', or a probability within 55-80%
warning unknown-predicate ('toll',) | use 'killed', or add 'kiled' to the vocabulary
info no-quote ('toll',) | anchor the claim's words in its source (Quote.find)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping

import attrs

from .._model import ActorRef, Claim, EventRef, NoValue, Place, Quantity, Text, Unknown, Value
from ..confidence import likelihood_for
from ..dossier import Dossier
from ..vocabulary import ValueKind, Vocabulary, name_key
from .quotes import QuoteState, SourceState, verify_quotes
from .silences import SilenceKind, silences

__all__ = ["Finding", "Severity", "lint"]


class Severity(enum.Enum):
    """How much a finding matters; ``claims lint`` exits 1 on any error."""

    ERROR = "error"
    """Something is wrong: an answer built on it would be wrong."""
    WARNING = "warning"
    """An answer may depend on how the text was written down."""
    INFO = "info"
    """Worth knowing; nothing is wrong."""


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen
class Finding:
    """One thing lint noticed.

    Attributes:
        severity: Error, warning or info.
        code: What kind of finding (``"unknown-predicate"``; see `claims.analysis.lint`).
        records: The ids of the records at fault (claims, actors or sources).
        message: What is wrong, and why it matters.
        suggestion: How to fix it.
    """

    severity: Severity
    code: str
    records: tuple[str, ...]
    message: str
    suggestion: str | None = None


_SHORTEST = 5
"""Names shorter than this are not compared by edit distance ("Iraq", "Iran")."""

_ACCEPTS: Mapping[ValueKind, tuple[type, ...]] = {
    ValueKind.ACTOR: (ActorRef, Text),
    ValueKind.EVENT: (EventRef, Text),
    ValueKind.TEXT: (Text, ActorRef, EventRef),
    ValueKind.PLACE: (Place, Text, ActorRef),
    ValueKind.QUANTITY: (Quantity,),
}
"""The values each kind of predicate takes (besides `Unknown` and `NoValue`)."""

_VALUE_NAMES = {
    ActorRef: "an actor",
    EventRef: "an event",
    Text: "free text",
    Quantity: "a quantity",
    Place: "a place",
}


def lint(
    dossier: Dossier,
    *,
    vocabulary: Vocabulary | None = None,
    texts: Mapping[str, str] | None = None,
) -> tuple[Finding, ...]:
    """Everything in `dossier` that an analyst should look at, errors first.

    Args:
        dossier: The dossier.
        vocabulary: The predicates and units it is read against; by default
            the dossier's (`Dossier.vocabulary`: its own if it carries one,
            else `claims.vocabulary.DEFAULT`).
        texts: Source texts by source id, to verify the quotes against.

    Raises:
        UnknownIdError: A key of `texts` is not a source of the dossier.
    """
    if vocabulary is None:
        vocabulary = dossier.vocabulary
    found = [
        *_predicates(dossier, vocabulary),
        *_units(dossier, vocabulary),
        *_values(dossier, vocabulary),
        *_actors(dossier),
        *_quotes(dossier, texts or {}),
        *_silences(dossier, vocabulary),
        *_joint(dossier),
        *_bands(dossier),
    ]
    found.sort(key=lambda f: _RANK[f.severity])
    return tuple(found)


def _quoted(names: Iterable[str]) -> str:
    """``'a'``, ``'a' and 'b'``, ``'a', 'b' and 'c'``."""
    shown = [repr(n) for n in names]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _stated(dossier: Dossier) -> Iterator[Claim]:
    """The claims whose proposition the analyst wrote (`Claim.stated`).

    A silence on a topic alone stands for `claims.topic_proposition`, whose
    predicate is no name of the analyst's: its predicate and value are not
    linted.
    """
    return (c for c in dossier.claims.values() if c.stated)


def _uses(dossier: Dossier, what: str) -> dict[str, list[str]]:
    """Each predicate (or unit) as written, with the ids of the claims using it."""
    uses: dict[str, list[str]] = {}
    for claim in _stated(dossier):
        prop = claim.proposition
        if what == "predicates":
            uses.setdefault(prop.predicate, []).append(claim.id)
        elif isinstance(prop.object, Quantity) and prop.object.unit is not None:
            uses.setdefault(prop.object.unit, []).append(claim.id)
    return uses


def _names(
    uses: dict[str, list[str]], vocabulary: Vocabulary, among: str, noun: str
) -> Iterator[Finding]:
    """Unknown names, names of one record written two ways, and near-duplicates."""
    lookup = vocabulary.predicate if among == "predicates" else vocabulary.unit
    by_record: dict[str, list[str]] = {}
    unknown: list[str] = []
    for name in uses:
        record = lookup(name)
        if record is None:
            unknown.append(name)
        else:
            by_record.setdefault(record.id, []).append(name)
    for name in unknown:
        nearest = vocabulary.nearest(name, among="predicates" if noun == "predicate" else "units")
        fix = f"add {name!r} to the vocabulary"
        if nearest:
            fix = f"use {' or '.join(repr(n) for n in nearest)}, or {fix}"
        yield Finding(
            Severity.WARNING,
            f"unknown-{noun}",
            tuple(uses[name]),
            f"the {noun} {name!r} is not in the vocabulary: "
            f"claims using it are compared only with claims that write it the same way",
            fix,
        )
    for ident, names in by_record.items():
        if len(names) > 1:
            ids = tuple(c for n in names for c in uses[n])
            yield Finding(
                Severity.INFO,
                f"duplicate-{noun}",
                ids,
                f"{_quoted(names)} are names of one {noun}, {ident!r}, "
                f"compared as one through the vocabulary",
                f"write {ident!r} throughout",
            )
    keys = {name_key(n): n for n in unknown}
    for key, other in _near_pairs(keys):
        pair = (keys[key], keys[other])
        yield Finding(
            Severity.WARNING,
            f"near-{noun}",
            tuple(c for n in pair for c in uses[n]),
            f"the {noun}s {_quoted(pair)} differ by one letter and may mean one thing, "
            f"but are compared as different",
            f"write one of {_quoted(pair)} throughout, or add one as an alias "
            f"of the other to the vocabulary",
        )


_DIGITS = re.compile(r"[0-9]+")


def _near_pairs(keys: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of different name keys one edit apart (a letter missing, added,
    changed or swapped), found through the keys' one-letter deletions, so in
    time linear in the number of keys. Keys that differ only in their digits
    ("brigade 12", "brigade 13") are different names, not near ones.
    """
    order: dict[str, int] = {}
    by_variant: dict[str, list[str]] = {}
    for key in keys:
        if len(key) < _SHORTEST or key in order:
            continue
        order[key] = len(order)
        variants = {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}
        for variant in variants:
            by_variant.setdefault(variant, []).append(key)
    pairs: set[tuple[str, str]] = set()
    for group in by_variant.values():
        for i, key in enumerate(group):
            for other in group[i + 1 :]:
                if _DIGITS.sub("", key) != _DIGITS.sub("", other):
                    pairs.add((key, other) if order[key] < order[other] else (other, key))
    return sorted(pairs, key=lambda p: (order[p[0]], order[p[1]]))


def _predicates(dossier: Dossier, vocabulary: Vocabulary) -> Iterator[Finding]:
    return _names(_uses(dossier, "predicates"), vocabulary, "predicates", "predicate")


def _units(dossier: Dossier, vocabulary: Vocabulary) -> Iterator[Finding]:
    return _names(_uses(dossier, "units"), vocabulary, "units", "unit")


def _value_name(value: Value) -> str:
    return _VALUE_NAMES.get(type(value), type(value).__name__)


def _values(dossier: Dossier, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Values that do not fit their predicate: free text, a wrong kind, a wrong unit."""
    for claim in _stated(dossier):
        prop = claim.proposition
        predicate = vocabulary.predicate(prop.predicate)
        value = prop.object
        if predicate is None or isinstance(value, (Unknown, NoValue)):
            continue
        if predicate.single_valued and isinstance(value, Text):
            yield Finding(
                Severity.WARNING,
                "free-text",
                (claim.id,),
                f"{prop.predicate!r} takes one value per subject, and this value is free "
                f"text ({value.value!r}): two wordings of one fact would be reported as "
                f"contradicting each other",
                f"give the value as {predicate.kind.value}, or link the claims that say "
                f"the same thing",
            )
        elif not isinstance(value, _ACCEPTS[predicate.kind]):
            yield Finding(
                Severity.WARNING,
                "value-kind",
                (claim.id,),
                f"{prop.predicate!r} takes {predicate.kind.value} values, not {_value_name(value)}",
                f"give the value as {predicate.kind.value}, or use another predicate",
            )
        elif isinstance(value, Quantity) and value.unit is not None:
            yield from _dimension(claim, value.unit, predicate.dimension, vocabulary)
        elif (
            isinstance(value, Quantity)
            and predicate.dimension is not None
            and predicate.unit is None
        ):
            yield _no_unit(claim, predicate.dimension, vocabulary)


def _no_unit(claim: Claim, dimension: str, vocabulary: Vocabulary) -> Finding:
    """A quantity without a unit on a predicate with no default unit, compared
    only with quantities without one."""
    key = name_key(dimension)
    units = [u.id for u in vocabulary.units if name_key(u.dimension) == key][:1]
    such = f" (such as {units[0]!r})" if units else ""
    predicate = claim.proposition.predicate
    return Finding(
        Severity.WARNING,
        "no-unit",
        (claim.id,),
        f"{predicate!r} is a {dimension}, but this quantity has no unit: it is compared "
        f"only with quantities without a unit, so a figure of {predicate!r} given in a "
        f"unit would not be reported as contradicting it",
        f"give the quantity its unit{such}, or give {predicate!r} a default unit in the vocabulary",
    )


def _dimension(
    claim: Claim, unit_name: str, dimension: str | None, vocabulary: Vocabulary
) -> Iterator[Finding]:
    unit = vocabulary.unit(unit_name)
    if unit is None or dimension is None or name_key(unit.dimension) == name_key(dimension):
        return
    yield Finding(
        Severity.WARNING,
        "unit-dimension",
        (claim.id,),
        f"{claim.proposition.predicate!r} is a {dimension}, "
        f"but {unit_name!r} measures {unit.dimension}",
        f"give the quantity in a unit of {dimension}, or use another predicate",
    )


def _actor_keys(name: str) -> str:
    key = name_key(name)
    return key.removeprefix("the ")


def _actors(dossier: Dossier) -> Iterator[Finding]:
    """Actors sharing a name or alias, or with names one letter apart."""
    owners: dict[str, list[str]] = {}
    for actor in dossier.actors.values():
        for name in (actor.name, *actor.aliases):
            ids = owners.setdefault(_actor_keys(name), [])
            if actor.id not in ids:
                ids.append(actor.id)
    reported: set[frozenset[str]] = set()
    for key, ids in owners.items():
        if len(ids) > 1:
            reported.add(frozenset(ids))
            yield Finding(
                Severity.WARNING,
                "duplicate-actor",
                tuple(ids),
                f"the actors {_quoted(ids)} share the name {key!r}: "
                f"claims by one are not counted as claims by the other",
                "merge them into one actor, or tell them apart by name",
            )
    for key, other in _near_pairs(owners):
        ids = list(dict.fromkeys([*owners[key], *owners[other]]))
        pair = frozenset(ids)
        if len(ids) < 2 or pair in reported:
            continue
        reported.add(pair)
        yield Finding(
            Severity.WARNING,
            "duplicate-actor",
            tuple(ids),
            f"the names {key!r} and {other!r} of the actors {_quoted(ids)} "
            f"differ by one letter: they may be one actor",
            "merge them into one actor, or give one the other's name as an alias",
        )


def _quotes(dossier: Dossier, texts: Mapping[str, str]) -> Iterator[Finding]:
    for claim in dossier.claims.values():
        if not claim.quotes and not any(hop.quote is not None for hop in claim.chain):
            yield Finding(
                Severity.INFO,
                "no-quote",
                (claim.id,),
                "the claim has no quote: its words cannot be checked against its source",
                "anchor the claim's words in its source (Quote.find)",
            )
    if not texts:
        return
    report = verify_quotes(dossier, texts)
    for source in report.sources:
        if source.state is SourceState.CHANGED:
            yield Finding(
                Severity.WARNING,
                "source-changed",
                (source.source,),
                "the text given is not the text that was fingerprinted (sha256 differs)",
                "check the quotes' offsets, and record the new fingerprint",
            )
    for check in report.quotes:
        ids = () if check.claim is None else (check.claim,)
        where = f"{check.where} of the claim" if check.where else "a quote"
        words = check.quote.exact
        if check.state is QuoteState.MISSING:
            yield Finding(
                Severity.ERROR,
                "quote-missing",
                ids,
                f"{where}: the words {words!r} are not in the text of {check.quote.source!r}",
                "quote the words exactly as the source gives them",
            )
        elif check.state is QuoteState.MOVED and check.anchored is not None:
            yield Finding(
                Severity.WARNING,
                "quote-moved",
                ids,
                f"{where}: the words {words!r} are in the text of {check.quote.source!r}, "
                f"but at {check.anchored.start}, not {check.quote.start}",
                "re-anchor the quote (claims.analysis.reanchor)",
            )


def _silences(dossier: Dossier, vocabulary: Vocabulary) -> Iterator[Finding]:
    predicates = {c.proposition.predicate for c in _stated(dossier)}
    accusations = {p for p in predicates if vocabulary.is_accusation(p)}
    for silence in silences(dossier, accusations=accusations):
        if silence.kind is not SilenceKind.REPORTED or silence.accusations:
            continue
        stance = "a silence" if silence.stance is None else silence.stance.value
        stance = stance.replace("_", " ")
        claim = None if silence.claim is None else dossier.claim(silence.claim)
        who = _quoted(claim.claimants if claim is not None else (silence.actor,))
        what = "no one else claims what it is silent on"
        if claim is not None and claim.topic is not None:
            stance += f" on {claim.topic!r}"
            if not claim.stated:  # a topic alone: it would answer accusations against them
                what = f"no one else accuses {who}"
        yield Finding(
            Severity.WARNING,
            "silence-without-accusation",
            (silence.claim,) if silence.claim is not None else (),
            f"{who}'s silence ({stance}) answers no claim: it responds to none, and {what}",
            "link it to the claim it answers (responds_to), or record that claim",
        )


def _joint(dossier: Dossier) -> Iterator[Finding]:
    """Claims of different claimants resting on one quote and saying one thing."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for claim in _stated(dossier):
        for q in dict.fromkeys((q.source, q.start, q.end) for q in claim.quotes):
            groups.setdefault((*q, claim.proposition, claim.stance), []).append(claim)
    seen: set[tuple[str, ...]] = set()
    for said in groups.values():
        ids = tuple(c.id for c in said)
        who = list(dict.fromkeys(a for c in said for a in c.claimants))
        if len(said) < 2 or len(who) < 2 or ids in seen:
            continue
        seen.add(ids)
        yield Finding(
            Severity.WARNING,
            "joint-statement",
            ids,
            f"the claims {_quoted(ids)} of {_quoted(who)} rest on one quote and say one "
            f"thing: one statement, counted as one origin, recorded as {len(ids)} claims",
            f"if it is one statement, record one claim by {who[0]!r} with "
            f"also={tuple(who[1:])!r} (Claim.also)",
        )


def _bands(dossier: Dossier) -> Iterator[Finding]:
    for claim in dossier.claims.values():
        belief = claim.assessment
        if belief is None or belief.likelihood is None or belief.probability is None:
            continue
        low, high = belief.likelihood.band
        p = belief.probability
        if low <= p <= high:
            continue
        percent = "{:02d}-{:02d}%".format(*belief.likelihood.percent)
        fix = f"a probability within {percent}"
        if 0.01 <= p <= 0.99:
            fix = f"use {likelihood_for(p).label!r}, or {fix}"
        yield Finding(
            Severity.ERROR,
            "probability-band",
            (claim.id,),
            f"the probability {p:g} lies outside {percent}, the band of "
            f"{belief.likelihood.label!r}: the assessment contradicts itself",
            fix,
        )
