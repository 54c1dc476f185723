"""Event locations: namesakes that the sentence or the article contradict, reference points and
kind nouns (sentences written for these tests; fake places)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.events.attach import _part_of_name, event_place
from tidings.events.site import _dominant
from tidings.events.tree import build_sents
from tidings.geo.gazetteer import Candidate
from tidings.model import Article, Mention, Place

pytestmark = pytest.mark.model


def at(a: Article, text: str, lat: float, lon: float, country: str, feature: str = "PPL", admin1: str | None = None, nth: int = 0) -> Place:
    s = -1
    for _ in range(nth + 1):
        s = a.text.index(text, s + 1)
    return Place(a.span(s, s + len(text)), name=text, lat=lat, lon=lon, country=country, feature=feature, admin1=admin1)


def chosen_for(a: Article, verb: str, actors: tuple[Mention, ...] = (), countries_of: Callable[[str], frozenset[str]] | None = None) -> str | None:
    sent = next(s for s in build_sents(a) if any(t.text == verb for t in s.tokens))
    trigger = next(t for t in sent.tokens if t.text == verb)
    p = event_place(a, a.places, sent, trigger, None, actors, (), countries_of)
    return p.span.text if p is not None else None


@pytest.mark.parametrize(("lat", "lon", "site"), [(10.9, 122.7, "Lomar"), (14.62, 121.02, "Varo")])
def test_a_quarter_of_a_city_read_far_from_it_yields_to_the_city(parse: Callable[[str], Article], lat: float, lon: float, site: str) -> None:
    # read 400 km away, "Varo" is a namesake; read 3 km away, it is the quarter and the site
    a = parse("Students marched in Varo, Lomar on Monday.")
    a = a.with_(places=(at(a, "Varo", lat, lon, "XB"), at(a, "Lomar", 14.6, 121.0, "XB", "PPLC")))
    assert chosen_for(a, "marched") == site


def test_a_town_read_far_outside_the_district_said_to_hold_it_is_a_namesake(parse: Callable[[str], Article]) -> None:
    a = parse("A farmer was killed in Pipra, Kesta over a land dispute.")
    a = a.with_(places=(at(a, "Pipra", 28.0, 80.0, "XB"), at(a, "Kesta", 25.5, 81.4, "XB", "ADM2")))
    assert chosen_for(a, "killed") == "Kesta"


def test_a_lone_namesake_abroad_loses_to_nothing_when_a_division_points_home(parse: Callable[[str], Article]) -> None:
    a = parse("Monitors heard explosions near Varo. Belmark authorities said nothing.")
    a = a.with_(places=(at(a, "Varo", 57.0, 60.0, "XC"), at(a, "Belmark", 48.0, 37.8, "XB", "ADM1")))
    one_country: Callable[[str], frozenset[str]] = lambda name: frozenset({"XB"}) if name == "Belmark" else frozenset({"XB", "XC"})
    assert chosen_for(a, "heard", countries_of=one_country) is None
    # without evidence of the other country the namesake stands
    assert chosen_for(a, "heard", countries_of=lambda name: frozenset({"XB", "XC"})) == "Varo"


def test_a_place_named_as_a_bearing_is_a_reference_point(parse: Callable[[str], Article]) -> None:
    a = parse("Air raids hit Lomar district west of Kesta city on Monday.")
    a = a.with_(places=(at(a, "Lomar", 15.8, 44.8, "XB", "ADM2", "Ardshire"), at(a, "Kesta", 15.5, 45.3, "XB", "PPL", "Ardshire")))
    assert chosen_for(a, "hit") == "Lomar"


def test_a_district_in_parentheses_of_its_province_town_heads_the_chain(parse: Callable[[str], Article]) -> None:
    a = parse("Airstrikes targeted Lomar district (Belmark) on Monday.")
    a = a.with_(places=(at(a, "Lomar", 15.6, 45.6, "XB", "ADM2", "Belmark"), at(a, "Belmark", 15.5, 45.3, "XB", "PPL", "Belmark")))
    assert chosen_for(a, "targeted") == "Lomar"


def test_residents_of_a_town_with_its_province_act_in_the_town(parse: Callable[[str], Article]) -> None:
    a = parse("Residents of Kesta, Belmark held a vigil against the burial of a man from Lomar.")
    a = a.with_(
        places=(
            at(a, "Kesta", 38.7, 35.5, "XB", "PPL", "Belmark"),
            at(a, "Belmark", 38.6, 35.9, "XB", "ADM1", "Belmark"),
            at(a, "Lomar", 41.0, 29.0, "XB", "ADM1", "Lomar"),
        )
    )
    actor = Mention(a.span(0, a.text.index(" held")), None)
    assert chosen_for(a, "vigil", (actor,)) == "Kesta"


@pytest.mark.parametrize("text,name", [("Gunmen shot a man on Street 50 in Lomar.", "Street"), ("A man was found dead in Colonia Kesta.", "Colonia Kesta")])
def test_a_kind_noun_or_a_quarter_is_not_a_town(parse: Callable[[str], Article], text: str, name: str) -> None:
    a = parse(text)
    assert _part_of_name(text, at(a, name, 1.0, 1.0, "XB"))


def test_a_city_that_dwarfs_its_namesakes_abroad_stands_alone() -> None:
    big = Candidate(1, 1, "Varo", 25.0, -57.6, "XA", None, None, "PPL", 500_000)
    small = Candidate(2, 2, "Varo", 40.0, -3.0, "XB", None, None, "PPL", 7_000)
    rival = Candidate(3, 3, "Varo", 41.0, -4.0, "XC", None, None, "PPL", 120_000)
    assert _dominant((big, small), ("PPL",)) is big
    assert _dominant((big, small, rival), ("PPL",)) is None


def test_a_name_cut_from_a_longer_one_is_no_site_but_a_facility_keeps_its_town(parse: Callable[[str], Article]) -> None:
    from tidings.events.attach import cut_from_name

    text = "Workers in Kesta e Abdollah protested; nurses marched outside Lomar Hospital."
    a = parse(text)
    assert cut_from_name(text, at(a, "Kesta", 31.2, 48.6, "XB"))
    assert not cut_from_name(text, at(a, "Lomar", 31.0, 48.0, "XB"))
    a = a.with_(places=(at(a, "Kesta", 32.5, 45.8, "XC"),))
    assert chosen_for(a, "protested") is None  # left to the context, not read as a cut name


def test_the_town_a_roundabout_is_named_after_is_a_candidate_site(parse: Callable[[str], Article]) -> None:
    from tidings.events.site import find_sites

    kesta = Candidate(7, 7, "Kesta", 33.8, 35.9, "XB", None, None, "PPL", 78_000)

    def lookup(name: str) -> tuple[Candidate, ...]:
        return (kesta,) if name == "Kesta" else ()

    a = parse("Protesters blocked the Kesta roundabout on Thursday.")
    (sent,) = build_sents(a)
    sites = find_sites(a, sent, (), lookup, lambda pid: None)
    assert [(p.span.text, p.country) for p in sites] == [("Kesta", "XB")]


@pytest.mark.parametrize(("lat", "lon", "namesake"), [(53.8, 30.4, True), (53.91, 27.58, False)])
def test_a_station_named_after_a_far_namesake_is_in_the_town_that_follows(
    parse: Callable[[str], Article], lat: float, lon: float, namesake: bool
) -> None:
    # "the Varo metro station in Lomar": Varo read 180 km from Lomar names the station, not a town
    from tidings.events.attach import _containers

    a = parse("Students protested near the Varo metro station in central Lomar on Monday.")
    a = a.with_(places=(at(a, "Varo", lat, lon, "XB"), at(a, "Lomar", 53.9, 27.57, "XB", "PPLC")))
    _, _, namesakes = _containers(a.text, list(a.places))
    assert (id(a.places[0]) in namesakes) is namesake
    if namesake:
        assert chosen_for(a, "protested") == "Lomar"


def test_a_road_named_after_a_town_does_not_make_the_town_a_container(parse: Callable[[str], Article]) -> None:
    # "Kesta road in Lomar" with Kesta read near Lomar: no chain, so Lomar keeps its rank
    a = parse("Workers rallied on the Kesta road in Lomar.")
    a = a.with_(places=(at(a, "Kesta", 10.0, 10.0, "XB"), at(a, "Lomar", 10.05, 10.05, "XB")))
    from tidings.events.attach import _containers

    outer, _, namesakes = _containers(a.text, list(a.places))
    assert not outer and not namesakes


def test_a_site_the_gazetteer_does_not_know_is_placed_at_the_division_named_after_it(parse: Callable[[str], Article]) -> None:
    from tidings.events.stage import _container_of

    a = parse("Farmers protested in Erkan village (Kesta, Belmark) on Monday against a new tax in Varo.")
    site = Place(a.span(a.text.index("Erkan"), a.text.index("Erkan") + len("Erkan village")), name=None)
    varo, kesta, belmark = at(a, "Varo", 1.0, 1.0, "XB"), at(a, "Kesta", 2.0, 2.0, "XB", "ADM2"), at(a, "Belmark", 3.0, 3.0, "XB", "ADM1")
    got = _container_of(site, [varo, kesta, belmark])
    assert got is kesta
    assert _container_of(site, [at(a, "Varo", 1.0, 1.0, "XB")]) is not None
    assert _container_of(Place(a.span(a.text.index("Varo"), a.text.index("Varo") + 4), name=None), [kesta, belmark]) is None


def test_the_place_of_a_verb_joined_to_the_trigger_is_tied_to_it(parse: Callable[[str], Article]) -> None:
    a = parse("Militants shot and killed a Lomar administration soldier in Kesta town.")
    a = a.with_(places=(at(a, "Lomar", 2.0, 2.0, "XB"), at(a, "Kesta", 3.0, 3.0, "XB")))
    assert chosen_for(a, "shot") == "Kesta"


def test_a_joined_verb_does_not_tie_where_its_object_came_from(parse: Callable[[str], Article]) -> None:
    a = parse("Gunmen shot and killed five traders from the Belmark region near Kesta on Monday.")
    a = a.with_(places=(at(a, "Belmark", 2.0, 2.0, "XB", "ADM1"), at(a, "Kesta", 3.0, 3.0, "XB")))
    assert chosen_for(a, "shot") == "Kesta"


def test_a_country_named_in_a_title_yields_to_the_town_of_the_sentence_before(parse: Callable[[str], Article]) -> None:
    from tidings.events.stage import EventStage

    a = parse("On Monday, fans gathered in Lomar. The protest was held against supporters of the President of Kestia.")
    a = a.with_(places=(at(a, "Lomar", 1.0, 1.0, "XB"), at(a, "Kestia", 5.0, 5.0, "XB", "PCLI")))
    events = EventStage(sites=False)(a).events
    first = next(e for e in events if e.trigger.text == "protest")
    assert first.location is not None and first.location.span.text == "Lomar"
    # a country other than the scene's keeps the event
    b = a.with_(places=(at(a, "Lomar", 1.0, 1.0, "XB"), at(a, "Kestia", 5.0, 5.0, "XC", "PCLI")))
    first = next(e for e in EventStage(sites=False)(b).events if e.trigger.text == "protest")
    assert first.location is not None and first.location.span.text == "Kestia"


def test_a_town_read_far_from_the_district_named_after_another_town_is_a_namesake(parse: Callable[[str], Article]) -> None:
    # "Rajpur (Kesta district, Belmark)": the district was read as its namesake town; Rajpur 118 km off
    a = parse("Farmers staged a sit-in at Rajpur (Kesta district, Belmark) on Monday.")
    a = a.with_(
        places=(
            at(a, "Rajpur", 25.61, 88.12, "XB"),
            Place(a.span(a.text.index("Kesta"), a.text.index("Kesta") + len("Kesta district")), name="Kesta", lat=26.52, lon=88.73, country="XB", feature="PPL"),
            at(a, "Belmark", 24.4, 87.9, "XB", "ADM1"),
        )
    )
    assert chosen_for(a, "staged") == "Kesta district"


def test_of_two_towns_the_province_holds_the_first_named_is_the_site(parse: Callable[[str], Article]) -> None:
    a = parse("Between the towns of Kesta and Varo, Belmark, armed men exchanged fire with the police.")
    a = a.with_(
        places=(
            at(a, "Kesta", 2.0, 2.0, "XB", admin1="Belmark"),
            at(a, "Varo", 2.2, 2.2, "XB", admin1="Belmark"),
            at(a, "Belmark", 2.5, 2.5, "XB", "ADM1"),
        )
    )
    assert chosen_for(a, "exchanged") == "Kesta"


def test_a_subdivision_of_a_district_is_the_site(parse: Callable[[str], Article]) -> None:
    from tidings.events.attach import _containers

    a = parse("In Kesta subdivision of Lomar district, a former officer was shot dead on Monday.")
    a = a.with_(places=(at(a, "Kesta", 30.1, 76.1, "XB"), at(a, "Lomar", 30.3, 76.4, "XB")))
    outer, _, _ = _containers(a.text, list(a.places))
    assert outer == {id(a.places[1])}


def test_the_end_of_a_name_joined_by_a_connective_is_not_the_site(parse: Callable[[str], Article]) -> None:
    a = parse("Residents held a protest over the Maskan-e Varo housing project in Lomar.")
    a = a.with_(places=(at(a, "Varo", 33.4, 46.5, "XB"), at(a, "Lomar", 36.3, 59.6, "XB")))
    assert _part_of_name(a.text, a.places[0])
    assert chosen_for(a, "held") == "Lomar"


def test_of_a_list_of_towns_the_first_named_is_the_site(parse: Callable[[str], Article]) -> None:
    from tidings.events.attach import _containers

    a = parse("In Kesta, Varo, Lomar and Belmark, police units fought rebels on Monday.")
    a = a.with_(places=tuple(at(a, n, 30.0 + k, 60.0 + k, "XB") for k, n in enumerate(("Kesta", "Varo", "Lomar", "Belmark"))))
    outer, heads, _ = _containers(a.text, list(a.places))
    assert id(a.places[0]) in heads and outer == {id(p) for p in a.places[1:]}


def test_a_village_read_as_a_district_far_from_the_one_named_is_a_namesake(parse: Callable[[str], Article]) -> None:
    a = parse("A farmer was hurt by a mine in Kesta village, Varo district of Belmark province.")
    a = a.with_(places=(at(a, "Kesta", 13.0, 104.0, "XB", "ADM2"), at(a, "Varo", 12.2, 103.1, "XB", "ADM2"), at(a, "Belmark", 12.4, 103.5, "XB", "ADM1")))
    assert chosen_for(a, "hurt") == "Varo"


def test_the_main_place_on_a_tie_is_in_the_country_most_places_are_in() -> None:
    from tidings.events.attach import main_place

    a = Article(id="t", source="test", text="Shells hit Varo and Kesta villages (Lomar, Belmark).")
    ps = (at(a, "Varo", 32.2, 35.3, "XC"), at(a, "Kesta", 13.8, 44.7, "XB"), at(a, "Lomar", 13.7, 44.7, "XB"), at(a, "Belmark", 13.9, 44.8, "XB", "ADM1"))
    got = main_place(ps)
    assert got is not None and got.span.text == "Kesta"


def test_a_country_as_the_scene_yields_to_an_earlier_town_of_that_country(parse: Callable[[str], Article]) -> None:
    from tidings.events.stage import EventStage

    a = parse("On Monday, in Lomar, officers found a ton of drugs. It was the biggest haul ever in Kestia. Four people were arrested.")
    a = a.with_(places=(at(a, "Lomar", 18.0, -77.5, "XB", "ADM1"), at(a, "Kestia", 18.2, -77.3, "XB", "PCLI")))
    ev = next(e for e in EventStage(sites=False)(a).events if e.trigger.text == "arrested")
    assert ev.location is not None and ev.location.span.text == "Lomar"


def test_a_street_named_after_a_town_is_no_site_even_for_a_capital(parse: Callable[[str], Article]) -> None:
    a = parse("Militias shelled homes in Kesta Street and the port of Lomar on Monday.")
    a = a.with_(places=(at(a, "Kesta", 15.35, 44.2, "XB", "PPLC"), at(a, "Lomar", 14.8, 42.95, "XB", "ADM1")))
    assert chosen_for(a, "shelled") == "Lomar"


def test_a_quarter_read_abroad_before_a_town_is_a_namesake(parse: Callable[[str], Article]) -> None:
    a = parse("Workers protested in front of the court in Varo, Lomar on Monday.")
    a = a.with_(places=(at(a, "Varo", 19.0, -99.0, "XC"), at(a, "Lomar", 4.6, -74.1, "XB", "PPLC")))
    assert chosen_for(a, "protested") == "Lomar"


def test_a_namesake_abroad_does_not_decide_the_articles_country(parse: Callable[[str], Article]) -> None:
    # Varo (read in XC) and Belmark (XB) tie for the article's country; Varo is a lone namesake abroad
    a = parse("Soldiers attacked a rebel camp in the village of Varo, near Kesta (Lomar, Belmark) on Monday.")
    a = a.with_(places=(at(a, "Varo", 9.5, -5.6, "XC"), at(a, "Belmark", 2.2, 30.4, "XB", "ADM1")))
    only: Callable[[str], frozenset[str]] = lambda name: frozenset({"XB"}) if name == "Belmark" else frozenset({"XC"})
    assert chosen_for(a, "attacked", countries_of=only) == "Belmark"


def test_between_two_places_the_first_named_is_the_site(parse: Callable[[str], Article]) -> None:
    a = parse("In the area between Kesta and Varo, warplanes struck a depot on Monday.")
    a = a.with_(places=(at(a, "Kesta", 34.7, 36.7, "XB"), at(a, "Varo", 34.6, 38.3, "XB")))
    assert chosen_for(a, "struck") == "Kesta"


def test_the_countryside_of_a_town_is_placed_at_its_provinces_centre() -> None:
    from tidings.events.stage import EventStage, _Lookups

    province = Candidate(7, 7, "Kesta Governorate", 35.0, 40.4, "XB", None, None, "ADM1", 0)
    town = Candidate(8, 8, "Kesta", 35.33, 40.14, "XB", 7, None, "PPL", 200_000)
    table = {"Kesta": (province, town)}
    stage = EventStage()
    stage._gaz = _Lookups(lambda name: table.get(name, ()), lambda pid: None, lambda pid: None, lambda name: ())
    a = Article(id="t", source="test", text="A mine went off in Kesta countryside. A mine went off in Kesta town.")
    first, second = at(a, "Kesta", 35.33, 40.14, "XB"), at(a, "Kesta", 35.33, 40.14, "XB", nth=1)
    got = stage._countryside(a.text, first)
    assert got is not None and (got.lat, got.lon, got.feature) == (35.0, 40.4, "ADM1")
    assert stage._countryside(a.text, second) is None  # the town itself


def test_a_country_found_as_the_place_yields_to_a_town_of_it_in_the_sentence() -> None:
    from tidings.events.stage import _within_country

    a = Article(id="t", source="test", text="Supporters of Kestia's opposition marched in Lomar (Central) and in Varo.")
    kestia, lomar, varo = at(a, "Kestia", 5.0, 5.0, "XB", "PCLI"), at(a, "Lomar", 4.0, 4.0, "XB", "PPLC"), at(a, "Varo", 9.0, 9.0, "XC")
    got = _within_country(kestia, [kestia, lomar, varo], a.text.index("marched"))
    assert got is lomar
    assert _within_country(kestia, [kestia, varo], 0) is None  # a town of another country is no help


def test_a_sea_named_in_a_sites_name_yields_to_the_town(parse: Callable[[str], Article]) -> None:
    a = parse("Militants threw a grenade at the Kesta sea junction in Lomar on Monday.")
    kesta = Place(a.span(a.text.index("Kesta"), a.text.index("Kesta") + 5), name="Kesta Sea", lat=43.0, lon=34.0, feature="SEA")
    a = a.with_(places=(kesta, at(a, "Lomar", 2.0, 45.3, "XB", "PPLC")))
    assert chosen_for(a, "threw") == "Lomar"


def test_a_region_named_by_a_direction_does_not_contradict_the_town_before_it(parse: Callable[[str], Article]) -> None:
    a = parse("Party members beat monitors in Kesta (Central) on Monday.")
    a = a.with_(places=(at(a, "Kesta", -13.3, 33.8, "XB", "ADM1"), at(a, "Central", 0.2, 32.2, "XC", "ADM1")))
    assert chosen_for(a, "beat") == "Kesta"


def test_a_quarter_read_far_from_a_town_whose_name_ends_in_city_yields_to_it(parse: Callable[[str], Article]) -> None:
    # "Lomar City" is a town, not a capital; its name says it is a city
    a = parse("Students marched in Varo, Lomar City on Monday.")
    a = a.with_(places=(at(a, "Varo", 10.9, 122.7, "XB"), at(a, "Lomar City", 14.6, 121.0, "XB", "PPL")))
    assert chosen_for(a, "marched") == "Lomar City"
