"""The records of a drafted attribution: spans of the text and what they say."""

from __future__ import annotations

import attrs

from .._model import Stance

__all__ = ["Attribution", "Span"]


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, not {value}")


@attrs.frozen
class Span:
    """A stretch of the drafted text, by character offsets.

    ``text[span.start:span.end] == span.text`` always holds for the text the
    span was drafted from.

    Attributes:
        start: Offset of the first character.
        end: Offset just past the last character.
        text: The characters, as written.
    """

    start: int = attrs.field(validator=[attrs.validators.instance_of(int), _non_negative])
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _non_negative])
    text: str = attrs.field(validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span {self.start}..{self.end} does not fit its text "
                f"of {len(self.text)} characters"
            )


@attrs.frozen
class Attribution:
    """Who said what, by which words, relayed by whom: one drafted attribution.

    Attributes:
        speaker: Who is cited, as written ("the foreign ministry", "he"), or
            None when the text names nobody ("reportedly").
        speaker_name: The resolved name: a pronoun or a relative "which"
            resolved to the last named speaker, else the speaker's text.
        cue: The words that mark the attribution ("said in a statement").
        content: What is attributed, or None for a silence.
        stance: What the speaker does with it (asserts, denies, a silence, ...).
        via: The intermediaries, outermost first ("X told Reuters": Reuters).
        direct: Whether the content is inside quotation marks.
        score: How sure the drafter is, in [0, 1].
    """

    speaker: Span | None
    speaker_name: str = attrs.field(kw_only=True)
    cue: Span = attrs.field(kw_only=True)
    content: Span | None = attrs.field(kw_only=True)
    stance: Stance = attrs.field(kw_only=True, default=Stance.ASSERTS)
    via: tuple[Span, ...] = attrs.field(kw_only=True, default=())
    direct: bool = attrs.field(kw_only=True, default=False)
    score: float = attrs.field(kw_only=True, default=0.5)
