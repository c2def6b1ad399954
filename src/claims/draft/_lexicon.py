"""The curated words of attribution: cues, silences, hedges, media, kinds of speaker.

The cue verbs are those that mark attribution in English news (studied on
annotated political news: "said" alone is about half of all cues); each is
listed by its base form and inflected here, so a rule names a verb once.
"""

from __future__ import annotations

import re

from .._model import ActorKind, Stance
from ._text import words

__all__ = [
    "ADJ_ED",
    "BASE_OK",
    "BELIEF",
    "CUES",
    "DENIAL",
    "DETERMINERS",
    "HEDGES",
    "MEDIA",
    "NOUNISH",
    "PARTICIPLES",
    "PREPOSITIONS",
    "PRONOUNS",
    "SILENCES",
    "SKIP",
    "STOP",
    "VERBS",
    "actor_kind",
    "is_media",
]

SKIP = words(
    "also has have had would will did does do is was were are been be later then previously "
    "once repeatedly again publicly privately separately recently earlier reportedly "
    "allegedly further just already never often still always first initially subsequently now "
    "not quickly immediately flatly strongly angrily bluntly simply explicitly openly falsely "
    "wrongly rightly emphatically vehemently firmly long may "
    "might could should can must apparently had"
)

STOP = words(
    "that and but or because while when whereas if as after before since although though so "
    "where than whether unless until yet however meanwhile moreover instead also is was were "
    "are be been being has have had will would can could should may might must do does did "
    "not to what how why this these those there here said says say told"
)

VERBS = words(
    "said says told tells wrote writes thought thinks felt knew found held says adds added "
    "believes argues insists warns claims"
)

DETERMINERS = words("the a an this that these those his her its their our my your")

PREPOSITIONS = words("of for with from in on at by to about into over under after before during")

ADJ_ED = words(
    "armed united unnamed alleged elected retired embattled detained concerned interested "
    "affiliated indicted appointed named based related associated informed trusted respected "
    "unidentified advanced red"
)

BASE_OK = words(
    "say tell think believe argue agree insist warn fear hope expect deny reject accuse blame "
    "doubt suspect predict worry feel know acknowledge confirm"
)

NOUNISH = words(
    "states remarks notes reports emails calls mentions promises tweets posts claims charges "
    "answers questions demands estimates forecasts hints jokes comments counters vows pledges "
    "praises threats briefs cites concerns fears hopes doubts plans attacks supports favors"
)
"""Cue forms that are more often plural nouns: a verb only after a name or a pronoun."""

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "know": ("know", "knows", "knew", "known"),
    "find": ("find", "finds", "found"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "speak": ("speaks", "spoke"),
    "hold": ("hold", "holds", "held"),
}


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        third = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("ee"):
        past, ing = lemma + "d", lemma + "ing"
    elif lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif re.search(r"[^aeiou]y$", lemma):
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return (lemma, third, past, ing)


_SPEECH = sorted(
    words(
        "say tell add write state announce note report explain argue claim insist warn "
        "acknowledge confirm declare suggest tweet post predict estimate assert contend maintain "
        "stress emphasize emphasise reiterate repeat recall respond reply answer ask continue "
        "conclude concede observe remark reveal disclose promise pledge vow threaten urge "
        "describe allege charge complain criticize criticise condemn denounce praise tout boast "
        "testify indicate mention counter retort quip joke cite email brief inform caution lament "
        "speculate forecast propose demand recommend advise hint imply accuse blame slam blast "
        "decry admit question wonder agree recount proclaim call label"
    )
)

_DENIAL = sorted(words("deny reject dismiss refute rebut dispute disavow"))

_BELIEF_LEMMAS = sorted(words("believe think feel hope fear expect worry doubt know suspect"))

_STUDY = sorted(words("show find"))

_STANCE_LEMMAS = sorted(
    words(
        "want support endorse oppose defend attack criticize criticise praise thank welcome "
        "applaud mock seek plan favor favour vow pledge promise propose insist"
    )
)
"""Stances taken: support, criticism, intention ("wants", "endorsed", "attacked")."""

CUES: dict[str, tuple[str, Stance, float]] = {}
"""Each cue word form: its lemma, the stance it gives and how sure it is."""
for _lemma in _SPEECH:
    for _form in _forms(_lemma):
        CUES.setdefault(_form, (_lemma, Stance.ASSERTS, 0.85 if _lemma == "say" else 0.75))
for _lemma in _DENIAL:
    for _form in _forms(_lemma):
        CUES[_form] = (_lemma, Stance.DENIES, 0.75)
for _lemma in _BELIEF_LEMMAS + _STUDY + _STANCE_LEMMAS:
    for _form in _forms(_lemma):
        CUES.setdefault(_form, (_lemma, Stance.ASSERTS, 0.5))
for _noun in ("known", "thinking", "feeling", "showing", "finding", "shown"):
    CUES.pop(_noun, None)

DENIAL = frozenset(f for lemma in _DENIAL for f in _forms(lemma))
BELIEF = frozenset(f for lemma in _BELIEF_LEMMAS for f in _forms(lemma))

PARTICIPLES = frozenset(
    form for form, (lemma, _, _) in CUES.items() if form.endswith("ing") and lemma not in _STUDY
)
"""Cue forms that continue the previous speaker after a comma ("..., calling it")."""

PRONOUNS = {
    "he": "person", "she": "person", "him": "person", "her": "person",
    "they": "any", "it": "org", "we": "any", "i": "person", "which": "org",
    "who": "person",
}  # fmt: skip
"""Pronouns resolved to the last named speaker, with what they can stand for."""

SILENCES: tuple[tuple[re.Pattern[str], Stance], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), stance)
    for pattern, stance in (
        (r"\b(?:declined|refused|declines|refuses|declining)\s+(?:immediately\s+)?to\s+"
         r"(?:comment|elaborate|discuss|respond|say)\b(?:\s+(?:on|further)\b[^.;]*?(?=[.;]|$))?",
         Stance.DECLINED_TO_COMMENT),
        (r"\b(?:would|will|could)\s+not\s+(?:immediately\s+)?comment\b",
         Stance.DECLINED_TO_COMMENT),
        (r"\b(?:did|does|has|have)\s+not\s+(?:yet\s+|immediately\s+)?(?:respond(?:ed)?|reply|"
         r"replied|return(?:ed)?|answer(?:ed)?)\s*(?:to\s+)?(?:(?:a|an|the|multiple|several|"
         r"repeated|Reuters['’]|its|our)\s+)?(?:requests?|calls?|emails?|e-mails?|messages?|"
         r"inquiries|inquiry|questions?)?(?:\s+(?:for|seeking)\s+comment)?", Stance.NO_RESPONSE),
        (r"\bcould\s+not\s+(?:immediately\s+)?be\s+reached(?:\s+for\s+comment)?",
         Stance.NO_RESPONSE),
        (r"\b(?:had|has|have|made)\s+no\s+(?:immediate\s+)?comment\b", Stance.NO_COMMENT),
        (r"\b(?:did|has|have)\s+not\s+(?:yet\s+|publicly\s+)?comment(?:ed)?\b", Stance.NO_COMMENT),
    )
)  # fmt: skip
"""Silences whose speaker comes before them ("the ministry declined to comment")."""

NO_COMMENT_FROM = re.compile(
    r"\b[Tt]here\s+(?:was|has\s+been|were)\s+no\s+(?:immediate\s+|official\s+)*"
    r"(?:comment|response|reaction|word|statement)s?\s+from\s+"
)
"""A silence whose speaker comes after ("there was no immediate comment from X")."""

HEDGES = re.compile(
    r"\b(?:[Ii]t\s+(?:is|was|has\s+been|had\s+been)\s+(?:alleged|reported|claimed|rumou?red|said)"
    r"(?:\s+that)?|reportedly|allegedly|purportedly)\b"
)
"""Hedges: the content is relayed as unclear, by nobody named."""

MEDIA = words(
    "reuters ap afp bloomberg cnn bbc xinhua tass interfax dpa efe ansa kyodo yonhap irna "
    "anadolu politico axios npr msnbc breitbart nbc abc cbs"
)
_MEDIA_NAMES = re.compile(
    r"\b(?:associated press|agence france[- ]presse|al jazeera|fox news|new york times|"
    r"washington post|wall street journal|the guardian|usa today|los angeles times|the hill|"
    r"sky news|news agency|news service|wire service|newspaper|broadcaster|local media|"
    r"state media|state television|state tv)\b",
    re.IGNORECASE,
)
_MEDIA_HEADS = re.compile(
    r"\b(?:TV|Television|Radio|News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|"
    r"Magazine|Network|Channel|Courier|Chronicle|Observer|Daily|Press)\b"
)


def is_media(phrase: str) -> bool:
    """Whether a phrase names a news outlet or agency ("Reuters", "the AP", "Al-Nujaba TV")."""
    words = re.findall(r"[\w-]+", phrase.lower())
    if any(w in MEDIA for w in words) or _MEDIA_NAMES.search(phrase):
        return True
    return bool(_MEDIA_HEADS.search(phrase))


_COLLECTIVE = re.compile(
    r"\b(?:officials|sources|people|residents|witnesses|analysts|experts|observers|diplomats|"
    r"aides|activists|members|lawmakers|critics|supporters|voters|spokespeople|insiders|"
    r"source|official|person|someone|advisers|advisors|strategists|operatives|staff|staffers)\b",
    re.IGNORECASE,
)
_GOVERNMENT = re.compile(
    r"\b(?:ministry|ministries|office|government|department|cabinet|parliament|council|"
    r"commission|agency|presidency|white house|pentagon|kremlin|embassy|administration|"
    r"senate|congress|court|police|authorities|authority|state department)\b",
    re.IGNORECASE,
)
_MILITARY = re.compile(r"\b(?:army|military|armed forces|forces|troops|navy|air force)\b", re.I)
_ARMED = re.compile(r"\b(?:group|militia|militias|rebels|fighters|movement|brigades?)\b", re.I)
_COALITION = re.compile(r"\bcoalition\b", re.IGNORECASE)
_PERSON = re.compile(
    r"^(?:(?:President|Prime Minister|Minister|Senator|Sen\.|Rep\.|Gov\.|Governor|Mr\.|Mrs\.|"
    r"Ms\.|Dr\.|General|Gen\.|Secretary|Mayor|Judge|King|Queen|Prince|Pope)\s+)?"
    r"[A-Z][\w’'.-]+(?:\s+(?:al-|bin\s+|de\s+|van\s+)?[A-Z][\w’'.-]+){1,3}$"
)


_UNNAMED_ONE = re.compile(
    r"^(?:an?|one)\s+(?:[\w-]+\s+){0,3}?(?:official|spokes(?:person|man|woman)|source|"
    r"diplomat|aide|adviser|advisor|officer|insider|person)\b",
    re.IGNORECASE,
)
_INTERNATIONAL = re.compile(
    r"\b(?:United Nations|European Union|NATO|African Union|Arab League|"
    r"World Health Organi[sz]ation|World Bank|IMF|IAEA|UNICEF|UNHCR|UNRWA|ICRC|"
    r"International Committee of the Red Cross|Red Crescent|UN|EU|WHO)\b"
)
_HEALTH = re.compile(
    r"\b(?:health ministry|ministry of health|health authorit(?:y|ies)|health department|"
    r"department of health|health service|public health)\b",
    re.IGNORECASE,
)
_COURT = re.compile(r"\b(?:court|tribunal|judiciary|judge|prosecutors?)\b", re.IGNORECASE)
_SECURITY = re.compile(
    r"\b(?:police|gendarmerie|intelligence|security services?|security forces)\b", re.IGNORECASE
)
_PARTY = re.compile(r"\bparty\b", re.IGNORECASE)
_UNION = re.compile(r"\b(?:trade union|labou?r union|workers'? union|union)\b", re.IGNORECASE)
_COMPANY = re.compile(
    r"\b(?:company|corporation|corp|inc|ltd|plc|llc|gmbh|firm|manufacturer|airline)\b",
    re.IGNORECASE,
)
_NGO = re.compile(
    r"\b(?:NGO|charity|Human Rights Watch|Amnesty International|Doctors Without Borders|"
    r"M[ée]decins Sans Fronti[èe]res|Save the Children|Oxfam)\b",
    re.IGNORECASE,
)
_RELIGIOUS = re.compile(
    r"\b(?:church|mosque|synagogue|diocese|archdiocese|vatican|patriarchate|clergy|clerics)\b",
    re.IGNORECASE,
)
# Checked in order, before the broader government and military words: the
# first that matches names the kind ("the Health Ministry" is a health
# authority, not only a government body).
_SPECIFIC = (
    (_UNNAMED_ONE, ActorKind.UNNAMED_INDIVIDUAL),
    (_INTERNATIONAL, ActorKind.INTERNATIONAL_ORGANISATION),
    (_HEALTH, ActorKind.HEALTH_AUTHORITY),
    (_COURT, ActorKind.COURT),
    (_SECURITY, ActorKind.SECURITY_SERVICE),
    (_PARTY, ActorKind.POLITICAL_PARTY),
    (_UNION, ActorKind.TRADE_UNION),
    (_NGO, ActorKind.NON_GOVERNMENTAL_ORGANISATION),
    (_RELIGIOUS, ActorKind.RELIGIOUS_BODY),
    (_COMPANY, ActorKind.COMPANY),
)


def actor_kind(phrase: str) -> ActorKind:
    """The kind of actor a speaker phrase names, by its words.

    >>> actor_kind("a senior official").value, actor_kind("the Health Ministry").value
    ('unnamed_individual', 'health_authority')
    """
    if is_media(phrase):
        return (
            ActorKind.NEWS_AGENCY
            if re.search(
                r"\b(?:reuters|ap|afp|associated press|agence|xinhua|tass|interfax|agency|wire)\b",
                phrase,
                re.IGNORECASE,
            )
            else ActorKind.MEDIA_OUTLET
        )
    if _COALITION.search(phrase):
        return ActorKind.COALITION
    for pattern, kind in _SPECIFIC:
        if pattern.search(phrase):
            return kind
    if _GOVERNMENT.search(phrase):
        return ActorKind.GOVERNMENT_BODY
    if _MILITARY.search(phrase):
        return ActorKind.MILITARY
    if _COLLECTIVE.search(phrase):
        return ActorKind.UNNAMED_COLLECTIVE
    if _ARMED.search(phrase):
        return ActorKind.ARMED_GROUP
    if _PERSON.match(phrase.strip()) or phrase.strip().lower() in ("he", "she"):
        return ActorKind.PERSON
    return ActorKind.OTHER
