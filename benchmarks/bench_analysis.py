"""Time the analyst's questions on synthetic dossiers of 10k, 100k and 1M claims.

Run with ``make bench`` (or ``python benchmarks/bench_analysis.py 10000 100000``).
Not part of the test suite. See docs/benchmarks.md for the method and figures.
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator

import claims
from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Affiliation,
    Claim,
    Event,
    EventRef,
    Hop,
    Link,
    LinkKind,
    Proposition,
    Quantity,
    Source,
    Stance,
    Text,
    Unknown,
    When,
)
from claims.analysis import (
    contradictions,
    corroboration,
    corroborations,
    current,
    silences,
    timeline,
    uncertainties,
)

DAY = When.day(2024, 1, 4)


def synthetic(n_claims: int, seed: int = 4) -> claims.Dossier:
    """A dossier of `n_claims` claims shaped like news coverage of many events.

    About ten claims per event, by some 1 in 200 actors: states with
    ministries (``part_of``), armed groups with affiliated outlets, news
    agencies whose figures outlets relay. Per event: casualty counts (mostly
    agreeing, some disjoint, some approximate, some unknown), attributions of
    responsibility (some competing, some denied), characterisations, and
    silences. About 4 links per 100 claims: supports, repeats, contradicts,
    supersedes.
    """
    rng = random.Random(seed)
    n_events = max(1, n_claims // 10)
    n_groups = max(4, n_claims // 2000)
    actors: list[Actor] = []
    states, ministries, groups, outlets, agencies = [], [], [], [], []
    for i in range(n_groups):
        state = f"state-{i}"
        actors.append(Actor(state, f"State {i}", kind=ActorKind.STATE))
        states.append(state)
        for j in range(3):
            part = f"{state}-ministry-{j}"
            actors.append(
                Actor(
                    part,
                    f"Ministry {j} of state {i}",
                    kind=ActorKind.GOVERNMENT_BODY,
                    part_of=state,
                )
            )
            ministries.append(part)
        group = f"group-{i}"
        actors.append(
            Actor(
                group,
                f"Group {i}",
                kind=ActorKind.ARMED_GROUP,
                affiliations=[Affiliation(state, note="backed by")],
            )
        )
        groups.append(group)
        tv = f"group-{i}-tv"
        actors.append(
            Actor(
                tv,
                f"Group {i} TV",
                kind=ActorKind.MEDIA_OUTLET,
                affiliations=[Affiliation(group, note="considered close to")],
            )
        )
        outlets.append(tv)
        for j in range(2):
            outlet = f"outlet-{i}-{j}"
            actors.append(Actor(outlet, f"Outlet {i}.{j}", kind=ActorKind.MEDIA_OUTLET))
            outlets.append(outlet)
        agency = f"agency-{i}"
        actors.append(Actor(agency, f"Agency {i}", kind=ActorKind.NEWS_AGENCY))
        agencies.append(agency)
    n_sources = max(1, n_claims // 20)
    sources = [
        Source(f"s{i}", f"Article {i}", publisher=outlets[i % len(outlets)], published=DAY)
        for i in range(n_sources)
    ]
    events = [Event(f"e{i}", f"Event {i}", when=DAY) for i in range(n_events)]
    event_refs = [EventRef(f"e{i}") for i in range(n_events)]
    speakers = ministries + groups + agencies + outlets
    counts = {k: Quantity(k, unit="killed") for k in range(40)}
    several = Quantity(lower=2, approximate=True, unit="killed")
    about = {k: Quantity(k, approximate=True, unit="killed") for k in range(40)}
    unknown = Unknown("not immediately clear")
    labels = [Text("aggression"), Text("escalation"), Text("terrorism")]
    actor_refs = {a: ActorRef(a) for a in groups + states}

    claim_list: list[Claim] = []
    links: list[Link] = []
    by_claimant: dict[str, list[str]] = {}
    for i in range(n_claims):
        e = rng.randrange(n_events)
        ev = event_refs[e]
        claimant = speakers[rng.randrange(len(speakers))]
        roll = rng.random()
        stance = Stance.ASSERTS
        if roll < 0.45:
            toll = 5 + e % 17
            r = rng.random()
            if r < 0.80:
                obj: object = counts[toll]
            elif r < 0.88:
                obj = about[toll + rng.choice((-1, 1))]
            elif r < 0.93:
                obj = several
            elif r < 0.97:
                obj = unknown
            else:
                obj = counts[(toll + 9) % 40]  # a disjoint figure
            prop = Proposition(ev, "casualties", obj)  # type: ignore[arg-type]
        elif roll < 0.75:
            who = groups[(e + (rng.random() < 0.1)) % len(groups)]
            prop = Proposition(actor_refs[who], "responsible_for", ev)
            if rng.random() < 0.05:
                stance = Stance.DENIES
            elif rng.random() < 0.03:
                stance = Stance.NO_COMMENT
        else:
            prop = Proposition(ev, "characterised_as", labels[rng.randrange(3)])
        hop = Hop(
            outlets[rng.randrange(len(outlets))], "reported", source=f"s{rng.randrange(n_sources)}"
        )
        cid = f"c{i}"
        claim_list.append(Claim(cid, claimant, prop, stance=stance, chain=(hop,), made=DAY))
        mine = by_claimant.setdefault(claimant, [])
        r = rng.random()
        if i and r < 0.02:
            links.append(Link(LinkKind.SUPPORTS, cid, f"c{rng.randrange(i)}"))
        elif i and r < 0.03:
            links.append(Link(LinkKind.REPEATS, cid, f"c{rng.randrange(i)}"))
        elif i and r < 0.035:
            links.append(Link(LinkKind.CONTRADICTS, cid, f"c{rng.randrange(i)}"))
        elif mine and r < 0.04:
            links.append(Link(LinkKind.SUPERSEDES, cid, mine[-1]))
        mine.append(cid)
    unique = {(link.kind, link.claim, link.target): link for link in links}
    return claims.Dossier([*actors, *sources, *events, *claim_list, *unique.values()])


def _fresh(dossier: claims.Dossier, n: int) -> None:
    """Change the dossier's state (one new actor) so the next query rebuilds its indexes."""
    dossier.add(Actor(f"bench-probe-{n}", "probe"))


Timing = tuple[float, float]
"""(wall seconds, CPU seconds of this process)."""


def _time(run: Callable[[], object]) -> Timing:
    start, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - start, time.process_time() - cpu


def _corroborate_each(dossier: claims.Dossier) -> int:
    """`claims.analysis.corroboration` called once per claim."""
    return sum(corroboration(dossier, cid).count for cid in dossier.claims)


def _contradict_all(dossier: claims.Dossier) -> int:
    """`claims.analysis.contradictions`, every contradiction's reason read."""
    return sum(c.reason is not None for c in contradictions(dossier))


def _corroborate_all(dossier: claims.Dossier) -> int:
    """`claims.analysis.corroborations`, every claim's answer made and its `count` read.

    The mapping makes its answers as they are read, so each one is read here.
    """
    return sum(c.count for c in corroborations(dossier).values())


def measure(n_claims: int, repeats: int, *, quick: bool = False) -> Iterator[tuple[str, Timing]]:
    """Build a synthetic dossier and time each query: the median of `repeats` runs.

    With `quick`, only contradictions and corroborations are timed.
    """
    made: list[claims.Dossier] = []
    yield "build dossier (not a query)", _time(lambda: made.append(synthetic(n_claims)))
    dossier = made.pop()
    gc.collect()
    gc.freeze()  # the dossier is long-lived: keep it out of the collector's scans
    probes = iter(range(10**9))
    runs: dict[str, list[Timing]] = {}
    for _ in range(repeats):
        _fresh(dossier, next(probes))
        times = {
            "contradictions (builds indexes)": _time(lambda: _contradict_all(dossier)),
            "corroborations (every claim)": _time(lambda: _corroborate_all(dossier)),
        }
        times["contradictions + corroboration"] = (
            sum(wall for wall, _ in times.values()),
            sum(cpu for _, cpu in times.values()),
        )
        if not quick:
            _fresh(dossier, next(probes))
            times["corroboration, one call per claim (cold)"] = _time(
                lambda: _corroborate_each(dossier)
            )
            times["uncertainties"] = _time(lambda: uncertainties(dossier))
            times["silences"] = _time(lambda: silences(dossier))
            times["current"] = _time(lambda: current(dossier))
            times["timeline"] = _time(lambda: timeline(dossier))
        for k, v in times.items():
            runs.setdefault(k, []).append(v)
    for k, vs in runs.items():
        yield k, (statistics.median(w for w, _ in vs), statistics.median(c for _, c in vs))
    gc.unfreeze()


def main(argv: list[str] | None = None) -> int:
    """Print a table of timings for each size: wall-clock and CPU seconds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--quick", action="store_true", help="time only contradictions and corroborations"
    )
    args = parser.parse_args(argv)
    print(
        f"claims {claims.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, median of {args.repeats} runs"
    )
    totals: dict[int, Timing] = {}
    for n in args.sizes:
        print(f"\n{n:,} claims{'':<30}{'wall':>9}   {'CPU':>8}")
        for name, (wall, cpu) in measure(n, args.repeats, quick=args.quick):
            print(f"  {name:<40} {wall:8.3f} s {cpu:8.3f} s")
            if name == "contradictions + corroboration":
                totals[n] = (wall, cpu)
        gc.collect()
    if 100_000 in totals and 1_000_000 in totals:
        big, small = totals[1_000_000], totals[100_000]
        print(
            f"\n1M/100k ratio (contradictions + corroboration): "
            f"{big[0] / small[0]:.1f} wall, {big[1] / small[1]:.1f} CPU"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
