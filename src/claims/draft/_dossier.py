"""Drafted attributions as records of the model, for an analyst to accept.

Each attribution becomes a claim marked ``draft=True`` whose proposition is
the form "the speaker said these words": subject the speaker, predicate
`SAID`, object the content as `Text` (a silence's object is `Unknown`: what
was not answered is not drafted). The analysis treats the form honestly:

- two drafts are compared only when the same speaker's words are identical,
  so different wordings never contradict (the predicate is not functional);
- the same words of the same speaker drafted from two articles are the same
  proposition, so corroboration counts their independent origins;
- a silence keeps its stance, so `claims.analysis.silences` reports it.

The analyst accepts a draft by clearing its ``draft`` flag (and usually
structuring its proposition by hand).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from .._model import (
    Actor,
    ActorKind,
    ActorRef,
    Claim,
    Hop,
    Precision,
    Proposition,
    Quote,
    Source,
    Text,
    Unknown,
    When,
)
from ..dossier import Dossier, Record
from ..exceptions import InvalidValueError, TimeWordsError
from ..times import find_time_words, when_from_words
from . import _lexicon as lx
from ._extract import attributions
from ._records import Attribution, Span

__all__ = ["SAID", "UNNAMED", "accept", "dossier", "name_key"]

SAID = "said"
"""The predicate of a drafted proposition: "the speaker said these words"."""

UNNAMED = "unnamed sources"
"""The speaker of a hedge that names nobody ("reportedly")."""

_POSSESSIVE = re.compile(r"^(?P<owner>.+?)[’']s\s+(?P<thing>.+)$")
_TAIL = re.compile(r"\s+(?:news agency|news service|wire service|newspaper|agency)$")


def name_key(phrase: str) -> frozenset[str]:
    """The normalised forms under which a name is matched ("the foreign ministry")."""
    base = " ".join(phrase.replace("’", "'").replace("\xa0", " ").lower().split())
    base = re.sub(r"^the\s+", "", base)
    forms = {base, _TAIL.sub("", base)}
    m = _POSSESSIVE.match(base)
    if m is not None:
        forms.add(f"{m.group('thing')} of {m.group('owner')}")
        forms.add(_TAIL.sub("", m.group("thing")))
    of = re.match(
        r"^(?P<thing>office|ministry|government|spokesman|spokeswoman) of (?P<owner>.+)$", base
    )
    if of is not None:
        forms.add(f"{of.group('owner')}'s {of.group('thing')}")
    return frozenset(f for f in forms if f)


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("’", "").replace("'", "")).strip("-")
    return slug[:48].strip("-") or "actor"


class _Actors:
    """The dossier's actors by name, and the new ones drafted."""

    def __init__(self, known: Iterable[Actor]) -> None:
        self.by_key: dict[str, str] = {}
        self.ids: set[str] = set()
        self.new: list[Actor] = []
        for actor in known:
            self.learn(actor)

    def learn(self, actor: Actor) -> None:
        self.ids.add(actor.id)
        for name in (actor.name, *actor.aliases):
            for key in name_key(name):
                self.by_key.setdefault(key, actor.id)

    def find(self, name: str) -> str | None:
        for key in sorted(name_key(name), key=len, reverse=True):
            if key in self.by_key:
                return self.by_key[key]
        return None

    def get(self, name: str) -> str:
        found = self.find(name)
        if found is not None:
            return found
        clean = " ".join(name.split())
        if clean[:4].lower() == "the " and lx.actor_kind(clean) is not ActorKind.PERSON:
            clean = clean[4:]
        kind = ActorKind.UNNAMED_COLLECTIVE if name == UNNAMED else lx.actor_kind(clean)
        base = _slug(clean)
        id, n = base, 1
        while id in self.ids:
            n += 1
            id = f"{base}-{n}"
        actor = Actor(
            id, name=clean, kind=kind, aliases=(name,) if name != clean else (), draft=True
        )
        self.learn(actor)
        self.new.append(actor)
        return id


def _made(text: str, a: Attribution, published: When | None) -> When | None:
    """When the speaking was, from a day's words near the cue ("late on Monday").

    The words nearest the cue are read by `claims.times.when_from_words`
    against the publication time; with none, the time is kept unresolved.
    Only a day is taken: "last month" near a cue seldom dates the speaking.
    """
    lo = min(a.cue.start, a.speaker.start if a.speaker else a.cue.start)
    base = max(0, lo - 80)
    window = text[base : a.cue.end + 40]
    found = []
    for start, end in find_time_words(window):
        try:
            when = when_from_words(window[start:end], reference=published)
        except TimeWordsError:
            continue
        if when.precision is Precision.DAY:
            near = min(abs(base + start - a.cue.start), abs(base + end - a.cue.end))
            found.append((near, start, when))
    if not found:
        return None
    return min(found, key=lambda f: (f[0], f[1]))[2]


def _quote(text: str, source: str, span: Span) -> Quote:
    if text[span.start : span.end] != span.text:  # pragma: no cover - spans always slice
        raise InvalidValueError(f"drafted span {span.start}..{span.end} does not match the text")
    return Quote(
        source,
        exact=span.text,
        start=span.start,
        end=span.end,
        prefix=text[max(0, span.start - 32) : span.start],
        suffix=text[span.end : span.end + 32],
    )


def dossier(text: str, *, source: Source, publisher: Actor, into: Dossier | None = None) -> Dossier:
    """The attributions of `text` as draft records, in a new dossier.

    Args:
        text: The article.
        source: The article as a source; added unless `into` has its id.
        publisher: Who published it, the outermost hop of every chain;
            added unless `into` has its id.
        into: A dossier whose actors are matched by name and alias ("the
            foreign ministry" finds an actor with that alias); its records
            (and its own vocabulary) are copied into the result, never changed.

    Returns:
        A new dossier: the records of `into`, then the publisher, the source,
        the drafted actors (``draft=True``) and one drafted claim per
        attribution (``draft=True``).

    Raises:
        IntegrityError: If `source` names a publisher the dossier lacks.

    >>> import claims
    >>> from claims.draft import dossier
    >>> aj = claims.Actor("aj", name="Al Jazeera", kind=claims.ActorKind.MEDIA_OUTLET)
    >>> article = claims.Source("a1", title="A strike", publisher="aj")
    >>> d = dossier("The ministry said the strike killed four people.",
    ...             source=article, publisher=aj)
    >>> [(c.claimant, c.proposition.object.value, c.draft) for c in d.claims.values()]
    [('ministry', 'the strike killed four people', True)]
    """
    base: list[Record] = list(into.records()) if into is not None else []
    present = into if into is not None else Dossier()
    records: list[Record] = []
    if publisher.id not in present.actors:
        records.append(publisher)
    if source.id not in present.sources:
        records.append(source)
    actors = _Actors([*present.actors.values(), publisher])
    claim_ids = set(present.claims)
    claims: list[Claim] = []
    found = attributions(text)
    for n, a in enumerate(found, 1):
        claimant = actors.get(a.speaker_name if a.speaker is not None else UNNAMED)
        reporters = [publisher.id, *(actors.get(v.text) for v in a.via)]
        reporters = [r for i, r in enumerate(reporters) if r != claimant and r not in reporters[:i]]
        hops = [
            Hop(r, cue=a.cue.text if i == len(reporters) - 1 else "relayed", source=source.id)
            for i, r in enumerate(reporters)
        ]
        if a.content is not None:
            words = " ".join(a.content.text.split())
            obj: Text | Unknown = Text(words)
            anchor = a.content
        else:
            obj = Unknown(note=f"{a.cue.text} (what about is not drafted)")
            lo = min(a.cue.start, a.speaker.start) if a.speaker else a.cue.start
            hi = max(a.cue.end, a.speaker.end) if a.speaker else a.cue.end
            anchor = Span(lo, hi, text[lo:hi])
        id = f"{source.id}-draft-{n}"
        while id in claim_ids:
            id += "x"
        claim_ids.add(id)
        who = a.speaker.text if a.speaker else "unattributed"
        claims.append(
            Claim(
                id,
                claimant=claimant,
                proposition=Proposition(ActorRef(claimant), predicate=SAID, object=obj),
                stance=a.stance,
                quotes=(_quote(text, source.id, anchor),),
                chain=tuple(hops),
                made=_made(text, a, source.published),
                note=f"drafted from {who!r} {a.cue.text!r} (score {a.score:.2f})",
                draft=True,
            )
        )
    own = into.own_vocabulary if into is not None else None
    return Dossier([*base, *records, *actors.new, *claims], vocabulary=own)


def accept(claim: Claim) -> Claim:
    """The claim with its draft mark cleared, as an analyst accepts it."""
    return attrs.evolve(claim, draft=False)
