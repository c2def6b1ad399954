"""Drafting attributions from a news text, by rules.

The text is read paragraph by paragraph (one per line). Quotations are paired
first and masked, so cue words are only looked for outside them; sentences
are never broken inside a quotation. Each cue (a curated verb, "according
to", a silence, a hedge) finds its speaker (the noun phrase before it, or
after it when inverted: "..., said Smith"), its content (after it, or before
it when the speaker and cue close the sentence) and its listener ("told
Reuters": relayed via Reuters). Pronouns and short references ("the
ministry") resolve to the last named speaker they can stand for. Attributions
whose cue lies inside another's content are nested: the outer speaker joins
the inner one's chain and the outer content is cut before it.
"""

from __future__ import annotations

import re

from .._model import Stance
from . import _lexicon as lx
from . import _patterns as p
from ._nesting import Draft, nest, records
from ._records import Attribution
from ._text import MASK, masked, paragraphs, quotes, sentences

__all__ = ["attributions"]


class _Reader:
    """One pass over one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: list[Draft] = []
        self.named: list[tuple[str, bool]] = []  # speaker names, and whether a person

    # -- spans ------------------------------------------------------------

    def trim(self, start: int, end: int, *, quotes_too: bool = True) -> tuple[int, int] | None:
        """The span without surrounding space, punctuation and (paired) quote marks."""
        t = self.text
        while start < end and (t[start].isspace() or t[start] in ",;:—–-"):
            start += 1
        if t[start:end].lower().startswith("that ") or t[start:end].lower().startswith("that\n"):
            start += 5
        while start < end and (t[end - 1].isspace() or t[end - 1] in ".,;:!?—–-"):
            end -= 1
        if quotes_too and t.startswith(("''", "``"), start, end):
            start += 2
            while end > start and t[end - 1] in "'.,;:!? ":
                end -= 1
        elif quotes_too and start < end and t[start] in '“"«':
            inner_close = end
            while inner_close > start + 1 and t[inner_close - 1] in '”"».,;:!? ':
                inner_close -= 1
            if inner_close < end:
                start, end = start + 1, inner_close
            elif t.count("”", start, end) == 0 and t.count('"', start + 1, end) == 0:
                start += 1
        while start < end and t[start].isspace():
            start += 1
        return (start, end) if end - start > 0 and p.WORD.search(t, start, end) else None

    # -- speakers ---------------------------------------------------------

    def speaker_before(self, mtext: str, lo: int, at: int) -> tuple[int, int] | None:
        """The noun phrase that ends just before `at` (skipping adverbs and auxiliaries)."""
        end = at
        while True:
            before = mtext[lo:end].rstrip()
            end = lo + len(before)
            m = p.TIME.search(before)
            if m is not None and m.end() == len(before):
                end = lo + m.start()
                continue
            w = re.search(r"([\w’'-]+)$", before)
            if w is not None and w.group(1).lower() in lx.SKIP and w.group(1)[0].islower():
                end = lo + w.start()
                continue
            break
        if end > lo and mtext[end - 1] == ")":
            opened = mtext.rfind("(", lo, end)
            if opened > lo and end - opened < 40:
                end = opened
                while end > lo and mtext[end - 1].isspace():
                    end -= 1
        tokens = list(p.TOKEN.finditer(mtext, lo, end))
        taken: list[re.Match[str]] = []
        for tok in reversed(tokens):
            word = tok.group()
            low = word.lower()
            if not (word[0].isalnum() or word[0] in "’'"):
                break
            if low in lx.STOP or (low in lx.VERBS and word[0].islower()):
                break
            if (
                word[0].islower()
                and (low.endswith(("ed", "ing")))
                and "-" not in low
                and low not in lx.ADJ_ED
            ):
                break
            taken.append(tok)
            if len(taken) > 12:
                return None
        if not taken:
            return None
        taken.reverse()
        while taken and taken[-1].group().lower() in lx.DETERMINERS | lx.PREPOSITIONS:
            taken.pop()
        while taken and taken[0].group().lower() in lx.PREPOSITIONS:
            taken.pop(0)
        if not taken or all(t.group().lower() in lx.DETERMINERS for t in taken):
            return None
        return (taken[0].start(), taken[-1].end())

    def subject(self, mtext: str, ss: int, cs: int) -> tuple[int, int] | None:
        """The subject that opens the sentence ("Reid caucused ... and says")."""
        m = p.SUBJECT.match(mtext, ss, cs)
        if m is None:
            return None
        return (m.start("s"), m.end("s"))

    def speaker_after(self, mtext: str, at: int, hi: int) -> tuple[int, int] | None:
        """An inverted speaker: "said Smith." or "said the ministry, ..."."""
        m = re.compile(
            r"\s+(?P<s>(?:(?:the|a|an)\s+)?(?:[\w’'.&-]+\s+){0,6}?[\w’'.&-]+?)(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSen)(?<!\bGov)"
            r"(?<!\bRep)(?<!\bGen)(?<!\bSt)(?<!\bLt)(?<!\bProf)\s*(?=[,;:!?)]|\.(?:\s|$)|$)"
        ).match(mtext, at, hi)
        if m is None:
            return None
        words = m.group("s").split()
        if any(w.lower() in lx.STOP or w.lower() in lx.CUES for w in words):
            return None
        if not (words[-1][:1].isupper() or words[0].lower() in lx.DETERMINERS):
            return None
        return (m.start("s"), m.end("s"))

    def resolve(self, span: tuple[int, int], mtext: str, lo: int) -> tuple[str, float]:
        """The name a speaker stands for, and how sure the resolution is."""
        phrase = self.text[span[0] : span[1]]
        low = phrase.lower()
        want = lx.PRONOUNS.get(low)
        if want is not None:
            if low in ("which", "who"):
                comma = mtext.rfind(",", lo, span[0])
                if comma > lo:
                    before = self.speaker_before(mtext, lo, comma)
                    if before is not None:
                        return self.text[before[0] : before[1]], 0.95
            for name, person in reversed(self.named):
                if want == "any" or (want == "person") == person:
                    return name, 0.9
            return phrase, 0.6
        m = re.fullmatch(r"(?:the|The)\s+([a-z]+)", phrase)
        if m is not None:
            head = m.group(1)
            for name, _person in reversed(self.named):
                if head in name.lower() and name.lower() != low:
                    return name, 0.85
            # "a group ... calling itself the Islamic Resistance in Iraq ... The group said"
            found = list(p.SELF_NAMED.finditer(self.text, max(0, span[0] - 1500), span[0]))
            named = found[-1] if found else None
            if named is not None and head in self.text[named.start() : named.start("n")].lower():
                return named.group("n"), 0.8
        return phrase, 1.0

    def remember(self, name: str) -> None:
        if name.lower() in lx.PRONOUNS:
            return
        kind = lx.actor_kind(name)
        person = kind.value == "person" or (
            bool(re.fullmatch(r"(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+", name))
            and kind.value == "other"
            and " " in name
        )
        self.named.append((name, person))

    # -- the pass ---------------------------------------------------------

    def read(self) -> list[Draft]:
        text = self.text
        wire: tuple[int, int] | None = None
        paras = paragraphs(text)
        by_para = [quotes(text, ps, pe) for ps, pe in paras]
        mtext = masked(text, [q for qs in by_para for q in qs])
        for p_index, (ps, pe) in enumerate(paras):
            qs = by_para[p_index]
            body = ps
            if p_index < 3 and wire is None:
                d = p.DATELINE.match(text, ps, pe)
                if d is not None:
                    wire = (d.start("w"), d.end("w"))
                    body = d.end()
            first = len(self.drafts)
            self.colon(mtext, body, pe)
            for ss, se in sentences(text, body, pe, qs):
                self.sentence(mtext, ss, se, qs, paras, p_index)
            self.continued_quotes(qs, ps, pe, first, mtext)
        if wire is not None:
            for draft in self.drafts:
                draft.via.insert(0, wire)
        return self.drafts

    def colon(self, mtext: str, ps: int, pe: int) -> None:
        """A paragraph led by a name and a colon: "Smith: ..." (headlines, transcripts)."""
        m = p.COLON.match(mtext, ps, pe)
        if m is None or m.group("s").lower().split()[0] in p.NOT_SPEAKERS:
            return
        content = self.trim(m.end(), pe)
        if content is None:
            return
        sp = (m.start("s"), m.end("s"))
        name, sure = self.resolve(sp, mtext, ps)
        direct = mtext[m.end() : m.end() + 1] == MASK
        self.add(Draft(sp, name, (m.end("s"), m.end("s") + 1), content, Stance.ASSERTS,
                        (0.8 if direct else 0.6) * sure))  # fmt: skip

    def add(self, draft: Draft) -> None:
        if draft.speaker is not None and not draft.continues:
            self.remember(draft.name)
        self.drafts.append(draft)

    def sentence(
        self,
        mtext: str,
        ss: int,
        se: int,
        qs: list[tuple[int, int]],
        paras: list[tuple[int, int]],
        p_index: int,
    ) -> None:
        text = self.text
        here = len(self.drafts)
        low = mtext[ss:se].lower()
        # Silences (each family of patterns only where its key word is).
        silent = any(k in low for k in p.SILENCE_KEYS)
        for pattern, stance in lx.SILENCES if silent else ():
            for m in pattern.finditer(mtext, ss, se):
                sp = self.speaker_before(mtext, ss, m.start())
                if sp is not None:
                    name, sure = self.resolve(sp, mtext, ss)
                    self.add(Draft(sp, name, (m.start(), m.end()), None, stance, 0.9 * sure))
        for m in lx.NO_COMMENT_FROM.finditer(mtext, ss, se) if " from " in low else ():
            after = p.FROM.match(mtext, m.end(), se)
            if after is not None:
                sp = (after.start("s"), after.end("s"))
                self.add(
                    Draft(
                        sp,
                        text[sp[0] : sp[1]],
                        (m.start(), m.end() - 1),
                        None,
                        Stance.NO_COMMENT,
                        0.9,
                    )
                )
        # According to.
        for m in p.ACCORDING.finditer(mtext, ss, se) if "ccording" in low else ():
            self.according(mtext, ss, se, m)
        # Published footage.
        footage = any(k in low for k in p.FOOTAGE_KEYS)
        for m in p.FOOTAGE.finditer(mtext, ss, se) if footage else ():
            sp = self.speaker_before(mtext, ss, m.start()) or self.appositive(mtext, ss, m.start())
            content = self.trim(m.end(), se)
            if sp is not None and content is not None:
                name, sure = self.resolve(sp, mtext, ss)
                self.add(Draft(sp, name, (m.start(), m.end()), content, Stance.ASSERTS, 0.7 * sure))
        # Cue verbs.
        for tok in p.CUE.finditer(mtext, ss, se):
            entry = lx.CUES.get(tok.group())
            if entry is not None:
                self.cue(mtext, ss, se, tok.start(), tok.end(), entry, qs, paras, p_index)
        # Hedges, where nothing else was found.
        if len(self.drafts) == here and any(k in low for k in p.HEDGE_KEYS):
            h = lx.HEDGES.search(mtext, ss, se)
            if h is not None:
                it = text[h.start() : h.start() + 2]
                sp = (h.start(), h.start() + 2) if it.lower() == "it" else None
                lo = h.end() if sp is not None else ss
                content = self.trim(lo, se)
                if content is not None:
                    self.drafts.append(
                        Draft(
                            sp,
                            "unnamed sources",
                            (h.start(), h.end()),
                            content,
                            Stance.UNCLEAR,
                            0.5,
                        )
                    )

    def appositive(self, mtext: str, lo: int, at: int) -> tuple[int, int] | None:
        """The speaker of "X, who ..., said" or "X, a spokesman for Y, said"."""
        before = mtext[lo:at].rstrip()
        if not before.endswith(","):
            return None
        inner_end = lo + len(before) - 1
        comma = mtext.rfind(",", lo, inner_end)
        if comma < 0 or inner_end - comma > 120:
            return None
        segment = mtext[comma + 1 : inner_end].strip()
        if not segment or MASK in segment:
            return None
        if re.fullmatch(r"(?:[A-Z][\w’'.&-]*\s*){1,5}", segment):
            start = mtext.index(segment, comma + 1)
            return (start, start + len(segment))
        if not re.match(
            r"(?:who|which|whose|a|an|the|[a-z][\w-]*|[A-Z][\w’'-]*’s|"
            r"[A-Z][\w’'-]*'s)\b",
            segment,
        ):
            return None
        return self.speaker_before(mtext, lo, comma)

    def according(self, mtext: str, ss: int, se: int, m: re.Match[str]) -> None:
        text = self.text
        np = re.compile(r"(?P<s>[^,.;:!?\x01]+?)(?=\s*(?:[,.;:!?\x01]|$|\s+(?:which|who)\b))")
        sm = np.match(mtext, m.end(), se)
        if sm is None:
            return
        sp = (sm.start("s"), sm.end("s"))
        if len(text[sp[0] : sp[1]].split()) > 10:
            return
        lead = mtext[ss : m.start()].strip(" ,")
        if not p.WORD.search(lead):
            comma = mtext.find(",", sp[1], se)
            content = self.trim(comma + 1, se) if comma >= 0 else None
        else:
            start = max(ss, mtext.rfind(";", ss, m.start()) + 1)
            content = self.trim(start, m.start())
        if content is None:
            return
        name, sure = self.resolve(sp, mtext, ss)
        cue = (m.start(), m.start() + len(m.group().rstrip()))
        self.add(Draft(sp, name, cue, content, Stance.ASSERTS, 0.9 * sure))

    def cue(
        self,
        mtext: str,
        ss: int,
        se: int,
        cs: int,
        ce: int,
        entry: tuple[str, Stance, float],
        qs: list[tuple[int, int]],
        paras: list[tuple[int, int]],
        p_index: int,
    ) -> None:
        text = self.text
        lemma, stance, score = entry
        word = text[cs:ce]
        prev = re.search(r"([\w’'-]+)\s*$", mtext[ss:cs])
        prev_word = prev.group(1).lower() if prev is not None else ""
        if prev_word in lx.DETERMINERS or prev_word in ("to", "be", "being", "been"):
            return
        if prev_word in ("is", "was", "were", "are", "it's") and not word.endswith("ing"):
            return  # a passive: "it is alleged", "he was told"
        if re.match(r"\s+by\b", mtext[ce:se]):
            return
        if word in lx.NOUNISH and not (
            prev_word in ("he", "she", "it") or (prev is not None and prev.group(1)[0].isupper())
        ):
            return  # "the states", "his remarks": a noun, not a verb
        if word == lemma and (
            lemma not in lx.BASE_OK
            or not (
                prev_word
                in (
                    "they",
                    "we",
                    "i",
                    "you",
                    "not",
                    "n't",
                    "did",
                    "do",
                    "would",
                    "will",
                    "may",
                    "might",
                    "could",
                    "should",
                    "can",
                    "must",
                    "also",
                )
                or (prev_word.endswith("s") and prev_word not in ("is", "was", "has", "this"))
            )
        ):
            return
        particle = re.match(r"\s+(to|for|on|off|up|out)\b", mtext[ce:se])
        if particle is not None and lemma not in p.PARTICLE_OK.get(particle.group(1), ()):
            return
        if particle is not None and lemma == "call":
            ce += particle.end()  # "called for", "called on": the cue takes its particle
        participle = word.endswith("ing")
        speaker: tuple[int, int] | None = None
        name = ""
        sure = 1.0
        continues = False
        coordinated = re.search(r"\s(?:and|but)\s+(?:then\s+|also\s+|later\s+)?$", mtext[ss:cs])
        if (participle and re.search(r",\s*$", mtext[ss:cs])) or (coordinated and not participle):
            same = [d for d in self.drafts if d.cue[0] >= ss and d.speaker is not None]
            if same:
                speaker, name, continues = same[-1].speaker, same[-1].name, True
                sure = 0.9
            else:
                speaker = self.subject(mtext, ss, cs)
                if speaker is None:
                    return
                name, sure = self.resolve(speaker, mtext, ss)
                sure *= 0.75
        elif participle:
            return
        else:
            speaker = self.speaker_before(mtext, ss, cs) or self.appositive(mtext, ss, cs)
            inverted = False
            if speaker is None:
                lead = mtext[ss:cs].rstrip()
                if lead.endswith((",", MASK)) or not lead:
                    speaker = self.speaker_after(mtext, ce, se)
                    inverted = speaker is not None
            if speaker is None:
                return
            name, sure = self.resolve(speaker, mtext, ss)
            if inverted:
                after = speaker[1]
                rest = mtext[after:se]
                if re.match(r"\s*(?:[.!?;]|$)", rest) or re.match(r"\s*,", rest):
                    content = self.trim(ss, cs)
                    if content is not None:
                        direct = text[ss] in '“"«'
                        self.add(
                            Draft(
                                speaker,
                                name,
                                (cs, ce),
                                content,
                                stance,
                                (0.95 if direct else score) * sure,
                            )
                        )
                return
        # The cue's own extent: listener, setting, time.
        cue_end = ce
        listener: tuple[int, int] | None = None
        if lemma == "tell":
            lm = p.LISTENER.match(mtext, ce, se)
            if lm is not None:
                l_end = lm.end("l")
                while l_end > lm.start("l") and text[l_end - 1] == ".":
                    l_end -= 1
                listener = (lm.start("l"), l_end)
                cue_end = lm.end("l")
        while True:
            m = p.SETTING.match(mtext, cue_end, se) or p.TIME.match(mtext, cue_end, se)
            if m is None or m.end() == cue_end:
                break
            if m.re is p.SETTING:
                ce = m.end()
            cue_end = m.end()
        rest = mtext[cue_end:se]
        ends = re.match(r"\s*(?:[.!?;)]+\s*)?$", rest)
        part = p.PARTICIPLE_AFTER.match(rest)
        closes = ends is not None or (
            part is not None
            and (
                part.group("w") in lx.PARTICIPLES
                or part.group("w") == "according"
                or part.group("w").endswith("ing")
            )
        )
        if not closes and speaker is not None and p.TRAILING.match(rest) and "that" not in rest:
            # "..., he said before the vote." / "..., he told a rally in Ohio."
            before = self.trim(ss, speaker[0])
            closes = before is not None and len(p.WORD.findall(text, *before)) >= 3
        if closes and speaker is not None:
            lead_end = speaker[0]
            content = self.trim(ss, lead_end)
            if content is None and rest.strip() in (":", "") and p_index + 1 < len(paras):
                nxt = paras[p_index + 1]
                content = self.trim(nxt[0], nxt[1])
        elif rest.lstrip().startswith(":") and not p.WORD.search(
            rest.lstrip()[1:].replace(MASK, "")
        ):
            content = self.trim(cue_end + rest.index(":") + 1, se) if MASK in rest else None
            if content is None and p_index + 1 < len(paras):
                nxt = paras[p_index + 1]
                content = self.trim(nxt[0], nxt[1])
        else:
            content = self.trim(cue_end, se)
            if content is not None:
                cut = mtext.find(", according to", content[0], content[1])
                if cut > 0:
                    content = self.trim(content[0], cut)
            if content is not None and len(p.WORD.findall(text, content[0], content[1])) < 3:
                # "X told Y by phone.": the words are before the speaker, if anywhere
                before = self.trim(ss, speaker[0]) if speaker is not None else None
                if before is not None:
                    content = before
        if content is None:
            return
        direct = any(s <= content[0] and content[1] <= e for s, e in qs) or (
            content[0] > 0 and text[content[0] - 1] in '“"«'
        )
        if lemma in ("show", "find") and direct:
            return
        base = 0.95 if direct and lemma == "say" else score
        draft = Draft(speaker, name, (cs, ce), content, stance, base * sure, continues=continues)
        if listener is not None and lx.is_media(text[listener[0] : listener[1]]):
            draft.via.append(listener)
        self.add(draft)
        # "“...,” he said, “...”": the quote after the tag is the same speaker's.
        comma = re.match(r"\s*,\s*(?=" + MASK + ")", mtext[cue_end:se])
        if closes and comma is not None:
            q0 = cue_end + comma.end()
            for s, e in qs:
                if s == q0:
                    more = self.trim(s, e)
                    if more is not None:
                        self.add(
                            Draft(
                                speaker, name, (cs, ce), more, stance, base * sure, continues=True
                            )
                        )

    def continued_quotes(
        self, qs: list[tuple[int, int]], ps: int, pe: int, first: int, mtext: str
    ) -> None:
        """Quotations no cue claimed continue the last speaker (" “...,” he said. “...”")."""
        if not qs or not self.drafts:
            return
        covered = [d.content for d in self.drafts if d.content is not None]
        for s, e in qs:
            if len(self.text[s:e].split()) < 4:
                continue
            if any(c[0] < e and s < c[1] for c in covered):
                continue
            outside = mtext[ps:pe].replace(MASK, "")
            if len(p.WORD.findall(outside)) > 3:
                continue
            last = self.drafts[-1]
            if last.speaker is None or last.content is None or ps - last.cue[1] > 1500:
                continue
            inner = self.trim(s, e)
            if inner is None:
                continue
            self.drafts.append(
                Draft(
                    last.speaker,
                    last.name,
                    last.cue,
                    inner,
                    last.stance,
                    0.6,
                    via=list(last.via),
                    continues=True,
                )
            )
            covered.append(inner)


def attributions(text: str) -> tuple[Attribution, ...]:
    """Every attribution drafted from a news text, in text order.

    Args:
        text: The article, one paragraph a line.

    Returns:
        The attributions; each span's offsets slice `text` to the span's text,
        and no two contents overlap.

    >>> from claims.draft import attributions
    >>> [a] = attributions("The ministry said the strike killed four people.")
    >>> a.speaker.text, a.cue.text, a.content.text, a.stance.value
    ('The ministry', 'said', 'the strike killed four people', 'asserts')
    """
    if not isinstance(text, str):
        raise TypeError(f"attributions() needs a str, not {type(text).__name__}")
    # Speakers that marked themselves for removal by nesting have speaker None
    # and content None; the rest go out in text order.
    drafts = nest(_Reader(text).read(), text)
    return tuple(records(text, drafts))
