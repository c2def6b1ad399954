"""Rich displays in notebooks, for records the model defines and the views render.

Jupyter, VS Code, Quarto and other notebook front ends show an object as
HTML or Markdown when it has a ``_repr_html_`` or ``_repr_markdown_``
method. The records, the dossier and the analysis answers inherit them from
`Displayed`; what they return is rendered by functions `install` was given,
so the model does not import the views: `claims.views` installs its
renderers when it is imported, and ``import claims`` imports it. Until
then the methods return None, and front ends fall back to the repr.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Displayed", "Renderer", "install"]

Renderer = Callable[[object], str]
"""A function giving an object's display: escaped HTML or Markdown."""

_renderers: dict[str, Renderer] = {}


def install(*, html: Renderer, markdown: Renderer) -> None:
    """Make `html` and `markdown` what every `Displayed` object's display returns.

    Args:
        html: Renders an object as a short, escaped HTML fragment.
        markdown: Renders it as short, escaped Markdown.
    """
    _renderers["html"] = html
    _renderers["markdown"] = markdown


class Displayed:
    """A base giving a class the notebook display methods (and no state)."""

    __slots__ = ()

    def _repr_html_(self) -> str | None:
        render = _renderers.get("html")
        return None if render is None else render(self)

    def _repr_markdown_(self) -> str | None:
        render = _renderers.get("markdown")
        return None if render is None else render(self)
