"""The report as JSON-ready data: the same sections, filters and limits as the text.

Ids are always given (the data is for programs); each item also carries its
words, as the text report says them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from .. import analysis
from .._model import Claim, Quote
from ..dossier import Dossier
from . import _sentence as say
from ._findings import REASON_WORDS, Verdict, partly_words, position_words, title
from ._report import assessment_words
from ._report_plan import DEFAULT_LIMIT, Plan, cut, plan, select

__all__ = ["report_json"]

Json = dict[str, Any]


def _quote(quote: Quote) -> Json:
    return {"source": quote.source, "exact": quote.exact, "start": quote.start, "end": quote.end}


def _claim(dossier: Dossier, claim: Claim) -> Json:
    status = dossier.status(claim.id)
    a = claim.assessment
    return {
        "id": claim.id,
        "claimant": claim.claimant,
        "stance": claim.stance.value,
        "text": say.claim(dossier, claim),
        "status": status.kind.value,
        "status_by": status.by,
        "made": None if claim.made is None else str(claim.made),
        "chain": [
            {
                "reporter": h.reporter,
                "cue": h.cue,
                "source": h.source,
                "quote": None if h.quote is None else _quote(h.quote),
            }
            for h in claim.chain
        ],
        "quotes": [_quote(q) for q in claim.quotes],
        "assessment": None
        if a is None
        else {
            "reliability": None if a.reliability is None else a.reliability.value,
            "credibility": None if a.credibility is None else a.credibility.value,
            "likelihood": None if a.likelihood is None else a.likelihood.value,
            "confidence": None if a.confidence is None else a.confidence.value,
            "probability": a.probability,
            "rationale": a.rationale,
            "words": assessment_words(a),
        },
        "note": claim.note,
    }


def _part(items: list[Json], total: int, **more: Any) -> Json:
    return {"total": total, "shown": len(items), "items": items, **more}


def _sections(dossier: Dossier, p: Plan, limit: int) -> Json:
    f = p.findings
    out: Json = {}
    links: dict[str, list[Json]] = {}
    for ln in dossier.links:
        links.setdefault(ln.claim, []).append(
            {"kind": ln.kind.value, "target": ln.target, "note": ln.note}
        )

    def claim(claim_id: str) -> Json:
        c = dossier.claim(claim_id)
        data = _claim(dossier, c)
        data["links"] = links.get(claim_id, [])
        return data

    if "summary" in p.sections:
        counts: dict[str, int] = {}
        for c in p.claims:
            for s in {q.source for q in c.quotes} | {h.source for h in c.chain if h.source}:
                counts[s] = counts.get(s, 0) + 1
        sources = list(dossier.sources.values())
        out["summary"] = _part(
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "publisher": s.publisher,
                    "url": s.url,
                    "published": None if s.published is None else str(s.published),
                    "claims": counts.get(s.id, 0),
                }
                for s in sources[: cut(sources, limit)]
            ],
            len(sources),
            findings={
                "contradictions": sum(d.pairs for d in f.disputes),
                "disputes": len(f.disputes),
                "uncertainties": len(f.uncertainties),
                "silences": len(f.silences),
                "verdicts": len(f.verdicts),
                "changes": len(f.current.replaced) + len(f.current.stale),
            },
        )
    if "contradictions" in p.sections:
        out["contradictions"] = _part(
            [_dispute(dossier, d, limit, claim) for d in f.disputes[: cut(f.disputes, limit)]],
            len(f.disputes),
        )
    if "uncertainty" in p.sections:
        out["uncertainty"] = _part(
            [
                {"claim": claim(u.claim), "known": list(u.known)}
                for u in f.uncertainties[: cut(f.uncertainties, limit)]
            ],
            len(f.uncertainties),
        )
    if "silences" in p.sections:
        out["silences"] = _part(
            [
                {
                    "actor": s.actor,
                    "name": say.name(dossier, s.actor),
                    "kind": s.kind.value,
                    "stance": None if s.stance is None else s.stance.value,
                    "proposition": say.proposition(dossier, s.proposition),
                    "claim": s.claim,
                    "accusations": list(s.accusations),
                }
                for s in f.silences[: cut(f.silences, limit)]
            ],
            len(f.silences),
        )
    if "corroboration" in p.sections:
        out["corroboration"] = _part(
            [_verdict(dossier, v) for v in f.verdicts[: cut(f.verdicts, limit)]],
            len(f.verdicts),
            alone=f.alone,
        )
    if "changes" in p.sections:
        view = f.current
        out["changes"] = _part(
            [
                {
                    "claim": r.claim,
                    "status": r.status.kind.value,
                    "by": r.status.by,
                    "current": r.current,
                    "path": list(r.path),
                }
                for r in view.replaced[: cut(view.replaced, limit)]
            ],
            len(view.replaced),
            stale=[
                {
                    "claim": s.link.claim,
                    "kind": s.link.kind.value,
                    "target": s.link.target,
                    "status": s.status.kind.value,
                }
                for s in view.stale[: cut(view.stale, limit)]
            ],
            stale_total=len(view.stale),
        )
    if "claims" in p.sections:
        total = sum(len(said) for _, said in p.claimants)
        budget = total if limit <= 0 else limit
        claimants = []
        shown = 0
        for actor, said in p.claimants:
            if budget <= 0:
                break
            claimants.append(
                {
                    "actor": actor.id,
                    "name": actor.name,
                    "kind": actor.kind.value,
                    "part_of": actor.part_of,
                    "affiliations": [
                        {"actor": t.actor, "note": t.note} for t in actor.affiliations
                    ],
                    "total": len(said),
                    "claims": [claim(c.id) for c in said[:budget]],
                }
            )
            shown += len(said[:budget])
            budget -= len(said)
        out["claims"] = {"total": total, "shown": shown, "claimants": claimants}
    return out


def _dispute(
    dossier: Dossier, dispute: analysis.Dispute, limit: int, claim: Callable[[str], Json]
) -> Json:
    positions = dispute.positions[: cut(dispute.positions, limit)]
    return {
        "subject": title(dossier, dispute),
        "predicate": dispute.predicate,
        "definite": dispute.definite,
        "pairs": dispute.pairs,
        "total": len(dispute.positions),
        "shown": len(positions),
        "positions": [
            {
                "says": position_words(dossier, dispute, p),
                "stance": p.stance.value,
                "total": len(p.claims),
                "claims": [claim(c) for c in p.claims[: cut(p.claims, limit)]],
                "independent_origins": p.count,
                "origins": [_origin(o) for o in p.origins],
            }
            for p in positions
        ],
        "reasons": [
            {
                "first": r.first,
                "second": r.second,
                "reason": r.reason.value,
                "words": f"{REASON_WORDS[r.reason]}: {r.detail}",
                "linked": r.linked,
                "definite": r.definite,
                "pairs": r.pairs,
            }
            for r in dispute.reasons
            if r.second < len(positions)
        ],
    }


def _origin(o: analysis.IndependentOrigin) -> Json:
    return {
        "actors": list(o.actors),
        "claims": list(o.claims),
        "merges": [
            {"first": m.first, "second": m.second, "reason": m.reason.value, "note": m.note}
            for m in o.merges
        ],
        "ties": [{"other": t.other, "note": t.note} for t in o.ties],
        "uncounted": o.uncounted,
    }


def _verdict(dossier: Dossier, verdict: Verdict) -> Json:
    ids = list(verdict.claims)
    found = verdict.corroboration
    return {
        "claims": ids,
        "proposition": say.proposition(dossier, dossier.claim(ids[0]).proposition),
        "independent_origins": found.count,
        "origins": [_origin(o) for o in found.origins],
        "partial": [
            {
                "claim": p.claim,
                "supports": p.supports,
                "reason": p.reason,
                "how": p.how,
                "words": partly_words(p, say.name(dossier, dossier.claim(p.claim).claimant)),
            }
            for p in verdict.partly
        ],
    }


def report_json(
    dossier: Dossier,
    *,
    claimant: Iterable[str] = (),
    subject: Iterable[str] = (),
    event: Iterable[str] = (),
    since: str | datetime | None = None,
    current: bool = False,
    sections: Iterable[str] = (),
    limit: int = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """The report of `dossier` as JSON-ready data, with the filters of `report`.

    Each section has ``total`` (how many items match) and ``shown`` (how
    many the limit let through) beside its ``items``.

    Args:
        dossier: The dossier to report on.
        claimant: As for `report`.
        subject: As for `report`.
        event: As for `report`.
        since: As for `report`.
        current: As for `report`.
        sections: As for `report`.
        limit: As for `report`.

    Raises:
        ReportError: A filter names nothing in the dossier, or a section is unknown.

    >>> import claims, claims.views
    >>> d = claims.load("seeds/baghdad-drone-strike.json")
    >>> data = claims.views.report_json(d, claimant=["Reuters"], sections=["claims"])
    >>> [c["id"] for c in data["sections"]["claims"]["claimants"][0]["claims"]]
    ['reuters-killed', 'reuters-wounded']
    """
    selection = select(
        dossier, claimant=claimant, subject=subject, event=event, since=since, current=current
    )
    p = plan(dossier, selection, sections=sections)
    return {
        "title": say.title(dossier, None),
        "counts": {
            "actors": len(dossier.actors),
            "sources": len(dossier.sources),
            "events": len(dossier.events),
            "claims": len(dossier.claims),
            "links": len(dossier.links),
        },
        "filters": {
            "claimants": list(selection.claimants),
            "subjects": [list(s) for s in selection.subjects],
            "events": list(selection.events),
            "since": None if selection.since is None else selection.since.isoformat(),
            "current": selection.current,
        },
        "claims_selected": len(p.claims),
        "limit": limit,
        "sections": _sections(dossier, p, limit),
    }
