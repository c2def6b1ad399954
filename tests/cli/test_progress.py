"""The progress bar: rate and time left, never wider than the width it is given."""

from __future__ import annotations

import io
import re

from hypothesis import given
from hypothesis import strategies as st

from claims._progress import Bar
from claims._terminal import is_unsafe


def _drawn(out: io.StringIO) -> list[str]:
    """Each state the bar was drawn in (the text between carriage returns)."""
    return [part for part in re.split(r"[\r\n]", out.getvalue()) if part]


def test_the_bar_shows_the_count_the_rate_and_the_time_left_within_80_columns() -> None:
    out = io.StringIO()
    bar = Bar("importing seeds/baghdad-drone-strike.json", stream=out, enabled=True, width=80)
    for done in (0, 10_000, 20_000, 76_000):
        bar(done, 76_000)
    bar.close()
    drawn = _drawn(out)
    assert all(len(line) <= 80 for line in drawn)
    last = drawn[-1]
    assert "100%" in last
    assert "76,000/76,000 [" in last
    # elapsed<time left, then the rate
    assert re.search(r"\[\d\d:\d\d<\d\d:\d\d, [\d.]+[kMG]? records/s\]$", last), last
    assert out.getvalue().endswith("\n")


@given(
    width=st.integers(min_value=30, max_value=200),
    label=st.text(max_size=300),
    steps=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=5),
)
def test_no_drawn_line_is_wider_than_the_width_or_acts_on_the_terminal(
    width: int, label: str, steps: list[int]
) -> None:
    total = max(steps) or 1
    out = io.StringIO()
    bar = Bar(label, stream=out, enabled=True, width=width)
    for done in sorted(steps):
        bar(done, total)
    bar.close()
    drawn = _drawn(out)
    assert drawn
    assert all(len(line) <= width for line in drawn), max(drawn, key=len)
    assert not any(is_unsafe(c) for line in drawn for c in line)


def test_a_disabled_bar_draws_nothing() -> None:
    out = io.StringIO()
    bar = Bar("import", stream=out)  # not a terminal
    bar(1, 2)
    bar.close()
    assert out.getvalue() == ""
