"""Build the seed dossier from the Al Jazeera report of the Baghdad drone strike.

Every statement of the article becomes a claim, with its exact words anchored
in the article's text. Run it from the repository root::

    python seeds/build_seed.py

It writes ``seeds/baghdad-drone-strike.json``. Only the public ``claims`` API
is used, the way an analyst would use it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import claims
from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Affiliation,
    AnalyticConfidence,
    Assessment,
    Claim,
    Credibility,
    Event,
    EventRef,
    Hop,
    Likelihood,
    Link,
    LinkKind,
    Proposition,
    Qualifier,
    Quantity,
    Quote,
    Reliability,
    Source,
    Stance,
    Text,
    Unknown,
    When,
)

HERE = Path(__file__).parent
ARTICLE_PATH = HERE / "000_722b12ae6f7ab902.txt"
OUTPUT_PATH = HERE / "baghdad-drone-strike.json"

ARTICLE = "aj-article"
BAGHDAD = timezone(timedelta(hours=3))
BEIRUT = timezone(timedelta(hours=2))
THURSDAY = When.day(2024, 1, 4, tz=BAGHDAD)
ASSESSED = datetime(2024, 1, 5, 9, 0, tzinfo=UTC)


def build(text: str | None = None) -> claims.Dossier:
    """The seed dossier, built from the article's `text`."""
    if text is None:
        text = ARTICLE_PATH.read_text(encoding="utf-8")

    def q(exact: str, occurrence: int = 1) -> Quote:
        return Quote.find(text, exact, source=ARTICLE, occurrence=occurrence)

    def via(cue: str, words: str | None = None, occurrence: int = 1) -> tuple[Hop, ...]:
        """Relayed to us by Al Jazeera, in its words `words`."""
        quote = q(words, occurrence) if words else None
        return (Hop("al-jazeera", cue, source=ARTICLE, quote=quote),)

    def aj(id: str, prop: Proposition, *quotes: Quote) -> Claim:
        """A statement in Al Jazeera's own voice."""
        return Claim(id, "al-jazeera", prop, quotes=quotes, made=THURSDAY)

    strike, pmf, coalition = EventRef("strike"), ActorRef("pmf"), ActorRef("coalition")
    responsible = Proposition(coalition, "responsible_for", strike, when=THURSDAY)

    actors = [
        Actor("al-jazeera", "Al Jazeera", kind=ActorKind.MEDIA_OUTLET),
        Actor("reuters", "Reuters", kind=ActorKind.NEWS_AGENCY),
        Actor("ahmed-saad", "Ahmed Saad", kind=ActorKind.PERSON, part_of="reuters"),
        Actor("ap", "The Associated Press", kind=ActorKind.NEWS_AGENCY, aliases=["AP"]),
        Actor("iraq", "Iraq", kind=ActorKind.STATE),
        Actor("iraq-gov", "Government of Iraq", kind=ActorKind.GOVERNMENT_BODY, part_of="iraq"),
        Actor(
            "iraq-pmo",
            "Office of Prime Minister Mohammed Shia al-Sudani",
            kind=ActorKind.GOVERNMENT_BODY,
            aliases=["Prime Minister’s office"],
            part_of="iraq-gov",
        ),
        Actor(
            "iraq-mofa",
            "Iraqi Ministry of Foreign Affairs",
            kind=ActorKind.GOVERNMENT_BODY,
            aliases=["Iraq’s foreign ministry"],
            part_of="iraq-gov",
        ),
        Actor("iraqi-armed-forces", "Iraqi armed forces", kind=ActorKind.MILITARY, part_of="iraq"),
        Actor(
            "iraqi-security-forces",
            "Iraqi security forces",
            kind=ActorKind.MILITARY,
            part_of="iraq",
        ),
        Actor("us", "United States", kind=ActorKind.STATE, aliases=["US", "Washington"]),
        Actor("us-officials", "US officials", kind=ActorKind.UNNAMED_COLLECTIVE, part_of="us"),
        Actor("us-forces", "US forces in Iraq and Syria", kind=ActorKind.MILITARY, part_of="us"),
        Actor(
            "coalition",
            "US-led international coalition",
            kind=ActorKind.COALITION,
            aliases=["the forces of the international coalition"],
            affiliations=[Affiliation("us", note="led by")],
        ),
        Actor("iran", "Iran", kind=ActorKind.STATE),
        Actor(
            "pmf",
            "Popular Mobilisation Forces",
            kind=ActorKind.ARMED_GROUP,
            aliases=["PMF", "Hashd al-Shaabi"],
            affiliations=[Affiliation("iran", note="Iran-backed")],
        ),
        Actor(
            "abu-taqwa",
            "Hajj Mushtaq Talib al-Saidi",
            kind=ActorKind.PERSON,
            aliases=["Abu Taqwa"],
            part_of="pmf",
        ),
        Actor(
            "nujaba-tv",
            "Al-Nujaba TV",
            kind=ActorKind.MEDIA_OUTLET,
            affiliations=[Affiliation("pmf", note="considered close to")],
        ),
        Actor(
            "islamic-resistance-in-iraq",
            "Islamic Resistance in Iraq",
            kind=ActorKind.ARMED_GROUP,
            affiliations=[Affiliation("iran", note="Iranian-backed")],
        ),
        Actor(
            "iran-aligned-fighters",
            "Iran-aligned fighters",
            kind=ActorKind.UNNAMED_COLLECTIVE,
            affiliations=[Affiliation("iran", note="Iran-aligned")],
        ),
        Actor("israel", "Israel", kind=ActorKind.STATE),
        Actor(
            "hamas",
            "Hamas",
            kind=ActorKind.ARMED_GROUP,
            affiliations=[Affiliation("iran", note="an ally of Iran")],
        ),
        Actor("saleh-al-arouri", "Saleh al-Arouri", kind=ActorKind.PERSON, part_of="hamas"),
    ]

    sources = [
        Source(
            ARTICLE,
            "Iraq blames US-led coalition for deadly drone strike in Baghdad",
            publisher="al-jazeera",
            published=THURSDAY,
            sha256=claims.fingerprint(text),
        ),
    ]

    events = [
        Event(
            "strike",
            "the drone strike on the PMF headquarters in Baghdad",
            when=THURSDAY,
            where="Palestine Street, Baghdad",
        ),
        Event(
            "october-7-attack",
            "the October 7 attack in southern Israel",
            when=When.day(2023, 10, 7, tz=BAGHDAD),
            where="southern Israel",
        ),
        Event(
            "israel-hamas-war",
            "the Israel-Hamas war",
            when=When.day(2023, 10, 7, tz=BAGHDAD),
            where="Gaza",
        ),
        Event(
            "iri-attacks",
            "the attacks on bases housing US troops since October 2023",
            where="Iraq and Syria",
        ),
        Event(
            "drone-attack-december",
            "the December drone attack by Iran-aligned fighters",
            when=When.month(2023, 12, tz=BAGHDAD),
            where="Iraq",
        ),
        Event(
            "us-raids-december",
            "the US retaliatory air raids in Iraq",
            when=When.month(2023, 12, tz=BAGHDAD),
            where="Iraq",
        ),
        Event(
            "arouri-strike",
            "the drone strike in Beirut that killed Saleh al-Arouri",
            when=When.day(2024, 1, 2, tz=BEIRUT),
            where="Beirut",
        ),
    ]

    claim_list = [
        # The headline and the lead: Iraq's government blames the coalition.
        Claim(
            "gov-blames-coalition",
            "iraq-gov",
            responsible,
            quotes=[
                q("Iraq blames US-led coalition for deadly drone strike in Baghdad"),
                q(
                    "Iraq’s government has accused the United States-led international "
                    "coalition forces of carrying out a drone strike"
                ),
            ],
            chain=via("has accused", "has accused"),
            made=THURSDAY,
        ),
        aj(
            "aj-strike-targeted-pmf",
            Proposition(strike, "targeted", pmf, when=THURSDAY, where="Baghdad"),
            q(
                "The strike on Thursday targeted the Popular Mobilisation Forces (PMF), "
                "also known as Hashd al-Shaabi."
            ),
            q(
                "a drone strike targeting an Iran-aligned paramilitary group in the capital, "
                "Baghdad"
            ),
        ),
        aj(
            "aj-casualties-several",
            Proposition(
                strike,
                "casualties",
                Quantity(lower=2, approximate=True, unit="people killed or wounded"),
            ),
            q("that killed and wounded several people"),
        ),
        aj(
            "aj-commander-killed",
            Proposition(ActorRef("abu-taqwa"), "killed_in", strike),
            q(
                "Senior commander of Iran-backed Popular Mobilisation Forces group is among "
                "those killed."
            ),
            q(
                "Hajj Mushtaq Talib al-Saidi (Abu Taqwa), a senior PMF commander, was among "
                "those killed."
            ),
        ),
        aj(
            "aj-abu-taqwa-commander",
            Proposition(ActorRef("abu-taqwa"), "senior_commander_of", pmf),
            q("a senior PMF commander"),
        ),
        aj(
            "aj-pmf-iran-backed",
            Proposition(pmf, "backed_by", ActorRef("iran")),
            q("Iran-backed Popular Mobilisation Forces"),
            q("Iran-aligned paramilitary group"),
        ),
        # The photograph, its caption and its credit.
        aj(
            "aj-caption-patrol",
            Proposition(
                ActorRef("iraqi-security-forces"),
                "on_patrol_after",
                strike,
                when=THURSDAY,
                where="Baghdad",
            ),
            q(
                "Iraqi security forces on patrol after a drone attack on an Iran-backed "
                "paramilitary group's headquarters in Baghdad, January 4, 2024"
            ),
            q(
                "Iraqi security forces on patrol after a drone attack on an Iran-backed "
                "paramilitary group's headquarters in Baghdad, January 4, 2024",
                2,
            ),
        ),
        aj(
            "aj-photo-credit",
            Proposition(
                Text("the photograph of Iraqi security forces on patrol"),
                "credited_to",
                ActorRef("ahmed-saad"),
                qualifiers=[Qualifier("agency", "Reuters")],
            ),
            q("[Ahmed Saad/Reuters]"),
        ),
        # The casualties: an uncertain total, and Reuters' figures.
        aj(
            "aj-casualties-unclear",
            Proposition(strike, "casualties", Unknown("not immediately clear")),
            q("The total number of casualties was not immediately clear"),
        ),
        Claim(
            "reuters-killed",
            "reuters",
            Proposition(strike, "casualties", Quantity(4, unit="PMF members killed")),
            quotes=[q("four PMF members were killed")],
            chain=via("reported", "the Reuters news agency reported"),
            assessment=Assessment(
                reliability=Reliability.B,
                credibility=Credibility.POSSIBLY_TRUE,
                likelihood=Likelihood.LIKELY,
                confidence=AnalyticConfidence.MODERATE,
                rationale="A wire agency's figure; the publisher says the total is not "
                "yet clear and no second origin gives a count.",
                assessor="desk analyst",
                assessed_at=ASSESSED,
            ),
        ),
        Claim(
            "reuters-wounded",
            "reuters",
            Proposition(strike, "casualties", Quantity(6, unit="PMF members wounded")),
            quotes=[q("six wounded")],
            chain=via("reported", "the Reuters news agency reported"),
        ),
        # The prime minister's office.
        Claim(
            "pmo-coalition-responsible",
            "iraq-pmo",
            responsible,
            quotes=[
                q(
                    "The Iraqi armed forces hold the forces of the international coalition "
                    "responsible for this attack"
                )
            ],
            chain=via("said in a statement", "said in a statement"),
            made=THURSDAY,
            assessment=Assessment(
                reliability=Reliability.C,
                credibility=Credibility.POSSIBLY_TRUE,
                likelihood=Likelihood.ROUGHLY_EVEN_CHANCE,
                confidence=AnalyticConfidence.LOW,
                rationale="An attribution by the government whose forces were hit; "
                "no comment yet from the accused.",
                assessor="desk analyst",
                assessed_at=ASSESSED,
            ),
        ),
        Claim(
            "pmo-escalation",
            "iraq-pmo",
            Proposition(strike, "characterised_as", Text("dangerous escalation")),
            quotes=[q("dangerous escalation and aggression")],
            chain=via("calling it", "calling it"),
            made=THURSDAY,
        ),
        Claim(
            "pmo-aggression",
            "iraq-pmo",
            Proposition(strike, "characterised_as", Text("aggression")),
            quotes=[q("dangerous escalation and aggression")],
            chain=via("calling it", "calling it"),
            made=THURSDAY,
        ),
        # The foreign ministry.
        Claim(
            "mofa-aggression",
            "iraq-mofa",
            Proposition(
                strike,
                "characterised_as",
                Text("aggression"),
                qualifiers=[Qualifier("target", "an Iraqi security facility")],
            ),
            quotes=[
                q("condemned the attack, calling it an “aggression” on an Iraqi security facility")
            ],
            chain=via("condemned the attack, calling it", "calling it", 2),
            made=THURSDAY,
        ),
        Claim(
            "mofa-reserves-right",
            "iraq-mofa",
            Proposition(
                ActorRef("iraq"),
                "reserves_right_to",
                Text(
                    "take a firm stance and take all measures that deter anyone "
                    "who tries to harm its land and security forces"
                ),
            ),
            quotes=[
                q(
                    "Iraq reserves its right to take a firm stance and take all measures "
                    "that deter anyone who tries to harm its land and security forces"
                )
            ],
            chain=via("said in a statement", "said in a statement", 2),
            made=THURSDAY,
        ),
        # Al-Nujaba TV's footage.
        Claim(
            "nujaba-footage",
            "nujaba-tv",
            Proposition(strike, "hit", Text("the PMF headquarters")),
            quotes=[
                q("published footage showing the impact of the strike on the group’s headquarters")
            ],
            chain=via("published footage", "published footage"),
            made=THURSDAY,
        ),
        aj(
            "aj-nujaba-close-to-pmf",
            Proposition(ActorRef("nujaba-tv"), "considered_close_to", pmf),
            q("considered close to the PMF"),
        ),
        # Context.
        aj(
            "aj-amid-tensions",
            Proposition(
                strike,
                "came_amid",
                Text("heightened regional tensions since war broke out between Israel and Hamas"),
            ),
            q(
                "The attack came amid heightened regional tensions since war broke out between "
                "US ally Israel and Hamas"
            ),
        ),
        aj(
            "aj-israel-us-ally",
            Proposition(ActorRef("israel"), "ally_of", ActorRef("us")),
            q("US ally Israel"),
        ),
        aj(
            "aj-war-triggered",
            Proposition(EventRef("israel-hamas-war"), "triggered_by", EventRef("october-7-attack")),
            q("triggered by the Palestinian armed group’s October 7 attack in southern Israel"),
        ),
        # US officials' silence on the accusation.
        Claim(
            "us-officials-no-comment",
            "us-officials",
            responsible,
            stance=Stance.NO_COMMENT,
            quotes=[q("There was no immediate comment from US officials")],
            chain=via(
                "there was no immediate comment from",
                "There was no immediate comment from US officials",
            ),
            made=THURSDAY,
        ),
        aj(
            "aj-us-forces-attacked",
            Proposition(
                ActorRef("us-forces"),
                "faced",
                Text("a surge in attacks"),
                where="Iraq and neighbouring Syria",
                qualifiers=[Qualifier("since", "the start of the Israel-Hamas war")],
            ),
            q(
                "whose forces in Iraq and neighbouring Syria have faced a surge in attacks since "
                "the start of the ongoing Israel-Hamas war"
            ),
        ),
        # The Associated Press.
        Claim(
            "ap-security-presence",
            "ap",
            Proposition(
                Text("the site of the strike, Baghdad’s Palestine Street"),
                "security_presence",
                Text("intense"),
                when=THURSDAY,
            ),
            quotes=[
                q(
                    "There was an intense security presence around the site of the strike, "
                    "Baghdad’s Palestine Street"
                )
            ],
            chain=via("according to", "according to The Associated Press news agency"),
        ),
        Claim(
            "ap-journalists-blocked",
            "ap",
            Proposition(
                Text("AP journalists"),
                "blocked_from",
                Text("the area around the site of the strike"),
                when=THURSDAY,
            ),
            quotes=[q("its journalists were blocked from accessing the area")],
            chain=via("which said", "which said"),
        ),
        # The Islamic Resistance in Iraq.
        aj(
            "aj-iri-iran-backed",
            Proposition(ActorRef("islamic-resistance-in-iraq"), "backed_by", ActorRef("iran")),
            q(
                "a group of Iranian-backed armed organisations – calling itself the Islamic "
                "Resistance in Iraq"
            ),
        ),
        aj(
            "aj-iri-attack-count",
            Proposition(
                ActorRef("islamic-resistance-in-iraq"),
                "attacks_carried_out",
                Quantity(lower=100, lower_open=True, unit="attacks on bases housing US troops"),
                where="Iraq and Syria",
                qualifiers=[Qualifier("since", "the outbreak of the Israel-Hamas war")],
            ),
            q("has carried out more than 100 attacks on bases housing US troops in Iraq and Syria"),
        ),
        Claim(
            "iri-motive-retaliation",
            "islamic-resistance-in-iraq",
            Proposition(
                EventRef("iri-attacks"),
                "motive",
                Text("retaliation for Washington’s support of Israel in the war against Hamas"),
            ),
            quotes=[
                q(
                    "the attacks are in retaliation for Washington’s support of Israel in "
                    "the war against Hamas"
                )
            ],
            chain=via("has said", "The group has said"),
        ),
        Claim(
            "iri-aim-push-us-out",
            "islamic-resistance-in-iraq",
            Proposition(EventRef("iri-attacks"), "aim", Text("push US forces out of Iraq")),
            quotes=[q("they aim to push US forces out of Iraq")],
            chain=via("has said", "The group has said"),
        ),
        aj(
            "aj-gaza-deaths",
            Proposition(
                EventRef("israel-hamas-war"),
                "deaths",
                Quantity(lower=22_000, lower_open=True, unit="people in Gaza"),
            ),
            q("that has killed more than 22,000 people in Gaza"),
        ),
        # Last month's raids.
        aj(
            "aj-us-raids",
            Proposition(
                ActorRef("us"),
                "carried_out",
                EventRef("us-raids-december"),
                when=When.month(2023, 12, tz=BAGHDAD),
                where="Iraq",
            ),
            q("Last month, the US carried out retaliatory air raids in Iraq"),
        ),
        aj(
            "aj-raids-retaliation",
            Proposition(
                EventRef("us-raids-december"), "retaliation_for", EventRef("drone-attack-december")
            ),
            q("retaliatory air raids in Iraq after a drone attack by Iran-aligned fighters"),
        ),
        aj(
            "aj-december-attack-by",
            Proposition(
                ActorRef("iran-aligned-fighters"), "carried_out", EventRef("drone-attack-december")
            ),
            q("a drone attack by Iran-aligned fighters"),
        ),
        aj(
            "aj-december-wounded",
            Proposition(
                EventRef("drone-attack-december"), "casualties", Quantity(3, unit="people wounded")
            ),
            q("left three wounded"),
        ),
        aj(
            "aj-december-service-member",
            Proposition(
                EventRef("drone-attack-december"),
                "casualties",
                Quantity(1, unit="US service members in critical condition"),
            ),
            q("including one US service member in critical condition"),
        ),
        # Saleh al-Arouri.
        aj(
            "aj-arouri-killed",
            Proposition(
                ActorRef("saleh-al-arouri"),
                "killed_in",
                EventRef("arouri-strike"),
                when=When.day(2024, 1, 2, tz=BEIRUT),
                where="Beirut",
            ),
            q(
                "the killing of\u00a0Saleh al-Arouri – a deputy leader of Hamas, "
                "an ally of Iran – in a drone strike in Beirut"
            ),
        ),
        aj(
            "aj-arouri-deputy-leader",
            Proposition(ActorRef("saleh-al-arouri"), "deputy_leader_of", ActorRef("hamas")),
            q("a deputy leader of Hamas"),
        ),
        aj(
            "aj-hamas-ally-of-iran",
            Proposition(ActorRef("hamas"), "ally_of", ActorRef("iran")),
            q("an ally of Iran"),
        ),
        aj(
            "aj-strike-after-arouri",
            Proposition(
                strike,
                "came_after",
                EventRef("arouri-strike"),
                qualifiers=[Qualifier("interval", "two days")],
            ),
            q("The strike also comes two days after the killing of\u00a0Saleh al-Arouri"),
        ),
        aj(
            "aj-fears-escalation",
            Proposition(
                EventRef("arouri-strike"),
                "raised",
                Text("fears of further escalation and destabilisation in the region"),
            ),
            q("raising fears of further escalation and destabilisation in the region"),
        ),
        # The closing credit line.
        aj(
            "aj-sources",
            Proposition(Text("this article"), "sourced_from", Text("Al Jazeera and news agencies")),
            q("Source: Al Jazeera and news agencies"),
        ),
    ]

    links = [
        Link(
            LinkKind.SUPPORTS,
            "mofa-aggression",
            "pmo-aggression",
            note="both call the strike an aggression",
        ),
        Link(
            LinkKind.SUPPORTS,
            "nujaba-footage",
            "aj-strike-targeted-pmf",
            note="footage of the impact on the PMF headquarters",
        ),
        Link(
            LinkKind.SUPPORTS,
            "gov-blames-coalition",
            "pmo-coalition-responsible",
            note="the headline's summary of the statement",
        ),
        Link(
            LinkKind.RESPONDS_TO,
            "us-officials-no-comment",
            "pmo-coalition-responsible",
            note="silence on the accusation",
        ),
    ]
    return claims.Dossier([*actors, *sources, *events, *claim_list, *links])


def main() -> None:
    """Write the seed dossier next to this script."""
    claims.dump(build(), OUTPUT_PATH)
    print(f"wrote {OUTPUT_PATH}")


if __name__ == "__main__":
    main()
