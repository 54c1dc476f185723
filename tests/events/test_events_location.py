"""Event locations: names the places stage missed, chains of containing places, namesakes in
another country, and street or road names (sentences written for these tests; a fake gazetteer)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.events.attach import event_place
from tidings.events.site import find_sites, reread
from tidings.events.tree import build_sents
from tidings.geo.gazetteer import Candidate
from tidings.model import Article, Place

pytestmark = pytest.mark.model

ADMINS = {1: "Ardshire", 2: "Belmark"}
GAZ = {
    "Kesta": (
        Candidate(10, 10, "Kesta", 40.0, 20.0, "XA", 1, None, "PPL", 500),
        Candidate(11, 11, "Kesta", -30.0, 140.0, "XB", 2, None, "PPL", 90000),
    ),
    "Lomar": (Candidate(12, 12, "Lomar", -30.1, 140.1, "XB", 2, None, "PPL", 1000),),
}


def lookup(name: str) -> tuple[Candidate, ...]:
    return GAZ.get(name, ())


def name_of(pid: int | None) -> str | None:
    return ADMINS.get(pid) if pid is not None else None


def place(a: Article, text: str, lat: float, country: str, feature: str = "PPL", admin1: str | None = None) -> Place:
    s = a.text.index(text)
    return Place(a.span(s, s + len(text)), name=text, lat=lat, lon=20.0, country=country, feature=feature, admin1=admin1)


def test_a_missed_name_after_in_is_read_in_the_articles_country(parse: Callable[[str], Article]) -> None:
    a = parse("On 2 May, soldiers attacked a checkpoint in Kesta, Ardshire.")
    a = a.with_(places=(place(a, "Ardshire", 40.2, "XA", "ADM1", "Ardshire"),))
    (sent,) = build_sents(a)
    sites = find_sites(a, sent, a.places, lookup, name_of)
    assert [(p.span.text, p.country, p.lat) for p in sites] == [("Kesta", "XA", 40.0)]
    trigger = next(t for t in sent.tokens if t.text == "attacked")
    chosen = event_place(a, a.places, sent, trigger, None, (), sites)
    assert chosen is not None and chosen.span.text == "Kesta"  # the town, not its province


def test_a_missed_name_nothing_vouches_for_is_left_out(parse: Callable[[str], Article]) -> None:
    a = parse("Rebels attacked a convoy in Kesta yesterday.")
    a = a.with_(places=(place(a, "convoy", 5.0, "XC", "PCLI"),))
    (sent,) = build_sents(a)
    assert find_sites(a, sent, a.places, lookup, name_of) == []  # two countries possible, none named


def test_a_namesake_in_another_country_is_read_again(parse: Callable[[str], Article]) -> None:
    a = parse("Police clashed with farmers near Kesta in Lomar. Lomar is in Belmark.")
    a = a.with_(
        places=(
            place(a, "Kesta", 40.0, "XA", admin1="Ardshire"),
            place(a, "Lomar", -30.1, "XB", admin1="Belmark"),
            Place(a.span(a.text.rindex("Lomar"), a.text.rindex("Lomar") + 5), lat=-30.1, lon=140.1, country="XB", feature="PPL", admin1="Belmark"),
            Place(a.span(a.text.index("Belmark"), a.text.index("Belmark") + 7), lat=-30.0, lon=140.0, country="XB", feature="ADM1", admin1="Belmark"),
        )
    )
    sent = build_sents(a)[0]
    kesta = next(p for p in reread(a, sent, a.places, lookup, name_of) if p.span.text == "Kesta")
    assert (kesta.country, kesta.lat) == ("XB", -30.0)


def test_the_head_of_a_chain_beats_its_containers(parse: Callable[[str], Article]) -> None:
    a = parse("Protesters gathered in Lomar district of Belmark on Monday.")
    a = a.with_(places=(place(a, "Lomar", 1.0, "XB", "ADM2", "Belmark"), place(a, "Belmark", 1.5, "XB", "ADM1", "Belmark")))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "gathered")
    chosen = event_place(a, a.places, sent, trigger, None)
    assert chosen is not None and chosen.span.text == "Lomar"


def test_a_road_or_neighbourhood_name_is_not_the_site(parse: Callable[[str], Article]) -> None:
    a = parse("In Lomar, drivers blocked the Kesta highway.")
    a = a.with_(places=(place(a, "Lomar", 1.0, "XB"), place(a, "Kesta", 2.0, "XB")))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "blocked")
    obj = next(t for t in sent.tokens if t.text == "highway")
    chosen = event_place(a, a.places, sent, trigger, obj)
    assert chosen is not None and chosen.span.text == "Lomar"


def test_a_place_in_another_country_than_the_articles_loses(parse: Callable[[str], Article]) -> None:
    a = parse("Gunmen shot a man in Lomar. Lomar and Belmark mourned; Kesta sent help.")
    a = a.with_(
        places=(
            place(a, "Lomar", 1.0, "XA"),
            Place(a.span(a.text.index("Lomar and"), a.text.index("Lomar and") + 5), lat=1.0, lon=20.0, country="XA", feature="PPL"),
            place(a, "Belmark", 1.1, "XA", "ADM1"),
        )
    )
    sent = build_sents(a)[0]
    trigger = next(t for t in sent.tokens if t.text == "shot")
    far = Place(a.span(a.text.index("man"), a.text.index("man") + 3), lat=9.0, lon=9.0, country="XC", feature="PPL")
    chosen = event_place(a, a.places, sent, trigger, None, (), [far])
    assert chosen is not None and chosen.span.text == "Lomar"


def test_a_division_read_where_its_namesake_town_is_meant_becomes_the_town(parse: Callable[[str], Article]) -> None:
    from tidings.events.site import localize

    gaz = {"Belmark": (Candidate(20, 20, "Belmark", -31.0, 141.0, "XB", 2, None, "PPL", 50000),)}
    a = parse("Nurses protested in Belmark. Belmark province was calm.")
    ps = [Place(a.span(s, s + 7), name="Belmark", lat=-30.0, lon=140.0, country="XB", feature="ADM1", admin1="Belmark")
          for s in (a.text.index("Belmark"), a.text.rindex("Belmark"))]
    town = localize(a.text, ps[0], lambda n: gaz.get(n, ()), name_of)
    assert (town.feature, town.lat) == ("PPL", -31.0)
    assert localize(a.text, ps[1], lambda n: gaz.get(n, ()), name_of) is ps[1]  # "Belmark province" is the province


def test_a_missed_hyphenated_name_in_a_chain_is_read_in_its_division(parse: Callable[[str], Article]) -> None:
    gaz = {
        "Sarn-Velo": (
            Candidate(30, 30, "Sarn-Velo", 10.0, 10.0, "XA", 1, None, "PPL", 800),
            Candidate(31, 31, "Sarn-Velo", -29.0, 139.0, "XB", 2, None, "PPL", 300),
        ),
        "Belmark": (Candidate(2, None, "Belmark", -30.0, 140.0, "XB", None, None, "ADM1", 0),),
    }
    a = parse("On Friday, workers protested in Sarn-Velo (Belmark) against pay cuts.")
    (sent,) = build_sents(a)
    sites = find_sites(a, sent, (), lambda n: gaz.get(n, ()), name_of)
    assert [(p.span.text, p.country) for p in sites][:1] == [("Sarn-Velo", "XB")]


def test_a_place_annotating_the_name_before_it_is_its_container(parse: Callable[[str], Article]) -> None:
    a = parse("Gunmen fired at houses in Lomar district (Kesta, Belmark) at night.")
    a = a.with_(places=(place(a, "Lomar district", 1.0, "XB", "ADM2"), place(a, "Belmark", 1.2, "XB", "PPL")))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "fired")
    chosen = event_place(a, a.places, sent, trigger, None)
    assert chosen is not None and chosen.span.text == "Lomar district"  # not the town in the brackets


def test_a_town_read_outside_the_division_named_after_it_is_read_again(parse: Callable[[str], Article]) -> None:
    gaz = {
        **GAZ,
        "Belmark": (Candidate(2, None, "Belmark", -30.0, 140.0, "XB", None, None, "ADM1", 0),),
    }
    a = parse("On Monday, in Kesta, Belmark, gunmen shot a driver.")
    a = a.with_(places=(place(a, "Kesta", 40.0, "XA", admin1="Ardshire"),))
    (sent,) = build_sents(a)
    (kesta,) = reread(a, sent, a.places, lambda n: gaz.get(n, ()), name_of)
    assert (kesta.country, kesta.lat) == ("XB", -30.0)


def test_a_country_name_modifying_a_noun_is_not_the_site(parse: Callable[[str], Article]) -> None:
    a = parse("Traders blocked roads over the Kestan dollar rate, and Lomar was quiet.")
    a = a.with_(places=(place(a, "Kestan", 5.0, "XB", "PCLI"), place(a, "Lomar", 1.0, "XB", "PCLI")))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "blocked")
    chosen = event_place(a, a.places, sent, trigger, None)
    assert chosen is not None and chosen.span.text == "Lomar"


def test_a_place_cut_from_a_longer_name_is_not_the_site(parse: Callable[[str], Article]) -> None:
    a = parse("In Lomar, a man was shot near the Kesta Hospital by two men.")
    a = a.with_(places=(place(a, "Lomar", 1.0, "XB"), place(a, "Kesta", 2.0, "XB")))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "shot")
    chosen = event_place(a, a.places, sent, trigger, None)
    assert chosen is not None and chosen.span.text == "Lomar"


def test_a_town_the_model_calls_a_work_of_art_is_still_looked_up(parse: Callable[[str], Article]) -> None:
    from tidings.events.site import _names

    a = parse("On 3 June, nurses protested in central Kesta over pay.")
    (sent,) = build_sents(a)
    names = [a.text[sent.tok(i).start : sent.tok(j).end] for i, j in _names(sent)]
    assert "Kesta" in names and "3 June" not in names


def test_a_name_right_after_the_opening_date_is_a_candidate_site(parse: Callable[[str], Article]) -> None:
    from tidings.events.site import _names

    a = parse("On 5 May 2020, Kesta, Belmark, residents burned tyres.")
    (sent,) = build_sents(a)
    names = [a.text[sent.tok(i).start : sent.tok(j).end] for i, j in _names(sent)]
    assert names[:1] == ["Kesta"]


def test_a_town_named_as_the_actor_still_places_the_event(parse: Callable[[str], Article]) -> None:
    from tidings.model import Mention

    a = parse("Kesta protested loudly, said people in Belmark.")
    a = a.with_(places=(place(a, "Kesta", 1.0, "XB"), place(a, "Belmark", 2.0, "XB", "ADM1")))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "protested")
    chosen = event_place(a, a.places, sent, trigger, None, (Mention(a.places[0].span, None),))
    assert chosen is not None and chosen.span.text == "Kesta"


def test_a_facility_word_between_two_places_is_not_a_chain(parse: Callable[[str], Article]) -> None:
    from tidings.events.attach import _containers

    a = parse("Workers rallied on Kesta road in Lomar, and at Kesta village in Lomar.")
    k1, k2 = a.text.index("Kesta"), a.text.rindex("Kesta")
    l1, l2 = a.text.index("Lomar"), a.text.rindex("Lomar")
    ps = [Place(a.span(s, s + 5), lat=1.0, lon=1.0, country="XB", feature="PPL", admin1="Belmark") for s in (k1, l1, k2, l2)]
    outer, heads, namesakes = _containers(a.text, ps)
    assert id(ps[1]) not in outer and id(ps[3]) in outer  # "road in" is no chain; "village in" is
    assert not namesakes


def test_a_longer_name_around_a_cut_place_is_looked_up(parse: Callable[[str], Article]) -> None:
    gaz = {"Sarn do Velo": (Candidate(40, 40, "Sarn do Velo", -30.2, 140.2, "XB", 2, None, "PPL", 5000),)}
    a = parse("On 4 May, in Sarn do Velo, Belmark, a man was shot.")
    a = a.with_(places=(place(a, "Sarn", 9.0, "XB"), place(a, "Belmark", -30.0, "XB", "ADM1", "Belmark")))
    (sent,) = build_sents(a)
    sites = find_sites(a, sent, a.places, lambda n: gaz.get(n, ()), name_of)
    assert [p.span.text for p in sites] == ["Sarn do Velo"]
    trigger = next(t for t in sent.tokens if t.text == "shot")
    chosen = event_place(a, a.places, sent, trigger, None, (), sites)
    assert chosen is not None and chosen.span.text == "Sarn do Velo"


def test_the_end_of_a_longer_name_is_not_the_site(parse: Callable[[str], Article]) -> None:
    a = parse("In Lomar, Upper Kesta residents and Vale Kesta farmers protested.")
    ps = (place(a, "Lomar", 1.0, "XB"), Place(a.span(a.text.index("Kesta", 30), a.text.index("Kesta", 30) + 5), lat=2.0, lon=2.0, country="XB", feature="PPL"))
    a = a.with_(places=ps)
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "protested")
    chosen = event_place(a, a.places, sent, trigger, None)
    assert chosen is not None and chosen.span.text == "Lomar"  # not "Kesta" of "Vale Kesta"


def test_an_event_without_a_place_takes_the_scene_of_the_sentence_before(parse: Callable[[str], Article]) -> None:
    from tidings.events.stage import EventStage

    a = parse("On Monday, a rally took place in Lomar. Students of Kestan origin protested against fees.")
    a = a.with_(places=(place(a, "Lomar", 1.0, "XB"), place(a, "Kestan", 5.0, "XC", "PCLI")))
    events = EventStage(sites=False)(a).events
    first = next(e for e in events if e.trigger.text == "protested")
    assert first.location is not None and first.location.span.text == "Lomar"


def test_the_main_place_is_not_a_demonym_when_a_name_is_there() -> None:
    from tidings.events.attach import main_place

    a = Article(id="t", source="test", text="Norwegian men met in Lomar.")
    ps = (Place(a.span(0, 9), lat=60.0, lon=10.0, feature="PCLI"), Place(a.span(21, 26), lat=1.0, lon=1.0, feature="PPL"))
    chosen = main_place(ps)
    assert chosen is not None and chosen.span.text == "Lomar"


def test_a_missed_province_after_a_missed_village_is_read_and_placed(parse: Callable[[str], Article]) -> None:
    gaz = {"Belmark": (Candidate(2, None, "Belmark", -30.0, 140.0, "XB", None, None, "ADM1", 0),)}
    a = parse("On 2 June, rebels shelled positions near Sarnovka, Belmark.")
    a = a.with_(places=(place(a, "rebels", -29.0, "XB", "PCLI"),))  # the article's country, from elsewhere
    (sent,) = build_sents(a)
    sites = find_sites(a, sent, a.places, lambda n: gaz.get(n, ()), name_of)
    assert [(p.span.text, p.feature) for p in sites] == [("Belmark", "ADM1")]


def test_a_town_outside_the_province_named_after_it_is_a_namesake(parse: Callable[[str], Article]) -> None:
    a = parse("On 2 June, rebels shelled positions near Kesta, Belmark.")
    ps = (
        place(a, "Kesta", -20.0, "XB", "PPL", "Ardshire"),
        Place(a.span(a.text.index("Belmark"), a.text.index("Belmark") + 7), name="Belmark", lat=-30.0, lon=140.0, country="XB", feature="ADM1", admin1="Belmark"),
    )
    a = a.with_(places=ps)
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "shelled")
    chosen = event_place(a, a.places, sent, trigger, None)
    assert chosen is not None and chosen.span.text == "Belmark"


def test_the_actors_demonym_does_not_veto_the_site(parse: Callable[[str], Article]) -> None:
    a = parse("Turkish forces shelled positions in Lomar on Monday.")
    a = a.with_(places=(place(a, "Turkish", 39.0, "TR", "PCLI"),))
    (sent,) = build_sents(a)
    sites = find_sites(a, sent, a.places, lookup, name_of)
    assert [(p.span.text, p.country) for p in sites] == [("Lomar", "XB")]  # Lomar exists in one country only


def test_a_namesake_its_container_contradicts_does_not_set_the_home_country(parse: Callable[[str], Article]) -> None:
    # "Kesta (Belmark)": Kesta was read in XA, Belmark is in XB; with Varo (XA) named later,
    # XA would outnumber XB two to one if the contradicted Kesta counted.
    a = parse("Police were patrolling in Kesta (Belmark) when gunmen started shooting at the Varo farm.")
    a = a.with_(places=(
        place(a, "Kesta", 40.0, "XA"),
        place(a, "Belmark", -30.0, "XB", "ADM1", "Belmark"),
        place(a, "Varo", 41.0, "XA"),
    ))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "shooting")
    chosen = event_place(a, a.places, sent, trigger, None, ())
    assert chosen is not None and chosen.span.text == "Belmark"


def test_a_kind_word_of_an_unknown_name_does_not_hide_its_containers(parse: Callable[[str], Article]) -> None:
    a = parse("On 2 May, gunmen opened fire in Zorvik section (Lomar, Belmark).")
    a = a.with_(places=())
    (sent,) = build_sents(a)
    sites = find_sites(a, sent, a.places, lookup, name_of)
    assert [p.span.text for p in sites] == ["Lomar"]  # Zorvik is unknown; its container is not


def test_members_of_a_group_are_no_place_but_the_town_of_a_name_is(parse: Callable[[str], Article]) -> None:
    a = parse("Members of Lomar protested in the streets.")
    (sent,) = build_sents(a)
    assert find_sites(a, sent, (), lookup, name_of) == []  # "members of" names a group
    b = parse("Police dispersed a protest in the town of Lomar.")
    (sent,) = build_sents(b)
    assert [p.span.text for p in find_sites(b, sent, (), lookup, name_of)] == ["Lomar"]


def test_a_town_read_far_from_every_other_place_of_its_sentence_loses(parse: Callable[[str], Article]) -> None:
    # "the Varo community of Lomar (Lomar, Belmark)" with Varo read 2,000 km away
    a = parse("On 6 May, a group demonstrated in the Varo community of Lomar (Lomar, Belmark).")
    varo = place(a, "Varo", 20.0, "XB")
    s = a.text.index("Lomar")
    lomar = Place(a.span(s, s + 5), name="Lomar", lat=-30.1, lon=140.1, country="XB", feature="PPL", admin1="Belmark")
    b = a.text.index("Belmark")
    belmark = Place(a.span(b, b + 7), name="Belmark", lat=-30.5, lon=140.5, country="XB", feature="ADM1", admin1="Belmark")
    a = a.with_(places=(varo, lomar, belmark))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "demonstrated")
    chosen = event_place(a, a.places, sent, trigger, None, ())
    assert chosen is not None and chosen.span.text == "Lomar"


def test_the_place_residents_are_of_is_where_they_act(parse: Callable[[str], Article]) -> None:
    from tidings.model import Mention

    a = parse("Residents of Kesta in Belmark held a vigil.")
    kesta = place(a, "Kesta", -30.0, "XB", "PPL", "Belmark")
    belmark = place(a, "Belmark", -30.5, "XB", "ADM1", "Belmark")
    a = a.with_(places=(kesta, belmark))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == "vigil")
    actor = Mention(a.span(0, a.text.index(" in Belmark")), None)
    chosen = event_place(a, a.places, sent, trigger, None, (actor,))
    assert chosen is not None and chosen.span.text == "Kesta"


@pytest.mark.parametrize(
    ("text", "trigger_word"),
    [
        ("On 2 May, teachers went on strike in Kesta, Ardshire.", "strike"),  # next to each other
        ("On 2 May, residents of Kesta (Varo, Ardshire) demonstrated against a new camp.", "demonstrated"),
    ],
)
def test_a_province_read_abroad_yields_to_a_town_inside_a_province_of_its_name(
    parse: Callable[[str], Article], text: str, trigger_word: str
) -> None:
    # Ardshire was read as XB's province; Kesta (a missed name) lies in XA's Ardshire
    a = parse(text)
    s = a.text.index("Ardshire")
    ardshire = Place(a.span(s, s + 8), name="Ardshire", lat=-31.0, lon=140.0, country="XB", feature="ADM1", admin1="Ardshire")
    k = a.text.index("Kesta")
    kesta = Place(a.span(k, k + 5), name="Kesta", lat=40.0, lon=20.0, country="XA", feature="PPL", admin1="Ardshire")
    a = a.with_(places=(ardshire,))
    (sent,) = build_sents(a)
    trigger = next(t for t in sent.tokens if t.text == trigger_word)
    chosen = event_place(a, a.places, sent, trigger, None, (), (kesta,))
    assert chosen is not None and chosen.span.text == "Kesta"


def test_another_spelling_is_read_only_in_the_division_or_near_the_places_of_the_sentence(parse: Callable[[str], Article]) -> None:
    spelled = {"Qestah": (Candidate(50, 50, "Kesta", -30.05, 140.05, "XB", 2, None, "PPL", 300),)}

    def fuzzy(name: str) -> tuple[Candidate, ...]:
        return spelled.get(name, ())

    a = parse("On 3 May, gunmen attacked a checkpoint in Qestah near Lomar.")
    a = a.with_(places=(place(a, "Lomar", -30.1, "XB", "PPL", "Belmark"),))
    (sent,) = build_sents(a)
    sites = find_sites(a, sent, a.places, lookup, name_of, fuzzy)
    assert [(p.span.text, p.name, p.confidence) for p in sites] == [("Qestah", "Kesta", 0.3)]
    far = a.with_(places=(Place(a.places[0].span, name="Lomar", lat=10.0, lon=10.0, country="XB", feature="PPL", admin1="Ardshire"),))
    assert find_sites(far, sent, far.places, lookup, name_of, fuzzy) == []  # same country only: not enough


def test_a_numbered_quarter_keeps_its_town_but_an_arabic_longer_name_does_not(parse: Callable[[str], Article]) -> None:
    from tidings.events.attach import _part_of_name

    text = "Shells fell near Kesta-5 and in Madinat as Lomar."
    k, m = text.index("Kesta"), text.index("Madinat")
    a = parse(text)
    kesta = Place(a.span(k, k + 5), name="Kesta", lat=1.0, lon=1.0, country="XB", feature="PPL")
    madinat = Place(a.span(m, m + 7), name="Madinat", lat=1.0, lon=1.0, country="XB", feature="PPL")
    assert not _part_of_name(text, kesta)  # "Kesta-5" is a part of Kesta: Kesta is where
    assert _part_of_name(text, madinat)  # "Madinat as Lomar" is another place than "Madinat"


def test_a_tie_between_two_countries_goes_to_the_one_the_sentence_names(parse: Callable[[str], Article]) -> None:
    # One article place per country; the name the places stage missed in the sentence breaks the tie
    a = parse("Relatives of migrants held in Ardshire gathered outside a ministry in Lomar. Belmark said nothing.")
    ardshire = place(a, "Ardshire", 40.0, "XA", "PPL")
    b = a.text.index("Belmark")
    belmark = Place(a.span(b, b + 7), name="Belmark", lat=-30.0, lon=140.0, country="XB", feature="PCLI")
    s = a.text.index("Lomar")
    lomar = Place(a.span(s, s + 5), name="Lomar", lat=-30.1, lon=140.1, country="XB", feature="PPL", admin1="Belmark")
    a = a.with_(places=(ardshire, belmark))
    sent = build_sents(a)[0]
    trigger = next(t for t in sent.tokens if t.text == "gathered")
    chosen = event_place(a, a.places, sent, trigger, None, (), (lomar,))
    assert chosen is not None and chosen.span.text == "Lomar"


def test_a_square_named_like_a_town_abroad_is_not_the_site(parse: Callable[[str], Article]) -> None:
    from tidings.events.attach import _part_of_name

    text = "Teachers rallied in Kesta square on Monday."
    a = parse(text)
    k = text.index("Kesta")
    assert _part_of_name(text, Place(a.span(k, k + 5), name="Kesta", lat=1.0, lon=1.0, country="XB", feature="PPL"))
