"""Event rules on sentences written for these tests (parsed once with the spaCy model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.events.stage import EventStage
from tidings.model import Article, Event
from tidings.quantities.stage import QuantityStage

pytestmark = pytest.mark.model


def events(parse: Callable[[str], Article], text: str) -> list[Event]:
    return list(EventStage()(QuantityStage()(parse(text))).events)


def first(parse: Callable[[str], Article], text: str) -> Event:
    evs = events(parse, text)
    assert evs, f"no event in {text!r}"
    return evs[0]


@pytest.mark.parametrize(
    ("text", "type_", "sub"),
    [
        ("Rebels clashed with army troops near the border town.", "Battles", "Armed clash"),
        ("Artillery units shelled the eastern suburbs overnight.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Government forces fired mortars at rebel positions in the valley.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("An airstrike hit a market in the provincial capital.", "Explosions/Remote violence", "Air/drone strike"),
        ("A roadside bomb exploded next to a bus on the highway.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("Gunmen abducted two teachers from a village school.", "Violence against civilians", "Abduction/forced disappearance"),
        ("Hundreds of nurses protested outside the ministry, demanding higher wages.", "Protests", "Peaceful protest"),
        ("Students protested in the capital and police fired tear gas to disperse them.", "Protests", "Protest with intervention"),
        ("Protesters threw stones at shops and torched a car during the march.", "Riots", "Violent demonstration"),
        ("Police arrested the opposition leader at his home.", "Strategic developments", "Arrests"),
        ("The two sides signed a ceasefire agreement in the capital.", "Strategic developments", "Agreement"),
        ("The militia handed over the northern district to the army.", "Strategic developments", "Non-violent transfer of territory"),
        ("Militants attacked an army checkpoint outside the town.", "Battles", "Armed clash"),
        ("Militants attacked a wedding party outside the town.", "Violence against civilians", "Attack"),
    ],
)
def test_types(parse: Callable[[str], Article], text: str, type_: str, sub: str) -> None:
    ev = first(parse, text)
    assert (ev.type, ev.sub_type) == (type_, sub)


def test_actors_from_subject_and_object(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "Masked gunmen attacked a convoy of aid workers near the river.")
    assert ev.actor1 is not None and "gunmen" in ev.actor1.span.text
    assert ev.actor1.canonical == "Unidentified Armed Group"
    assert ev.actor2 is not None and "convoy" in ev.actor2.span.text


def test_passive_agent_is_actor1(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "The farmers were attacked by soldiers of the fifth brigade.")
    assert ev.actor1 is not None and ev.actor1.span.text.startswith("soldiers")
    assert ev.actor1.canonical == "Military Forces"


def test_protest_actor_is_protesters(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "Hundreds of nurses protested outside the ministry.")
    assert ev.actor1 is not None and ev.actor1.canonical == "Protesters"


def test_fatalities_link_to_the_event(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "Rebels clashed with soldiers near the dam. The fighting left 14 people dead and 30 wounded.")
    assert sum((e.fatalities.value or 0) for e in evs if e.fatalities) == 14


def test_injuries_are_not_fatalities(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "Gunmen attacked a bus and 9 passengers were injured.")
    assert all(e.fatalities is None for e in evs)


def test_killing_n(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "Gunmen stormed a village market, killing 7 traders.")
    assert ev.fatalities is not None and ev.fatalities.value == 7


def test_lone_victim_counts_one(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "A farmer was shot dead by unknown gunmen.")
    assert ev.fatalities is not None and ev.fatalities.value == 1


def test_outcome_sentence_joins_previous_event(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "Soldiers opened fire on the crowd of villagers. As a result, 12 civilians were killed.")
    assert len([e for e in evs if e.type == "Violence against civilians"]) == 1
    assert evs[0].fatalities is not None and evs[0].fatalities.value == 12


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Peacekeepers are to be deployed along the border.", "planned"),
        ("The army will deploy more troops to the province.", "planned"),
        ("The rebels did not attack the town.", "negated"),
        ("Militants could attack the pipeline.", "hypothetical"),
        ("Militants attacked the pipeline.", "asserted"),
    ],
)
def test_modality(parse: Callable[[str], Article], text: str, modality: str) -> None:
    assert first(parse, text).modality == modality


def test_reported_by_named_source(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "Rebels shelled the airport overnight, Colonel Maria Brandt said.")
    assert ev.modality == "reported"
    assert ev.attributed_to is not None and "Brandt" in ev.attributed_to.span.text


def test_ellipsis_inherits_type_and_actors(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "On Monday, the militia handed over the Oskar district to the army. This followed on Friday by the Velen district.")
    assert len(evs) == 2
    assert evs[1].sub_type == "Non-violent transfer of territory"
    assert evs[1].actor1 is not None and evs[1].actor1.span.text == evs[0].actor1.span.text if evs[0].actor1 else False


def test_events_in_document_order(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "Police arrested six men. Later, rebels shelled the port.")
    assert [e.type for e in evs] == ["Strategic developments", "Explosions/Remote violence"]
    assert [e.id for e in evs] == ["ev1", "ev2"]


def test_residual_event_when_nothing_fires(parse: Callable[[str], Article]) -> None:
    a = QuantityStage()(parse("The charity opened a new office downtown."))
    evs = EventStage()(a).events
    assert [(e.type, e.sub_type, e.trigger.text) for e in evs] == [("Strategic developments", "Other", "opened")]
    assert evs[0].confidence <= 0.1
    assert EventStage(residual=False)(a).events == ()


@pytest.mark.parametrize(
    ("text", "type_", "sub"),
    [
        ("Rebel forces fired machine guns and mortars at army positions.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Rebel forces fired rifles and mortars at army positions.", "Battles", "Armed clash"),
        ("Dock workers clashed with police outside the port.", "Riots", "Violent demonstration"),
        ("Two groups of farmers clashed over grazing land.", "Riots", "Mob violence"),
        ("A group of residents beat a suspected thief in the market.", "Riots", "Mob violence"),
        ("Soldiers repelled an attack by insurgents near the bridge.", "Battles", "Armed clash"),
        ("Government troops took control of the river town.", "Battles", "Government regains territory"),
        ("The coast guard shot down a drone near the harbour.", "Strategic developments", "Disrupted weapons use"),
        ("Police defused a bomb found under a bridge.", "Strategic developments", "Disrupted weapons use"),
        ("The air force targeted a rebel hideout in the hills.", "Explosions/Remote violence", "Air/drone strike"),
        ("Unknown assailants carried out an arson attack on a warehouse.", "Strategic developments", "Looting/property destruction"),
    ],
)
def test_typing_refinements(parse: Callable[[str], Article], text: str, type_: str, sub: str) -> None:
    ev = first(parse, text)
    assert (ev.type, ev.sub_type) == (type_, sub)


def test_no_casualties_is_not_an_event(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "There were no reports of fatalities nor injuries in the area.")
    assert all(e.sub_type == "Other" for e in evs)  # only the residual catch-all


def test_deaths_in_a_protest_cause_are_not_its_fatalities(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "Traders protested in the square after two vendors were killed by a truck driver.")
    assert evs[0].type == "Protests"
    assert all(e.fatalities is None for e in evs if e.modality == "asserted")


def test_threats_and_attempts_kill_no_one(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "A crowd threatened to kill a soldier at the market.")
    assert all(e.fatalities is None for e in evs)


def test_killers_are_not_counted_as_dead(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "Three gunmen killed a shopkeeper in the bazaar.")
    assert ev.fatalities is not None and ev.fatalities.value == 1


def test_country_in_actor_name(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "Kenyan police arrested two journalists in the capital.")
    assert ev.actor1 is not None and ev.actor1.canonical == "Police Forces of Kenya"


def test_unnamed_perpetrator(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "A farmer was abducted from his field.")
    assert ev.actor1 is not None and ev.actor1.canonical == "Unidentified Armed Group"


def test_taking_place_is_no_takeover(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "The unrest that had been taking place in the valley region since 2001 continued.")
    assert all(e.type != "Battles" for e in evs)


def test_passive_subject_hung_on_a_place(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "On Monday, in Porto Velho, Rondonia, a mechanic was shot dead by two men.")
    assert ev.fatalities is not None and ev.fatalities.value == 1


def test_violent_conjunct_is_not_swallowed(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "Gunmen entered the village at dawn and killed two herders.")
    assert any(e.type == "Violence against civilians" and e.fatalities and e.fatalities.value == 2 for e in evs)


def test_the_attack_again_is_the_same_event(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "Rebels attacked a border post on Sunday. The attack left four soldiers dead.")
    violent = [e for e in evs if e.type in ("Battles", "Violence against civilians")]
    assert len(violent) == 1
    assert violent[0].fatalities is not None and violent[0].fatalities.value == 4


def test_outcome_death_of_a_bystander(parse: Callable[[str], Article]) -> None:
    ev = first(parse, "Rival tribesmen clashed in the market, leading to the death of a bystander.")
    assert ev.fatalities is not None and ev.fatalities.value == 1


def test_the_victim_who_died_is_not_the_actor(parse: Callable[[str], Article]) -> None:
    evs = events(parse, "Two men were shot in a drive-by attack. One was injured and the other died.")
    assert sum((e.fatalities.value or 0) for e in evs if e.fatalities) == 1
    assert all(e.actor1 is None or "other" not in e.actor1.span.text for e in evs)


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # violence against civilians is against civilians, named or not
        ("Gunmen abducted three people overnight and fled.", "Civilians"),
        ("Unknown assailants raided Kesta village at dawn and beat the elders.", "Civilians"),
        # a police or army word modifying another head
        ("Rebels ambushed police officers on the main road in Norvale.", "Police Forces"),
        # whose positions, posts or homes they are
        ("The rebel forces fired mortars at the positions of the army of Ukraine near the river.", "Military Forces of Ukraine"),
        ("The rebel forces fired grenade launchers at the governmental positions near the river.", "Military Forces"),
    ],
)
def test_who_is_acted_on(parse: Callable[[str], Article], text: str, actor2: str) -> None:
    ev = first(parse, text)
    assert ev.actor2 is not None and (ev.actor2.canonical or "").startswith(actor2), ev.actor2


def test_one_happening_told_twice_is_one_event(parse: Callable[[str], Article]) -> None:
    from tidings.events.stage import _one_per_day_and_place
    from tidings.model import EventDate, Mention, Place, Quantity, Span

    def ev(n: int, start: int, place: tuple[float, float], deaths: int | None, actor: str | None) -> Event:
        where = Place(Span(start, start + 5, "Kesta"), name="Kesta", lat=place[0], lon=place[1])
        toll = Quantity(Span(start + 10, start + 20, f"{deaths} people"), value=deaths, low=deaths, high=deaths) if deaths else None
        return Event(
            id=f"ev{n}", type="Violence against civilians", sub_type="Attack", trigger=Span(start, start + 8, "attacked"),
            sentence=(start, start + 90), date=EventDate(None, "2021-03-04", "2021-03-04", "text"),
            actor1=Mention(Span(start, start + 3, "men"), actor), location=where, fatalities=toll,
        )

    told_twice = _one_per_day_and_place([ev(1, 0, (1.0, 2.0), None, "Military Forces of Norvale"), ev(2, 100, (1.0, 2.0), 12, None)])
    assert len(told_twice) == 1 and told_twice[0].fatalities is not None and told_twice[0].fatalities.value == 12
    assert told_twice[0].actor1 is not None and told_twice[0].actor1.canonical == "Military Forces of Norvale"
    elsewhere = _one_per_day_and_place([ev(1, 0, (1.0, 2.0), None, None), ev(2, 100, (5.0, 2.0), None, None)])
    two_tolls = _one_per_day_and_place([ev(1, 0, (1.0, 2.0), 3, None), ev(2, 100, (1.0, 2.0), 12, None)])
    assert len(elsewhere) == 2 and len(two_tolls) == 2
    assert [e.id for e in two_tolls] == ["ev1", "ev2"]
