"""The patterns the drafter reads a text with: cues, speakers, times, datelines."""

from __future__ import annotations

import re

from ._text import words

__all__ = [
    "ACCORDING",
    "COLON",
    "CUE",
    "DATELINE",
    "FOOTAGE",
    "FOOTAGE_KEYS",
    "FROM",
    "HEDGE_KEYS",
    "LISTENER",
    "NOT_SPEAKERS",
    "PARTICIPLE_AFTER",
    "PARTICLE_OK",
    "SELF_NAMED",
    "SETTING",
    "SILENCE_KEYS",
    "SUBJECT",
    "TIME",
    "TOKEN",
    "TRAILING",
    "WORD",
]

TOKEN = re.compile(r"[\w’'&.-]*\w[\w’'&-]*\.?|\S")
WORD = re.compile(r"[A-Za-z][\w’'&-]*")
TIME = re.compile(
    r"(?:\s*,?\s+(?:on|late|early|last|this|earlier|later|next)\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening|day)"
    r"(?:\s+(?:night|morning|afternoon|evening))?|\s+(?:today|yesterday|tonight|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?)+"
)
SETTING = re.compile(
    r"\s+(?:in|on|at|during|via|through|to|over)\s+(?:(?:a|an|the|his|her|their|its|Sunday’s|"
    r"Sunday's)\s+)?(?:[\w’'-]+\s+){0,3}?(?:statement|interview|tweet|post|email|e-mail|letter|"
    r"speech|address|remarks|report|conference|briefing|appearance|rally|video|message|op-ed|"
    r"column|memo|filing|Twitter|Facebook|Instagram|television|radio|reporters|journalists|"
    r"broadcast|debate|hearing|call|text)\b(?:\s+(?:with|to|on)\s+(?:[A-Z][\w’'.-]*\s*){1,4})?"
)
LISTENER = re.compile(
    r"\s+(?P<l>(?:(?:the|The)\s+)?[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|news agency|"
    r"newspaper|of|and))*|reporters|journalists|lawmakers|supporters|him|her|them|me|us|"
    r"(?:the|a|an|his|her|their|its)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?=[\s,.;:]|$)"
)
ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
FOOTAGE = re.compile(
    r"\b(?:published|released|aired|broadcast|posted|shared)\s+(?:a\s+|an\s+)?"
    r"(?:footage|video|videos|images|photos|photographs|pictures|a\s+statement)\b"
)
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .,'’/-]{1,60}?\s*)?\((?P<w>Reuters|AP|AFP|Bloomberg|[A-Z][\w .-]{1,30}?)"
    r"\)\s*[-—–]",
    re.MULTILINE,
)
CUE = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*[a-z]")
SILENCE_KEYS = ("comment", "respon", "reach", "repl", "return", "answer", "elaborate", "discuss")
FOOTAGE_KEYS = ("footage", "video", "images", "photo", "pictures", "statement")
HEDGE_KEYS = ("alleg", "report", "rumo", "claimed", "purport", " said")
FROM = re.compile(
    r"(?P<s>[^,.;:!?\x01]+?)(?=\s*(?:[,.;:!?\x01]|$|\s+(?:on|about|"
    r"regarding|to|over|after|and|but)\s))"
)
COLON = re.compile(
    r"\s*(?P<s>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|[A-Z][A-Z .'-]{1,30}):[ \t]+(?=\S)"
)
NOT_SPEAKERS = words(
    "source sources photo photos update updated note editor editor's related read watch "
    "partial transcript video image caption credit by posted q a question answer listen see "
    "also follow contact subscribe tags share"
)
SUBJECT = re.compile(
    r"\s*(?P<s>(?:(?:The|A|An)\s+)?(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*|He|She|They|It|We|I)"
    r"(?=\s+(?:also\s+|then\s+|has\s+|have\s+|had\s+)?[a-z]+(?:ed|s)\b)"
)
PARTICLE_OK: dict[str, frozenset[str]] = {
    "to": words("say tell write add respond reply report explain agree"),
    "for": words("call say tell write add report explain"),
    "on": words("call say tell write add report explain agree"),
}
TRAILING = re.compile(
    r"\s*,?\s*(?:before|after|when|while|as|because|since|during|at|outside|following|amid|"
    r"from|in|to)\b"
)
SELF_NAMED = re.compile(
    r"\b(?:group|organi[sz]ations?|coalition|movement|alliance|militia|network|campaign|party)\b"
    r"[^.\n]{0,80}?\b(?:calling itself|calls itself|known as|called|named)\s+(?:the\s+)?"
    r"(?P<n>[A-Z][\w’'-]*(?:\s+(?:(?:of|in|for|and|the)\s+)?[A-Z][\w’'-]*)*)"
)
PARTICIPLE_AFTER = re.compile(r"^\s*,\s*(?P<w>[a-z]+)\b")
