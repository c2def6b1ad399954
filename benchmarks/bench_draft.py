"""Measure `claims.draft.attributions` against annotated news.

Run with ``make bench`` (or ``python benchmarks/bench_draft.py``). Not part of
the test suite. Three figures:

- PolNeAR dev (``../shared/corpora/polnear/dev``, or ``$CLAIMS_POLNEAR``,
  read in place when present, never copied): precision, recall and F1 of
  content spans at token overlap >= 0.3 and >= 0.8 (a predicted and a gold
  span match when each covers at least that share of the other's tokens;
  pairs are matched one to one, best overlap first), and speaker accuracy
  on the pairs matched at 0.3 (the predicted speaker shares at least half of
  the shorter span's tokens with the gold source).
- the project's own annotated articles (``tests/data/drafting``), which add
  what PolNeAR lacks: silences (matched by speaker), wire chains, datelines
  and accusation/denial pairs; stance and chain accuracy on matched pairs.
- speed: articles per second of one core's CPU time, drafting the PolNeAR dev
  texts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from claims.draft import Attribution, attributions

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = next(
    (
        p
        for p in (
            Path(os.environ.get("CLAIMS_POLNEAR", ROOT / "missing")),
            ROOT.parent / "shared" / "corpora" / "polnear",
            ROOT.parent.parent / "shared" / "corpora" / "polnear",
        )
        if p.is_dir()
    ),
    ROOT.parent / "shared" / "corpora" / "polnear",
)
OWN = ROOT / "tests" / "data" / "drafting"
_TOKEN = re.compile(r"\w+")

Spans = tuple[tuple[int, int], ...]


def tokens(text: str, spans: Spans) -> frozenset[int]:
    """The indexes of the word tokens of `text` inside `spans`."""
    out: set[int] = set()
    for s, e in spans:
        seg = text[s:e]
        for m in _TOKEN.finditer(seg):
            out.add(s + m.start())
    return frozenset(out)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """The smaller of the shares of each token set covered by the other."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return min(shared / len(a), shared / len(b))


def match(
    pred: Sequence[frozenset[int]], gold: Sequence[frozenset[int]], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) at `threshold`, best overlap first."""
    candidates = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if p & g),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if score < threshold or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def same_speaker(a: frozenset[int], b: frozenset[int]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= 0.5


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _spans(field: str) -> Spans:
    return tuple(
        (int(a), int(b)) for a, b in (part.split() for part in field.split(" ", 1)[1].split(";"))
    )


def read_ann(path: Path) -> list[tuple[Spans, Spans]]:
    """Each attribution of a brat file with a content: (content spans, source spans)."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _spans(parts[1])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out = []
    for ev in events:
        content = ev.get("Content")
        if content is None or content not in spans:
            continue
        source = spans.get(ev.get("Source", ""), ())
        out.append((spans[content], source))
    return out


def polnear(split: str) -> list[tuple[str, list[tuple[Spans, Spans]]]]:
    """The articles of a PolNeAR split with one annotator's attributions each."""
    base = POLNEAR / split
    articles = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(txt.stem + "_*.ann"))
        if anns:
            articles.append((txt.read_text(encoding="utf-8"), read_ann(anns[0])))
    return articles


def score_polnear(articles: Iterable[tuple[str, list[tuple[Spans, Spans]]]]) -> dict[str, float]:
    totals = {"pred": 0, "gold": 0, "tp3": 0, "tp8": 0, "spk": 0}
    for text, gold in articles:
        pred = attributions(text)
        p_tok = [tokens(text, ((a.content.start, a.content.end),)) for a in pred if a.content]
        p_spk = [
            tokens(text, ((a.speaker.start, a.speaker.end),)) if a.speaker else frozenset()
            for a in pred
            if a.content
        ]
        g_tok = [tokens(text, c) for c, _ in gold]
        g_spk = [tokens(text, s) for _, s in gold]
        totals["pred"] += len(p_tok)
        totals["gold"] += len(g_tok)
        pairs = match(p_tok, g_tok, 0.3)
        totals["tp3"] += len(pairs)
        totals["tp8"] += len(match(p_tok, g_tok, 0.8))
        totals["spk"] += sum(same_speaker(p_spk[i], g_spk[j]) for i, j in pairs)
    p3, r3, f3 = prf(totals["tp3"], totals["pred"], totals["gold"])
    p8, r8, f8 = prf(totals["tp8"], totals["pred"], totals["gold"])
    return {
        "P@0.3": p3, "R@0.3": r3, "F1@0.3": f3, "P@0.8": p8, "R@0.8": r8, "F1@0.8": f8,
        "speaker": totals["spk"] / totals["tp3"] if totals["tp3"] else 0.0,
        "gold": totals["gold"], "predicted": totals["pred"],
    }  # fmt: skip


def _locate(text: str, phrase: str | None, after: int = 0) -> tuple[int, int] | None:
    if phrase is None:
        return None
    at = text.find(phrase, after)
    if at < 0:
        at = text.find(phrase)
    if at < 0:
        raise ValueError(f"{phrase!r} is not in the text")
    return (at, at + len(phrase))


def score_own(directory: Path = OWN) -> dict[str, float]:
    """Score the project's own annotated articles: contents and silences, stance, chain."""
    tp = n_pred = n_gold = spk = stance = via = 0
    for path in sorted(directory.glob("*.json")):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        gold = json.loads(path.read_text(encoding="utf-8"))["attributions"]
        pred = attributions(text)
        n_pred += len(pred)
        n_gold += len(gold)
        used: set[int] = set()
        for g in gold:
            g_content = _locate(text, g["content"])
            g_speaker = _locate(text, g["speaker"])
            g_c = tokens(text, (g_content,)) if g_content else frozenset()
            g_s = tokens(text, (g_speaker,)) if g_speaker else frozenset()
            best: tuple[float, int, Attribution] | None = None
            for i, a in enumerate(pred):
                if i in used:
                    continue
                if g_content is None:
                    if a.content is not None or a.speaker is None:
                        continue
                    s = overlap(tokens(text, ((a.speaker.start, a.speaker.end),)), g_s)
                else:
                    if a.content is None:
                        continue
                    s = overlap(tokens(text, ((a.content.start, a.content.end),)), g_c)
                if s >= 0.3 and (best is None or s > best[0]):
                    best = (s, i, a)
            if best is None:
                continue
            _, i, a = best
            used.add(i)
            tp += 1
            p_s = tokens(text, ((a.speaker.start, a.speaker.end),)) if a.speaker else frozenset()
            spk += same_speaker(p_s, g_s) or a.speaker_name == g.get("speaker_name", g["speaker"])
            stance += a.stance.value == g["stance"]
            via += [v.text for v in a.via] == g.get("via", [])
    p, r, f = prf(tp, n_pred, n_gold)
    return {
        "P": p, "R": r, "F1": f,
        "speaker": spk / tp if tp else 0.0, "stance": stance / tp if tp else 0.0,
        "via": via / tp if tp else 0.0, "gold": n_gold, "predicted": n_pred,
    }  # fmt: skip


def speed(texts: Sequence[str], rounds: int = 3) -> float:
    """Articles drafted per second of one core's time (process CPU time, best of `rounds`).

    CPU time rather than wall time, so that other jobs on a shared machine do
    not count against the drafter (drafting is single-threaded).
    """
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for text in texts:
            attributions(text)
        best = min(best, time.process_time() - t0)
    return len(texts) / best


def _line(name: str, figures: dict[str, float]) -> str:
    return (
        name
        + ": "
        + "  ".join(
            f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", default="dev", help="PolNeAR split to score (default: dev)")
    args = parser.parse_args(argv)
    if (POLNEAR / args.split).is_dir():
        articles = polnear(args.split)
        print(_line(f"PolNeAR {args.split} ({len(articles)} articles)", score_polnear(articles)))
        words = sum(len(t.split()) for t, _ in articles) / len(articles)
        print(
            f"speed: {speed([t for t, _ in articles]):.0f} articles/s "
            f"(mean {words:.0f} words an article, one core)"
        )
    else:
        print(f"PolNeAR not found at {POLNEAR}: skipped")
    print(_line("own annotated set", score_own()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
