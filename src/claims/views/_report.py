"""The text report: findings first, then who claimed what, wrapped to a width.

Sections come in the order an analyst reads them (`REPORT_SECTIONS`): a
summary, contradictions grouped by position (each dispute once, with the
positions taken in it and the claims and origins of each), known unknowns,
silences and unanswered accusations, corroboration verdicts (each set of
backing claims once), what changed, then the claims by claimant. Every
string from the dossier is made terminal-safe; long words are cut, in time
linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime

from .. import analysis
from .._model import Actor, Assessment, Claim, Link, LinkKind, Place, Quote, StatusKind
from .._terminal import terminal_safe
from ..dossier import Dossier
from . import _sentence as say
from ._findings import REASON_WORDS, alone_words, partly_words, position_words, title
from ._report_plan import (
    DEFAULT_LIMIT,
    REPORT_SECTIONS,
    Plan,
    ReportError,
    allot,
    cut,
    plan,
    select,
)

__all__ = ["MIN_WIDTH", "assessment_words", "report", "wrap"]

MIN_WIDTH = 20
"""The narrowest width a report can be wrapped to."""

_WORD = re.compile(r"\S+")

_NESTED = 5
"""The most names or claims listed within one item (the rest are counted)."""


def wrap(text: str, width: int, indent: str = "", hang: str | None = None) -> list[str]:
    """`text` made terminal-safe and wrapped to `width`, in time linear in its length.

    Words longer than a line are cut across lines; no line is wider than
    `width` and every character of the text is kept (runs of spaces become one).

    Args:
        text: The text.
        width: The widest line.
        indent: The first line's indent.
        hang: The other lines' indent (default: `indent` and two spaces).

    >>> wrap("a bc " + "x" * 20, 10, "", "  ")
    ['a bc', '  xxxxxxxx', '  xxxxxxxx', '  xxxx']
    """
    later = indent + "  " if hang is None else hang
    lines: list[str] = []
    words: list[str] = []
    prefix = indent
    used = 0
    for match in _WORD.finditer(terminal_safe(text)):
        word = match[0]
        room = width - len(prefix)
        if words and used + 1 + len(word) <= room:
            words.append(word)
            used += 1 + len(word)
            continue
        if words:
            lines.append(prefix + " ".join(words))
            prefix = later
            room = width - len(prefix)
        start = 0
        while len(word) - start > room:
            lines.append(prefix + word[start : start + room])
            start += room
            prefix = later
            room = width - len(prefix)
        words = [word[start:] if start else word]
        used = len(words[0])
    if words:
        lines.append(prefix + " ".join(words))
    return lines or [indent.rstrip()]


def assessment_words(a: Assessment) -> str:
    """An assessment in words: ``"B3: usually reliable source, possibly true; likely; ..."``.

    >>> import claims
    >>> d = claims.load("seeds/baghdad-drone-strike.json")
    >>> assessment_words(d.claim("reuters-killed").assessment)
    'B3 (source usually reliable, information possibly true), likely, moderate confidence'
    """
    parts = []
    rating = (a.reliability.value if a.reliability else "") + (
        str(a.credibility.value) if a.credibility else ""
    )
    words = []
    if a.reliability is not None:
        words.append(f"source {a.reliability.label[0].lower()}{a.reliability.label[1:]}")
    if a.credibility is not None:
        label = a.credibility.label
        words.append(f"information {label[0].lower()}{label[1:]}")
    if rating:
        parts.append(f"{rating} ({', '.join(words)})")
    if a.likelihood is not None:
        parts.append(a.likelihood.label)
    if a.probability is not None:
        parts.append(f"p={a.probability:g}")
    if a.confidence is not None:
        parts.append(f"{a.confidence.label} confidence")
    return ", ".join(parts)


def _date(when: datetime) -> str:
    return when.date().isoformat()


class _Text:
    """Renders one plan as lines of text."""

    def __init__(
        self, dossier: Dossier, the_plan: Plan, *, width: int, limit: int, ids: bool, offsets: bool
    ) -> None:
        self.d = dossier
        self.plan = the_plan
        self.width = width
        self.limit = limit
        self.ids = ids
        self.offsets = offsets
        self.links: dict[str, list[Link]] = {}
        for link in dossier.links:
            if link.kind not in (LinkKind.SUPERSEDES, LinkKind.RETRACTS):
                self.links.setdefault(link.claim, []).append(link)

    def lines(self) -> Iterator[str]:
        parts = {
            "summary": self.summary,
            "contradictions": self.contradictions,
            "uncertainty": self.uncertainty,
            "silences": self.silences,
            "corroboration": self.corroboration,
            "changes": self.changes,
            "claims": self.claims,
        }
        counts = self.counts()
        every = len(self.plan.sections) == len(REPORT_SECTIONS)
        first = True
        for name in self.plan.sections:
            if every and counts.get(name, 1) == 0:
                continue  # an empty finding: the summary says "no contradictions"
            if not first:
                yield ""
            first = False
            title = self.wrap(REPORT_SECTIONS[name].upper(), "", "")
            yield from title
            yield "=" * max(map(len, title))
            yield from parts[name]()

    def counts(self) -> dict[str, int]:
        """How many findings each finding section has."""
        f = self.plan.findings
        return {
            "contradictions": len(f.disputes),
            "uncertainty": len(f.uncertainties),
            "silences": len(f.silences),
            "corroboration": len(f.verdicts),
            "changes": len(f.current.replaced) + len(f.current.stale),
        }

    # -- helpers ------------------------------------------------------------

    def wrap(self, text: str, indent: str = "  ", hang: str | None = None) -> list[str]:
        return wrap(text, self.width, indent, hang)

    def more(self, n: int, shown: int, what: str, section: str) -> Iterator[str]:
        if n > shown:
            hint = "--limit 0" if len(self.plan.sections) == 1 else f"--section {section} --limit 0"
            yield from self.wrap(f"… {n - shown:,} more {what}; to see them all: {hint}")

    def who(self, claim_id: str) -> str:
        claim = self.d.claim(claim_id)
        text = say.name(self.d, claim.claimant)
        if claim.chain:
            text += ", via " + " ← ".join(say.name(self.d, h.reporter) for h in claim.chain)
        return text + (f" [{claim_id}]" if self.ids else "")

    def quote(self, quote: Quote) -> str:
        where = f" [{quote.source} {quote.start}–{quote.end}]" if self.offsets else ""
        return f"“{quote.exact}”{where}"

    # -- sections -----------------------------------------------------------

    def summary(self) -> Iterator[str]:
        d, p = self.d, self.plan
        yield from self.wrap(say.title(d, None), "")
        yield from self.wrap(say.counts(d), "")
        counts = self.counts()
        words = {
            "contradictions": ("contradiction", "contradictions"),
            "uncertainty": ("known unknown", "known unknowns"),
            "silences": (
                "silence or unanswered accusation",
                "silences or unanswered accusations",
            ),
            "corroboration": ("corroboration verdict", "corroboration verdicts"),
            "changes": ("change", "changes"),
        }
        found = [f"{n:,} {words[k][n != 1]}" for k, n in counts.items() if n]
        none = [words[k][1] for k, n in counts.items() if not n]
        totals = ", ".join(found)
        if none:
            totals += ("; no " if found else "no ") + ", no ".join(none)
        yield from self.wrap(f"Findings: {totals}", "")
        if p.selection.filtered:
            yield from self.wrap(
                f"Showing {len(p.claims):,} of {say.plural(len(d.claims), 'claim')}: "
                + self.filters(),
                "",
            )
        quoting: dict[str, int] = {}
        for claim in p.claims:
            for source_id in {q.source for q in claim.quotes} | {
                h.source for h in claim.chain if h.source
            }:
                quoting[source_id] = quoting.get(source_id, 0) + 1
        sources = list(d.sources.values())
        shown = cut(sources, self.limit)
        yield f"{say.plural(len(sources), 'source')}:"
        for source in sources[:shown]:
            text = f"- {source.title}"
            if source.publisher:
                text += f", {say.name(d, source.publisher)}"
            if source.published is not None:
                text += f", {_date(source.published.start)}"
            text += f": {say.plural(quoting.get(source.id, 0), 'claim')} quote it"
            if self.ids:
                text += f" [{source.id}]"
            yield from self.wrap(text)
            if source.url:
                yield from self.wrap(source.url, "    ")
        yield from self.more(len(sources), shown, "sources", "summary")

    def filters(self) -> str:
        s, d = self.plan.selection, self.d
        said = []
        if s.claimants:
            said.append("claimant " + ", ".join(say.name(d, a) for a in s.claimants))
        if s.subjects:
            names = []
            for kind, value in s.subjects:
                if kind == "ActorRef":
                    names.append(say.name(d, value))
                elif kind == "EventRef" and value in d.events:
                    names.append(d.events[value].description)
                else:
                    names.append(value)
            said.append("subject " + ", ".join(names))
        if s.events:
            said.append("event " + ", ".join(d.events[e].description for e in s.events))
        if s.since is not None:
            said.append(f"made since {s.since.isoformat()}")
        if s.current:
            said.append("current claims only")
        return "; ".join(said)

    def contradictions(self) -> Iterator[str]:
        disputes = self.plan.findings.disputes
        if not disputes:
            yield "  none: no two active claims are incompatible"
        shown = cut(disputes, self.limit)
        for dispute in disputes[:shown]:
            n = len(dispute.positions)
            pairs = say.plural(dispute.pairs, "pair")
            yield from self.wrap(
                f"- {title(self.d, dispute)}: {n:,} positions ({pairs} of claims in conflict)"
            )
            positions = cut(dispute.positions, self.limit)
            for i, position in enumerate(dispute.positions[:positions], 1):
                yield from self.position(i, dispute, position)
            if n > positions:
                yield from self.wrap(f"and {n - positions:,} more positions", "    ")
            reasons = [r for r in dispute.reasons if r.second < positions]
            for r in reasons:
                why = f"{REASON_WORDS[r.reason]}: {r.detail}"
                if r.linked and r.reason is not analysis.ContradictionReason.LINKED:
                    why += " (also linked)"
                between = f"{r.first + 1} vs {r.second + 1}" if n > 2 else "why"
                yield from self.wrap(f"{between}: {why}", "    ", "      ")
            if len(dispute.reasons) > len(reasons):
                more = len(dispute.reasons) - len(reasons)
                yield from self.wrap(f"and {more:,} more conflicts between positions", "    ")
        yield from self.more(len(disputes), shown, "contradictions", "contradictions")

    def position(
        self, number: int, dispute: analysis.Dispute, position: analysis.Position
    ) -> Iterator[str]:
        """A position: what it says, its claims and origins, then who holds it."""
        claims = say.plural(len(position.claims), "claim")
        counted = say.plural(position.count, "independent origin")
        dropped = len(position.origins) - position.count
        if dropped:
            counted += f" counted, {dropped:,} not counted"
        says = position_words(self.d, dispute, position)
        yield from self.wrap(f"{number}. {says}: {claims}, {counted}", "    ", "       ")
        for claim_id in position.claims[:_NESTED]:
            yield from self.wrap(self.who(claim_id), "      - ", "        ")
            for quote in self.d.claim(claim_id).quotes[:1]:
                yield from self.wrap(self.quote(quote), "        ")
        if len(position.claims) > _NESTED:
            yield from self.wrap(f"and {len(position.claims) - _NESTED:,} more claims", "      ")

    def uncertainty(self) -> Iterator[str]:
        found = self.plan.findings.uncertainties
        if not found:
            yield "  none"
        shown = cut(found, self.limit)
        for u in found[:shown]:
            claim = self.d.claim(u.claim)
            yield from self.wrap(
                f"- {self.who(u.claim)}: {say.proposition(self.d, claim.proposition)}"
            )
            if u.known:
                known = "; ".join(
                    f"{self.who(k)}: {say.term(self.d, self.d.claim(k).proposition.object)}"
                    for k in u.known[:_NESTED]
                )
                if len(u.known) > _NESTED:
                    known += f"; and {len(u.known) - _NESTED:,} more"
                yield from self.wrap(f"known values beside it: {known}", "    ")
        yield from self.more(len(found), shown, "known unknowns", "uncertainty")

    def reported(self, claim_id: str) -> str:
        claim = self.d.claim(claim_id)
        hops = " ← ".join(f"{say.name(self.d, h.reporter)} ({h.cue})" for h in claim.chain)
        text = f"reported by {hops}" if hops else f"said by {say.name(self.d, claim.claimant)}"
        return text + (f" [{claim_id}]" if self.ids else "")

    def accusers(self, ids: tuple[str, ...]) -> str:
        text = "; ".join(self.who(c) for c in ids[:_NESTED])
        return text + (f"; and {len(ids) - _NESTED:,} more" if len(ids) > _NESTED else "")

    def silences(self) -> Iterator[str]:
        found = self.plan.findings.silences
        if not found:
            yield "  none"
        shown = cut(found, self.limit)
        for s in found[:shown]:
            name = say.name(self.d, s.actor)
            what = say.proposition(self.d, s.proposition)
            if s.kind is analysis.SilenceKind.REPORTED and s.stance is not None:
                yield from self.wrap(f"- {name} {say.STANCE_WORDS[s.stance]}: {what}")
                if s.claim is not None:
                    yield from self.wrap(self.reported(s.claim), "    ")
                if s.accusations:
                    yield from self.wrap(f"accused by {self.accusers(s.accusations)}", "    ")
            else:
                yield from self.wrap(f"- {name}: accused, no answer recorded: {what}")
                yield from self.wrap(f"accused by {self.accusers(s.accusations)}", "    ")
        yield from self.more(len(found), shown, "silences", "silences")

    def corroboration(self) -> Iterator[str]:
        f = self.plan.findings
        shown = cut(f.verdicts, self.limit)
        if not f.verdicts:
            yield "  none: no claim is backed by another"
        for v in f.verdicts[:shown]:
            head = say.proposition(self.d, self.d.claim(v.claims[0]).proposition)
            count = v.corroboration.count
            dropped = len(v.corroboration.uncounted)
            yield from self.wrap(
                f"- {head}: {say.plural(count, 'independent origin')}"
                + (f" counted, {dropped:,} not counted" if dropped else "")
                + f" among {say.plural(len(v.claims), 'claim')}"
            )
            origins = v.corroboration.origins
            for origin in origins[:_NESTED]:
                names = " + ".join(say.name(self.d, a) for a in origin.actors)
                yield from self.wrap(f"origin {names}:", "    ")
                for claim_id in origin.claims[:_NESTED]:
                    said = say.proposition(self.d, self.d.claim(claim_id).proposition)
                    text = self.who(claim_id) + (f": {said}" if said != head else "")
                    yield from self.wrap(text, "      - ", "        ")
                if len(origin.claims) > _NESTED:
                    yield from self.wrap(
                        f"and {len(origin.claims) - _NESTED:,} more claims", "      "
                    )
                for m in origin.merges:
                    why = m.reason.value.replace("_", " ")
                    yield from self.wrap(f"not independent ({why}): {m.note}", "      ")
                for t in origin.ties:
                    other = say.name(self.d, t.other)
                    yield from self.wrap(f"tied to {other}, named in the claim: {t.note}", "      ")
                if origin.uncounted is not None:
                    yield from self.wrap(f"not counted: {origin.uncounted}", "      ")
            if len(origins) > _NESTED:
                yield from self.wrap(f"and {len(origins) - _NESTED:,} more origins", "    ")
            for partly in v.partly[:_NESTED]:
                yield from self.wrap(partly_words(partly, self.who(partly.claim)), "    ")
            if len(v.partly) > _NESTED:
                yield from self.wrap(f"and {len(v.partly) - _NESTED:,} more in part", "    ")
            suggestion = analysis.suggest_credibility(self.d, v.claims[0])
            if suggestion.credibility is not None:
                yield from self.wrap(
                    f"suggested credibility {suggestion.credibility.value}: {suggestion.reason}",
                    "    ",
                )
        yield from self.more(len(f.verdicts), shown, "corroboration verdicts", "corroboration")
        if f.alone:
            yield from self.wrap(alone_words(f))

    def sentence(self, claim_id: str) -> str:
        claim = self.d.claim(claim_id)
        text = say.claim(self.d, claim)
        return text + (f" [{claim_id}]" if self.ids else "")

    def changes(self) -> Iterator[str]:
        view = self.plan.findings.current
        if not view.replaced and not view.stale:
            yield "  nothing superseded or retracted"
        shown = cut(view.replaced, self.limit)
        for r in view.replaced[:shown]:
            yield from self.wrap(f"- {self.sentence(r.claim)}")
            by = f" by {self.sentence(r.status.by)}" if r.status.by else ""
            yield from self.wrap(f"{r.status.kind.value}{by}", "    ")
            if r.current is not None and r.current != r.status.by:
                yield from self.wrap(f"now: {self.sentence(r.current)}", "    ")
        yield from self.more(len(view.replaced), shown, "replaced claims", "changes")
        shown = cut(view.stale, self.limit)
        for stale in view.stale[:shown]:
            link = stale.link
            yield from self.wrap(
                f"- stale link: {self.sentence(link.claim)} "
                f"{link.kind.value.replace('_', ' ')} a claim now {stale.status.kind.value}: "
                f"{self.sentence(link.target)}"
            )
        yield from self.more(len(view.stale), shown, "stale links", "changes")

    def actor_line(self, actor: Actor, n: int) -> str:
        about = [actor.kind.value.replace("_", " ")]
        if actor.part_of is not None:
            about.append(f"part of {say.name(self.d, actor.part_of)}")
        for tie in actor.affiliations:
            note = f" ({tie.note})" if tie.note else ""
            about.append(f"affiliated with {say.name(self.d, tie.actor)}{note}")
        about.append(say.plural(n, "claim"))
        return f"{actor.name} ({'; '.join(about)})" + (f" [{actor.id}]" if self.ids else "")

    def claim_lines(self, claim: Claim) -> Iterator[str]:
        status = self.d.status(claim.id)
        tag = say.STANCE_WORDS[claim.stance]
        yield from self.wrap(f"- {tag} {say.proposition(self.d, claim.proposition)}")
        if status.kind is not StatusKind.ACTIVE:
            by = f" by {self.sentence(status.by)}" if status.by else ""
            yield from self.wrap(f"{status.kind.value}{by}", "    ")
        for hop in claim.chain:
            said = f"via {say.name(self.d, hop.reporter)} ({hop.cue})"
            if hop.quote is not None and (
                self.offsets or hop.quote.exact.casefold() != hop.cue.casefold()
            ):
                said += f": {self.quote(hop.quote)}"
            yield from self.wrap(said, "    ")
        seen: set[str] = set()
        for quote in claim.quotes:
            shown = self.quote(quote)
            if shown not in seen:  # the same words twice, unless their places are shown
                seen.add(shown)
                yield from self.wrap(shown, "    ")
        if claim.assessment is not None:
            words = assessment_words(claim.assessment)
            if words:
                yield from self.wrap(f"assessed: {words}", "    ")
            if claim.assessment.rationale:
                yield from self.wrap(f"because: {claim.assessment.rationale}", "    ")
        if claim.note:
            yield from self.wrap(f"note: {claim.note}", "    ")
        for link in self.links.get(claim.id, ()):
            note = f" ({link.note})" if link.note else ""
            kind = link.kind.value.replace("_", " ")
            yield from self.wrap(f"{kind}{note}: {self.sentence(link.target)}", "    ")
        if self.ids:
            yield from self.wrap(f"id: {claim.id}", "    ")
            place = claim.proposition.object
            if isinstance(place, Place) and (place.identifiers or place.within):
                yield from self.wrap(f"place: {say.place_ids(place)}", "    ")

    def claims(self) -> Iterator[str]:
        claimants = self.plan.claimants
        if not claimants:
            yield "  none"
        shares = allot([len(said) for _, said in claimants], self.limit)
        cut_short = False
        for n, ((actor, said), share) in enumerate(zip(claimants, shares, strict=True)):
            if not share:
                rest = claimants[n:]
                left = sum(len(more) for _, more in rest)
                yield ""
                yield from self.wrap(
                    f"… {say.plural(left, 'more claim')} by "
                    f"{say.plural(len(rest), 'more claimant')}",
                    "",
                )
                cut_short = True
                break
            if n:
                yield ""
            yield from self.wrap(self.actor_line(actor, len(said)), "")
            for claim in said[:share]:
                yield from self.claim_lines(claim)
            if len(said) > share:
                yield from self.wrap(f"… {len(said) - share:,} more by {actor.name}")
                cut_short = True
        if cut_short:
            section = "" if len(self.plan.sections) == 1 else "--section claims "
            yield from self.wrap(
                f"To see them all: {section}--limit 0; one claimant's: --claimant NAME", ""
            )


def report(
    dossier: Dossier,
    *,
    width: int = 80,
    claimant: Iterable[str] = (),
    subject: Iterable[str] = (),
    event: Iterable[str] = (),
    since: str | datetime | None = None,
    current: bool = False,
    sections: Iterable[str] = (),
    limit: int = DEFAULT_LIMIT,
    ids: bool = False,
    offsets: bool = False,
) -> str:
    """The report of `dossier` as text: findings first, then who claimed what.

    Args:
        dossier: The dossier to report on.
        width: The widest line, at least `MIN_WIDTH`.
        claimant: Only these claimants' claims (and their parts'), by id or name.
        subject: Only claims about these subjects (actors or events by id or
            name, or a text subject).
        event: Only claims about these events, by id or description.
        since: Only claims made at or after this ISO date or time (a naive
            time is read in each claim's own offset).
        current: Only active claims: none superseded or retracted.
        sections: Names from `REPORT_SECTIONS` (default: all).
        limit: The most items per section (0: no limit); the report says how
            many more there are.
        ids: Show record ids.
        offsets: Show where each quote is in its source.

    Returns:
        The report, lines ending in a newline.

    Raises:
        ReportError: The width is below `MIN_WIDTH`, or a filter names
            nothing in the dossier.

    >>> import claims, claims.views
    >>> d = claims.load("seeds/baghdad-drone-strike.json")
    >>> print(claims.views.report(d, sections=["silences"], width=60))
    SILENCES AND UNANSWERED ACCUSATIONS
    ===================================
      - US officials made no comment on: US-led international
        coalition responsible for the drone strike on the PMF
        headquarters in Baghdad (2024-01-04)
    ...
    """
    if width < MIN_WIDTH:
        raise ReportError(f"width {width}: must be at least {MIN_WIDTH} columns")
    selection = select(
        dossier, claimant=claimant, subject=subject, event=event, since=since, current=current
    )
    the_plan = plan(dossier, selection, sections=sections)
    text = _Text(dossier, the_plan, width=width, limit=limit, ids=ids, offsets=offsets)
    return "\n".join(text.lines()) + "\n"
