"""Serialisation speed and memory of `claims` beside msgspec, pydantic v2 and stix2.

One process measures, round-robin, per record: construct, encode to JSON
bytes, and decode with full validation, for `claims` and for mirror models of
the same claim record in msgspec (the speed limit), pydantic v2 and (at a
smaller count, it is much slower) the official `stix2` library. Memory held
per decoded record is measured in a fresh process for each library.

Run with ``make bench`` or ``python benchmarks/bench_serialize.py``; see
``--help``. Not part of the test suite. See docs/benchmarks.md for the method
and figures. Needs the ``bench`` extra (msgspec, pydantic, stix2).
"""

from __future__ import annotations

import argparse
import enum
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated, Any, Literal

import msgspec
import orjson
import pydantic

import claims
from claims import json as claims_json
from claims.confidence import AnalyticConfidence, Credibility, Likelihood, Reliability

BAGHDAD = timezone(timedelta(hours=3))
STANCES = ["asserts", "denies", "no_comment", "asserts", "asserts"]
RELIABILITY = ["A", "B", "C", "D", "E", "F"]
LIKELIHOOD = ["unlikely", "roughly_even_chance", "likely", "very_likely"]


# --------------------------------------------------------------------------
# The input: plain values, the same for every library (built untimed).


def raw_inputs(n: int) -> list[dict[str, Any]]:
    """`n` claims as plain Python values (ids, strings, numbers, datetimes)."""
    out = []
    start = datetime(2024, 1, 4, tzinfo=BAGHDAD)
    for i in range(n):
        exact = f"at least {i % 50} people were killed in the strike on site {i % 997}"
        day = start + timedelta(days=i % 365)
        out.append(
            {
                "id": f"claim-{i}",
                "claimant": f"actor-{i % 1000}",
                "subject": f"event-{i % 5000}",
                "predicate": "killed" if i % 3 else "responsible_for",
                "quantity": i % 3 != 0,
                "lower": i % 50,
                "unit": "people",
                "text": f"the coalition number {i % 40}",
                "when": day,
                "stance": STANCES[i % len(STANCES)],
                "source": f"source-{i % 20000}",
                "exact": exact,
                "start": 100 + i % 1000,
                "prefix": "Officials said that ",
                "suffix": ", according to a statement.",
                "reporter": f"outlet-{i % 300}",
                "cue": "reported" if i % 2 else "said in a statement",
                "made": day,
                "reliability": RELIABILITY[i % 6],
                "credibility": 1 + i % 6,
                "likelihood": LIKELIHOOD[i % 4],
                "assessor": "analyst-7",
                "assessed_at": datetime(2024, 1, 5, 9, 30, i % 60, tzinfo=UTC),
            }
        )
    return out


# --------------------------------------------------------------------------
# claims


def claims_construct(rows: list[dict[str, Any]]) -> list[claims.Claim]:
    """Build `claims.Claim` records, every validator on."""
    C = claims
    day = C.Precision.DAY
    out = []
    for r in rows:
        obj: C.Value = (
            C.Quantity(lower=r["lower"], unit=r["unit"]) if r["quantity"] else C.Text(r["text"])
        )
        out.append(
            C.Claim(
                id=r["id"],
                claimant=r["claimant"],
                proposition=C.Proposition(
                    subject=C.EventRef(r["subject"]),
                    predicate=r["predicate"],
                    object=obj,
                    when=C.When(r["when"], day),
                ),
                stance=C.Stance(r["stance"]),
                quotes=(
                    C.Quote(
                        source=r["source"],
                        exact=r["exact"],
                        start=r["start"],
                        end=r["start"] + len(r["exact"]),
                        prefix=r["prefix"],
                        suffix=r["suffix"],
                    ),
                ),
                chain=(C.Hop(reporter=r["reporter"], cue=r["cue"], source=r["source"]),),
                made=C.When(r["made"], day),
                assessment=C.Assessment(
                    reliability=Reliability(r["reliability"]),
                    credibility=Credibility(r["credibility"]),
                    likelihood=Likelihood(r["likelihood"]),
                    confidence=AnalyticConfidence.MODERATE,
                    assessor=r["assessor"],
                    assessed_at=r["assessed_at"],
                ),
            )
        )
    return out


def claims_encode(records: list[claims.Claim]) -> bytes:
    """A JSON array of claims, through the library's converter."""
    return claims_json.encode(records)


def claims_decode(data: bytes) -> list[claims.Claim]:
    """Claims back from a JSON array, with full validation."""
    return list(claims_json.structure(orjson.loads(data), tuple[claims.Claim, ...]))


# --------------------------------------------------------------------------
# msgspec mirror: the same record, the same constraints where msgspec has them.

NonEmpty = Annotated[str, msgspec.Meta(pattern=r"\S")]
Offset = Annotated[int, msgspec.Meta(ge=0)]
Aware = Annotated[datetime, msgspec.Meta(tz=True)]


class Precision(enum.Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


class Stance(enum.Enum):
    ASSERTS = "asserts"
    DENIES = "denies"
    DECLINED_TO_COMMENT = "declined_to_comment"
    NO_RESPONSE = "no_response"
    NO_COMMENT = "no_comment"
    UNCLEAR = "unclear"


def _check_precision(at: datetime, precision: Precision) -> None:
    if precision is Precision.DAY and (at.hour or at.minute or at.second or at.microsecond):
        raise ValueError("false precision")


class MWhen(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    at: Aware
    precision: Precision = Precision.SECOND

    def __post_init__(self) -> None:
        _check_precision(self.at, self.precision)


class MEventRef(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, tag="event", tag_field="type"
):
    id: NonEmpty


class MText(msgspec.Struct, frozen=True, forbid_unknown_fields=True, tag="text", tag_field="type"):
    value: NonEmpty


class MQuantity(
    msgspec.Struct,
    frozen=True,
    forbid_unknown_fields=True,
    omit_defaults=True,
    tag="quantity",
    tag_field="type",
):
    value: int | float | None = None
    lower: int | float | None = None
    upper: int | float | None = None
    lower_open: bool = False
    upper_open: bool = False
    unit: NonEmpty | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.value is None and self.lower is None and self.upper is None:
            raise ValueError("Quantity needs a value or at least one bound")


class MProposition(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    subject: MEventRef | MText
    predicate: NonEmpty
    object: MEventRef | MText | MQuantity
    when: MWhen | None = None
    where: NonEmpty | None = None


class MQuote(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    source: NonEmpty
    exact: NonEmpty
    start: Offset
    end: Offset
    prefix: str = ""
    suffix: str = ""

    def __post_init__(self) -> None:
        if self.end - self.start != len(self.exact):
            raise ValueError("offsets do not span the exact text")


class MHop(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    reporter: NonEmpty
    cue: NonEmpty
    source: NonEmpty | None = None
    quote: MQuote | None = None


class MAssessment(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    reliability: Reliability | None = None
    credibility: Credibility | None = None
    likelihood: Likelihood | None = None
    confidence: AnalyticConfidence | None = None
    probability: Annotated[float, msgspec.Meta(ge=0, le=1)] | None = None
    rationale: NonEmpty | None = None
    assessor: NonEmpty | None = None
    assessed_at: Aware | None = None


class MClaim(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    id: NonEmpty
    claimant: NonEmpty
    proposition: MProposition
    stance: Stance = Stance.ASSERTS
    quotes: tuple[MQuote, ...] = ()
    chain: tuple[MHop, ...] = ()
    made: MWhen | None = None
    assessment: MAssessment | None = None
    note: NonEmpty | None = None


def msgspec_construct(rows: list[dict[str, Any]]) -> list[MClaim]:
    """Build msgspec mirrors (Struct constructors check no types; __post_init__ runs)."""
    day = Precision.DAY
    out = []
    for r in rows:
        obj: MText | MQuantity
        obj = MQuantity(lower=r["lower"], unit=r["unit"]) if r["quantity"] else MText(r["text"])
        out.append(
            MClaim(
                id=r["id"],
                claimant=r["claimant"],
                proposition=MProposition(
                    subject=MEventRef(r["subject"]),
                    predicate=r["predicate"],
                    object=obj,
                    when=MWhen(r["when"], day),
                ),
                stance=Stance(r["stance"]),
                quotes=(
                    MQuote(
                        source=r["source"],
                        exact=r["exact"],
                        start=r["start"],
                        end=r["start"] + len(r["exact"]),
                        prefix=r["prefix"],
                        suffix=r["suffix"],
                    ),
                ),
                chain=(MHop(reporter=r["reporter"], cue=r["cue"], source=r["source"]),),
                made=MWhen(r["made"], day),
                assessment=MAssessment(
                    reliability=Reliability(r["reliability"]),
                    credibility=Credibility(r["credibility"]),
                    likelihood=Likelihood(r["likelihood"]),
                    confidence=AnalyticConfidence.MODERATE,
                    assessor=r["assessor"],
                    assessed_at=r["assessed_at"],
                ),
            )
        )
    return out


_M_ENCODER = msgspec.json.Encoder()
_M_DECODER = msgspec.json.Decoder(list[MClaim])


def msgspec_encode(records: list[MClaim]) -> bytes:
    return _M_ENCODER.encode(records)


def msgspec_decode(data: bytes) -> list[MClaim]:
    return _M_DECODER.decode(data)


# --------------------------------------------------------------------------
# pydantic v2 mirror: strict, frozen, extra keys forbidden.

PNonEmpty = Annotated[str, pydantic.StringConstraints(pattern=r"\S")]
_P_CONFIG = pydantic.ConfigDict(frozen=True, extra="forbid", strict=True)


class PWhen(pydantic.BaseModel):
    model_config = _P_CONFIG
    at: pydantic.AwareDatetime
    precision: Precision = Precision.SECOND

    @pydantic.model_validator(mode="after")
    def _precise(self) -> PWhen:
        _check_precision(self.at, self.precision)
        return self


class PEventRef(pydantic.BaseModel):
    model_config = _P_CONFIG
    type: Literal["event"]  # required: exclude_defaults would drop a default tag
    id: PNonEmpty


class PText(pydantic.BaseModel):
    model_config = _P_CONFIG
    type: Literal["text"]  # required: exclude_defaults would drop a default tag
    value: PNonEmpty


class PQuantity(pydantic.BaseModel):
    model_config = _P_CONFIG
    type: Literal["quantity"]  # required: exclude_defaults would drop a default tag
    value: int | float | None = None
    lower: int | float | None = None
    upper: int | float | None = None
    lower_open: bool = False
    upper_open: bool = False
    unit: PNonEmpty | None = None
    approximate: bool = False

    @pydantic.model_validator(mode="after")
    def _bounded(self) -> PQuantity:
        if self.value is None and self.lower is None and self.upper is None:
            raise ValueError("Quantity needs a value or at least one bound")
        return self


class PProposition(pydantic.BaseModel):
    model_config = _P_CONFIG
    subject: Annotated[PEventRef | PText, pydantic.Field(discriminator="type")]
    predicate: PNonEmpty
    object: Annotated[PEventRef | PText | PQuantity, pydantic.Field(discriminator="type")]
    when: PWhen | None = None
    where: PNonEmpty | None = None


class PQuote(pydantic.BaseModel):
    model_config = _P_CONFIG
    source: PNonEmpty
    exact: PNonEmpty
    start: Annotated[int, pydantic.Field(ge=0)]
    end: Annotated[int, pydantic.Field(ge=0)]
    prefix: str = ""
    suffix: str = ""

    @pydantic.model_validator(mode="after")
    def _spans(self) -> PQuote:
        if self.end - self.start != len(self.exact):
            raise ValueError("offsets do not span the exact text")
        return self


class PHop(pydantic.BaseModel):
    model_config = _P_CONFIG
    reporter: PNonEmpty
    cue: PNonEmpty
    source: PNonEmpty | None = None
    quote: PQuote | None = None


class PAssessment(pydantic.BaseModel):
    model_config = _P_CONFIG
    reliability: Reliability | None = None
    credibility: Credibility | None = None
    likelihood: Likelihood | None = None
    confidence: AnalyticConfidence | None = None
    probability: Annotated[float, pydantic.Field(ge=0, le=1)] | None = None
    rationale: PNonEmpty | None = None
    assessor: PNonEmpty | None = None
    assessed_at: pydantic.AwareDatetime | None = None


class PClaim(pydantic.BaseModel):
    model_config = _P_CONFIG
    id: PNonEmpty
    claimant: PNonEmpty
    proposition: PProposition
    stance: Stance = Stance.ASSERTS
    quotes: tuple[PQuote, ...] = ()
    chain: tuple[PHop, ...] = ()
    made: PWhen | None = None
    assessment: PAssessment | None = None
    note: PNonEmpty | None = None


def pydantic_construct(rows: list[dict[str, Any]]) -> list[PClaim]:
    """Build pydantic mirrors (validated on construction, as claims records are)."""
    day = Precision.DAY
    out = []
    for r in rows:
        obj: PText | PQuantity
        obj = (
            PQuantity(type="quantity", lower=r["lower"], unit=r["unit"])
            if r["quantity"]
            else PText(type="text", value=r["text"])
        )
        out.append(
            PClaim(
                id=r["id"],
                claimant=r["claimant"],
                proposition=PProposition(
                    subject=PEventRef(type="event", id=r["subject"]),
                    predicate=r["predicate"],
                    object=obj,
                    when=PWhen(at=r["when"], precision=day),
                ),
                stance=Stance(r["stance"]),
                quotes=(
                    PQuote(
                        source=r["source"],
                        exact=r["exact"],
                        start=r["start"],
                        end=r["start"] + len(r["exact"]),
                        prefix=r["prefix"],
                        suffix=r["suffix"],
                    ),
                ),
                chain=(PHop(reporter=r["reporter"], cue=r["cue"], source=r["source"]),),
                made=PWhen(at=r["made"], precision=day),
                assessment=PAssessment(
                    reliability=Reliability(r["reliability"]),
                    credibility=Credibility(r["credibility"]),
                    likelihood=Likelihood(r["likelihood"]),
                    confidence=AnalyticConfidence.MODERATE,
                    assessor=r["assessor"],
                    assessed_at=r["assessed_at"],
                ),
            )
        )
    return out


_P_LIST = pydantic.TypeAdapter(list[PClaim])


def pydantic_encode(records: list[PClaim]) -> bytes:
    return _P_LIST.dump_json(records, exclude_defaults=True)


def pydantic_decode(data: bytes) -> list[PClaim]:
    return _P_LIST.validate_json(data)


# --------------------------------------------------------------------------
# stix2: a claim as the nearest STIX 2.1 object, an Opinion-like Note with
# the quote as an external reference and the rating in `confidence`.


def stix2_construct(rows: list[dict[str, Any]]) -> list[Any]:
    """Build `stix2.v21.Note` objects carrying the same facts."""
    import stix2

    out = []
    for i, r in enumerate(rows):
        ident = f"note--00000000-0000-4000-8000-{i:012d}"
        out.append(
            stix2.v21.Note(
                id=ident,
                created=r["assessed_at"],
                modified=r["assessed_at"],
                abstract=r["predicate"],
                content=r["exact"],
                authors=[r["claimant"]],
                object_refs=[f"identity--00000000-0000-4000-8000-{i % 1000:012d}"],
                confidence=(7 - r["credibility"]) * 15,
                labels=[r["stance"], r["likelihood"]],
                external_references=[
                    {
                        "source_name": r["source"],
                        "description": r["cue"],
                        "external_id": r["reporter"],
                    }
                ],
            )
        )
    return out


def stix2_encode(records: list[Any]) -> bytes:
    return ("[" + ",".join(r.serialize() for r in records) + "]").encode()


def stix2_decode(data: bytes) -> list[Any]:
    import stix2

    return [stix2.parse(obj, allow_custom=False) for obj in orjson.loads(data)]


# --------------------------------------------------------------------------
# Measuring

Lib = tuple[
    Callable[[list[dict[str, Any]]], list[Any]],
    Callable[[list[Any]], bytes],
    Callable[[bytes], list[Any]],
]
LIBS: dict[str, Lib] = {
    "claims": (claims_construct, claims_encode, claims_decode),
    "msgspec": (msgspec_construct, msgspec_encode, msgspec_decode),
    "pydantic": (pydantic_construct, pydantic_encode, pydantic_decode),
    "stix2": (stix2_construct, stix2_encode, stix2_decode),
}
OPS = ("construct", "encode", "decode")


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def check_agreement(rows: list[dict[str, Any]]) -> None:
    """Every library decodes what it encodes, and claims' JSON matches msgspec's."""
    for name, (construct, encode, decode) in LIBS.items():
        built = construct(rows)
        again = decode(encode(built))
        if name != "stix2" and again != built:
            raise SystemExit(f"{name}: the round trip is not exact")
    ours = orjson.loads(claims_encode(claims_construct(rows)))
    # msgspec writes UTC as "Z", claims as "+00:00"; the same instant either way.
    theirs = orjson.loads(msgspec_encode(msgspec_construct(rows)).replace(b'Z"', b'+00:00"'))
    if ours != theirs:
        raise SystemExit("claims and msgspec disagree on the JSON of the same records")


def measure(libs: Sequence[str], n: int, runs: int) -> dict[str, dict[str, list[float]]]:
    """Seconds per record for each library and operation, `runs` rounds, round-robin."""
    rows = raw_inputs(n)
    times: dict[str, dict[str, list[float]]] = {lib: {op: [] for op in OPS} for lib in libs}
    for _ in range(runs):
        for lib in libs:
            construct, encode, decode = LIBS[lib]
            t_c, built = _timed(lambda c=construct: c(rows))  # type: ignore[misc]
            t_e, data = _timed(lambda e=encode, b=built: e(b))  # type: ignore[misc]
            del built
            t_d, back = _timed(lambda d=decode, x=data: d(x))  # type: ignore[misc]
            del back, data
            for op, t in zip(OPS, (t_c, t_e, t_d), strict=True):
                times[lib][op].append(t / n)
    return times


def memory_per_record(lib: str, n: int) -> float:
    """Bytes still allocated per decoded record (run in a fresh process)."""
    construct, encode, decode = LIBS[lib]
    data = encode(construct(raw_inputs(n)))
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    decoded = decode(data)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    assert len(decoded) == n
    return held / n


def fresh_memory(lib: str, n: int) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--memory-of", lib, "-n", str(n)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout)


def _fmt_time(seconds: float) -> str:
    return f"{seconds * 1e6:8.2f} µs"


def report(
    times: dict[str, dict[str, list[float]]],
    memory: dict[str, float],
    n: int,
    ref: str = "msgspec",
) -> list[str]:
    med = {lib: {op: statistics.median(v) for op, v in ops.items()} for lib, ops in times.items()}
    lines = [
        f"| {n:,} records | " + " | ".join(f"{op} / record" for op in OPS) + " | memory / record |",
        "|---|" + "---:|" * (len(OPS) + 1),
    ]
    for lib in med:
        cells = []
        for op in OPS:
            ratio = med[lib][op] / med[ref][op] if ref in med else float("nan")
            cells.append(f"{_fmt_time(med[lib][op])} ({ratio:.2f}×)")
        if lib in memory and ref in memory:
            cells.append(f"{memory[lib]:6.0f} B ({memory[lib] / memory[ref]:.2f}×)")
        else:
            cells.append("")
        lines.append(f"| {lib} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="records (default 100,000)")
    parser.add_argument("--stix-n", type=int, default=10_000, help="records for stix2")
    parser.add_argument("--runs", type=int, default=5, help="rounds (default 5; median)")
    parser.add_argument("--memory-of", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_of:
        print(memory_per_record(args.memory_of, args.n))
        return 0

    print(
        f"# Serialisation: {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs; claims {claims.__version__}, "
        f"msgspec {msgspec.__version__}, pydantic {pydantic.VERSION}, orjson {orjson.__version__}"
    )
    print(f"# medians of {args.runs} round-robin runs, GC on; ratios to msgspec\n")
    check_agreement(raw_inputs(200))
    main_libs = ["claims", "msgspec", "pydantic"]
    times = measure(main_libs, args.n, args.runs)
    memory = {lib: fresh_memory(lib, args.n) for lib in main_libs}
    print("\n".join(report(times, memory, args.n)))

    print()
    stix_libs = ["claims", "msgspec", "stix2"]
    times = measure(stix_libs, args.stix_n, args.runs)
    memory = {lib: fresh_memory(lib, args.stix_n) for lib in stix_libs}
    print("\n".join(report(times, memory, args.stix_n)))
    med = {lib: {op: statistics.median(v) for op, v in ops.items()} for lib, ops in times.items()}
    faster = ", ".join(f"{op} {med['stix2'][op] / med['claims'][op]:.0f}×" for op in OPS)
    print(f"\nclaims is faster than stix2 by: {faster}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
