"""Records reject impossible values at construction, with clear errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import (
    Actor,
    ActorRef,
    Assessment,
    Claim,
    ClaimsError,
    Hop,
    InvalidTypeError,
    InvalidValueError,
    Link,
    LinkKind,
    Precision,
    Proposition,
    Quantity,
    Quote,
    Source,
    Text,
    When,
)
from claims import strategies as cs

UTC = UTC


def test_every_error_is_a_claims_error_and_a_builtin() -> None:
    with pytest.raises(InvalidValueError) as info:
        Assessment(probability=1.5)
    assert isinstance(info.value, ClaimsError)
    assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidTypeError) as info2:
        Actor("a", 3)  # type: ignore[arg-type]
    assert isinstance(info2.value, ClaimsError)
    assert isinstance(info2.value, TypeError)


@pytest.mark.parametrize("p", [-0.01, 1.01, float("nan"), float("inf")])
def test_probability_outside_0_1(p: float) -> None:
    with pytest.raises(InvalidValueError, match="probability"):
        Assessment(probability=p)


@given(st.floats(0, 1))
def test_probability_inside_0_1(p: float) -> None:
    assert Assessment(probability=p).probability == p


def test_quote_end_before_start() -> None:
    with pytest.raises(InvalidValueError, match="before its start"):
        Quote("s", "abc", 10, 7)


def test_quote_offsets_must_span_the_exact_text() -> None:
    with pytest.raises(InvalidValueError, match="span 4 characters but the exact text has 3"):
        Quote("s", "abc", 0, 4)


@pytest.mark.parametrize("bounds", [(5, 4), (3.5, 3.25)])
def test_lower_bound_above_upper(bounds: tuple[float, float]) -> None:
    with pytest.raises(InvalidValueError, match="lower bound"):
        Quantity(lower=bounds[0], upper=bounds[1])


def test_quantity_rules() -> None:
    with pytest.raises(InvalidValueError, match="needs a value"):
        Quantity()
    with pytest.raises(InvalidValueError, match="no lower bound"):
        Quantity(5, lower_open=True)
    with pytest.raises(InvalidValueError, match="contain no number"):
        Quantity(lower=3, upper=3, lower_open=True)
    with pytest.raises(InvalidValueError, match="outside its own bounds"):
        Quantity(2, lower=3)
    with pytest.raises(InvalidValueError, match="2\\*\\*53"):
        Quantity(2**60)
    with pytest.raises(InvalidTypeError, match="number"):
        Quantity(True)
    assert Quantity(lower=100, lower_open=True).contains(100.5)


@pytest.mark.parametrize("bad", ["", "   "])
def test_empty_ids(bad: str) -> None:
    with pytest.raises(InvalidValueError, match=r"Actor\.id must not be empty"):
        Actor(bad, "name")
    with pytest.raises(InvalidValueError, match=r"Claim\.id must not be empty"):
        Claim(bad, "a", Proposition(Text("x"), "p", Text("y")))


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(InvalidValueError, match="timezone-aware"):
        When(datetime(2024, 1, 4))
    with pytest.raises(InvalidValueError, match="timezone-aware"):
        Source("s", "t", retrieved=datetime(2024, 1, 4))
    with pytest.raises(InvalidValueError, match="timezone-aware"):
        Assessment(assessed_at=datetime(2024, 1, 4))


def test_a_time_never_claims_more_precision_than_it_has() -> None:
    with pytest.raises(InvalidValueError, match="day precision but sets hour"):
        When(datetime(2024, 1, 4, 9, tzinfo=UTC), Precision.DAY)
    last_month = When.month(2023, 12)
    assert str(last_month) == "2023-12"
    assert last_month.end == datetime(2024, 1, 1, tzinfo=UTC)
    thursday = When.of(datetime(2024, 1, 4, 17, 5, tzinfo=UTC), Precision.DAY)
    assert thursday == When.day(2024, 1, 4)


@given(cs.aware_datetimes(), st.sampled_from(Precision))
def test_a_when_contains_the_moment_it_was_made_from(at: datetime, precision: Precision) -> None:
    when = When.of(at, precision)
    assert when.start <= at < when.end


def test_references_to_self_are_rejected() -> None:
    with pytest.raises(InvalidValueError, match="part of itself"):
        Actor("a", "A", part_of="a")
    with pytest.raises(InvalidValueError, match="link to itself"):
        Link(LinkKind.SUPPORTS, "c", "c")


def test_hop_quote_must_come_from_the_hop_source() -> None:
    with pytest.raises(InvalidValueError, match="cites source"):
        Hop("aj", "reported", source="a", quote=Quote("b", "x", 0, 1))


def test_wrong_types_are_named() -> None:
    with pytest.raises(InvalidTypeError, match=r"Claim\.stance must be a Stance"):
        Claim("c", "a", Proposition(Text("x"), "p", Text("y")), stance="asserts")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="list or tuple"):
        Actor("a", "A", aliases="Abu Taqwa")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Proposition\.subject"):
        Proposition(Quantity(3), "p", Text("y"))  # type: ignore[arg-type]


def test_quote_find_anchors_words_and_context() -> None:
    text = "The total was not immediately clear, Reuters said."
    q = Quote.find(text, "not immediately clear", source="s", context=4)
    assert text[q.start : q.end] == q.exact
    assert (q.prefix, q.suffix) == ("was ", ", Re")
    with pytest.raises(InvalidValueError, match="does not occur"):
        Quote.find(text, "Al Jazeera", source="s")
    with pytest.raises(InvalidValueError, match="2 time"):
        Quote.find(text, "Reuters", source="s", occurrence=2)


@given(st.text(min_size=1).filter(str.strip), st.text(), st.text())
def test_quote_find_round_trips_any_text(exact: str, before: str, after: str) -> None:
    text = before + exact + after
    q = Quote.find(text, exact, source="s")
    assert q.matches(text)
    assert text.find(exact) == q.start


@given(st.from_type(Claim))
def test_records_are_frozen_hashable_and_evolve(claim: Claim) -> None:
    assert hash(claim) == hash(attrs.evolve(claim))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        claim.id = "other"  # type: ignore[misc]
    changed = attrs.evolve(claim, note="revised")
    assert changed.note == "revised"
    assert changed.id == claim.id


def test_evolve_validates_too() -> None:
    a = Assessment(probability=0.5)
    with pytest.raises(InvalidValueError):
        attrs.evolve(a, probability=2.0)


def test_records_never_point_back_to_a_container() -> None:
    for cls in (Actor, Source, Claim, Quote, Hop, Proposition, Link, claims.Event):
        for field in attrs.fields(cls):
            assert "Dossier" not in str(field.type), (cls, field.name)


def test_stance_knows_silences() -> None:
    silent = {s for s in claims.Stance if s.is_silence}
    assert silent == {
        claims.Stance.DECLINED_TO_COMMENT,
        claims.Stance.NO_RESPONSE,
        claims.Stance.NO_COMMENT,
    }


def test_tri_state_object() -> None:
    known = Proposition(ActorRef("coalition"), "responsible_for", Text("strike"))
    unknown = attrs.evolve(known, object=claims.Unknown("not immediately clear"))
    none = attrs.evolve(known, object=claims.NoValue())
    assert (known.is_known, unknown.is_known, none.is_known) == (True, False, False)


def test_when_orders_nothing_by_accident() -> None:
    a, b = When.day(2024, 1, 4), When.day(2024, 1, 5)
    with pytest.raises(TypeError):
        _ = a < b  # type: ignore[operator]
    assert a.end == b.start
    assert When(datetime(2024, 1, 4, 9, tzinfo=UTC)).is_finer_than(a)
    assert b.start - a.start == timedelta(days=1)


# --------------------------------------------------------------------------
# Every error about a field names the field


def _any_record() -> st.SearchStrategy[Any]:
    """One record of any class of the model, built by the public strategies."""
    return st.one_of(
        cs.actors(),
        cs.sources(),
        cs.events(),
        cs.claims(),
        cs.links(),
        cs.quotes(),
        cs.hops(),
        cs.propositions(),
        cs.quantities(),
        cs.whens(),
        cs.assessments(),
        cs.subjects(),
        cs.values(),
        st.builds(claims.Affiliation, cs.ids(), note=st.none() | cs.texts()),
        st.builds(claims.Qualifier, cs.texts(), cs.texts()),
        st.builds(claims.Status, st.just(claims.StatusKind.RETRACTED), by=cs.ids()),
    )


# Values no field of any record takes: a wrong type for every field (a dict
# is not a list either), or a float or datetime that no number or time field
# takes (not finite, or naive).
_NEVER_RIGHT = st.sampled_from(
    [
        object(),
        b"bytes",
        1j,
        {"key": "value"},
        float("nan"),
        float("-inf"),
        datetime(2024, 1, 4, 9, 30),
    ]
)


def _bad_values(field: attrs.Attribute[Any]) -> st.SearchStrategy[Any]:
    """Values `field` must refuse whatever the record's other fields hold."""
    options = [_NEVER_RIGHT]
    if str(field.type).startswith("tuple["):
        options.append(_NEVER_RIGHT.map(lambda bad: ("fine", bad)))
    if str(field.type) in ("str", "str | None") and field.default != "":
        options.append(st.sampled_from(["", " ", "\t\n"]))
    return st.one_of(options)


@given(_any_record(), st.data())
def test_every_error_about_a_bad_value_names_its_field(record: Any, data: st.DataObject) -> None:
    field = data.draw(st.sampled_from(attrs.fields(type(record))), label="field")
    bad = data.draw(_bad_values(field), label="bad value")
    with pytest.raises((InvalidTypeError, InvalidValueError)) as info:
        attrs.evolve(record, **{field.alias: bad})
    error = info.value
    assert error.field == field.name
    assert error.detail
    assert field.name not in error.detail.split()[:1]
    assert str(error).endswith(error.detail)


def test_the_field_and_the_detail_of_errors_from_rules_across_fields() -> None:
    with pytest.raises(InvalidValueError) as info:
        Actor("a", "A", part_of="a")
    assert (info.value.field, info.value.detail) == (
        "part_of",
        "'a': an actor cannot be part of itself",
    )
    assert str(info.value) == "Actor.part_of 'a': an actor cannot be part of itself"
    with pytest.raises(InvalidValueError) as info:
        Quote("s", "abc", 0, 4)
    assert info.value.field == "end"
    with pytest.raises(InvalidValueError) as info:
        When(datetime(2024, 1, 4, 9, tzinfo=UTC), Precision.DAY)
    assert info.value.field == "precision"
    with pytest.raises(InvalidValueError) as info:
        Quantity(5, lower_open=True)
    assert (info.value.field, info.value.detail) == (
        "lower_open",
        "is set but there is no lower bound",
    )
    assert str(info.value) == "Quantity.lower_open is set but there is no lower bound"
    with pytest.raises(InvalidValueError) as info:
        Quantity(2, lower=3)
    assert (info.value.field, str(info.value)) == (
        "value",
        "Quantity value 2 lies outside its own bounds",
    )
    with pytest.raises(InvalidValueError) as info:
        Quantity(lower=5, upper=4)
    assert info.value.field is None  # two fields disagree; neither alone is wrong


def test_an_error_not_about_a_field_names_none() -> None:
    error = InvalidValueError("something is wrong")
    assert (error.field, error.detail) == (None, None)
    assert str(error) == "something is wrong"


def test_each_layer_of_a_claim_is_a_module_of_the_model() -> None:
    from claims import _model

    layers = {
        "who": {"Actor", "ActorKind", "Affiliation"},
        "when": {"When", "Precision"},
        "what": {"Proposition", "ActorRef", "EventRef", "Text", "Quantity", "Unknown"},
        "evidence": {"Source", "Quote", "Hop", "fingerprint"},
        "belief": {"Assessment"},
        "claim": {"Claim", "Stance", "Link", "LinkKind", "Status", "StatusKind", "ACTIVE"},
    }
    for layer, names in layers.items():
        module = getattr(_model, layer)
        assert names <= set(module.__all__), layer
        for name in names:
            assert getattr(_model, name) is getattr(module, name), name
            if name != "ACTIVE":
                assert getattr(claims, name) is getattr(module, name), name
    exported = {n for names in layers.values() for n in names}
    assert exported <= set(_model.__all__)
    for name in _model.__all__:
        assert hasattr(_model, name), name


def test_the_typing_module_gives_the_aliases_to_annotate_with() -> None:
    import claims.typing

    assert claims.typing.__all__ == ["Subject", "Value"]
    assert claims.typing.Subject == claims.Subject
    assert claims.typing.Value == claims.Value
    assert isinstance(Text("x"), claims.typing.Subject)
    assert isinstance(claims.NoValue(), claims.typing.Value)
