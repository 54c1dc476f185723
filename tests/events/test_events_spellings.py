"""Event sites written in another spelling than the gazetteer's ("Qestah" for "Kesta"): when the
article vouches for the reading, and when a reading that shares the consonants is another word
(sentences written for these tests; a fake gazetteer)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.events.site import find_sites
from tidings.events.tree import build_sents
from tidings.geo.gazetteer import Candidate
from tidings.model import Article, Place

pytestmark = pytest.mark.model

ADMINS = {1: "Ardshire", 2: "Belmark"}
SPELLED = {
    "Qestah": (Candidate(50, 50, "Kesta", -30.05, 140.05, "XB", 2, None, "PPL", 300),),
    "Mynistor": (Candidate(51, 51, "Menastir", -30.2, 140.2, "XB", 2, None, "PPL", 9000),),
    "Dorvey": (Candidate(52, 52, "Dorvay", 12.0, 44.0, "XB", 2, None, "PPL", 800),),
    "Harlo": (
        Candidate(53, 53, "Harlow", 12.0, 44.0, "XB", 2, None, "PPL", 800),
        Candidate(54, 54, "Harlou", 40.0, 20.0, "XA", 1, None, "PPL", 500),
    ),
    "Qamishlo": (
        Candidate(56, 56, "Al Qamishlo", 37.0, 41.2, "XB", 2, None, "PPL", 184000),
        Candidate(57, 57, "Kamishlo", 40.0, 20.0, "XA", 1, None, "PPL", 600),
    ),
    "Wanlo Weyn": (Candidate(55, 55, "Wanloweyn", 2.6, 44.9, "XB", 2, None, "PPL", 2000),),
}


def lookup(name: str) -> tuple[Candidate, ...]:
    return ()


def fuzzy(name: str) -> tuple[Candidate, ...]:
    return SPELLED.get(name, ())


def name_of(pid: int | None) -> str | None:
    return ADMINS.get(pid) if pid is not None else None


def country_place(a: Article, text: str, country: str) -> Place:
    s = a.text.index(text)
    return Place(a.span(s, s + len(text)), name=text, lat=-30.0, lon=140.0, country=country, feature="PCLI")


def sites(a: Article, exact: Callable[[str], tuple[Candidate, ...]] = lookup) -> list[tuple[str, str | None]]:
    return [(p.span.text, p.name) for s in build_sents(a) for p in find_sites(a, s, a.places, exact, name_of, fuzzy)]


KNOWN = {
    "Zarova": (Candidate(60, 60, "Zarova", 48.3, 38.0, "XB", 2, None, "PPL", 13000),),
    "Polbe": (Candidate(61, 61, "Polbe", 7.0, 2.7, "XC", None, None, "PPL", 30000),),
    "Dornetsk": (
        Candidate(62, 62, "Dornetsk", 48.0, 37.8, "XB", 2, None, "PPL", 900000),
        Candidate(63, 63, "Dornetsk", 48.1, 40.0, "XA", 1, None, "PPL", 50000),
    ),
}


def known(name: str) -> tuple[Candidate, ...]:
    return KNOWN.get(name, ())


def test_another_spelling_alone_in_its_sentence_is_read_in_the_articles_country(parse: Callable[[str], Article]) -> None:
    a = parse("Truck drivers in Belmark are angry. On 3 May, they blocked a bridge in Qestah.")
    a = a.with_(places=(country_place(a, "Belmark", "XB"),))
    assert sites(a) == [("Qestah", "Kesta")]
    other = a.with_(places=(country_place(a, "Belmark", "XC"),))
    assert sites(other) == []  # a reading in no country of the article


def test_a_reading_with_the_same_consonants_that_looks_different_is_another_word(parse: Callable[[str], Article]) -> None:
    a = parse("Workers in Belmark are angry. On 3 May, they protested in Mynistor.")
    a = a.with_(places=(country_place(a, "Belmark", "XB"),))
    assert sites(a) == []  # "Menastir" shares m-n-s-t-r but does not look like "Mynistor"


def test_with_no_place_in_the_article_a_reading_in_one_country_only_stands(parse: Callable[[str], Article]) -> None:
    a = parse("On 6 May, observers heard two explosions near Dorvey.")
    assert sites(a) == [("Dorvey", "Dorvay")]
    b = parse("On 6 May, observers heard two explosions near Harlo.")
    assert sites(b) == []  # readings in two countries: nothing to choose by
    c = parse("On 3 May, gunmen threw a grenade in the western neighbourhood of Qamishlo.")
    assert sites(c) == [("Qamishlo", "Al Qamishlo")]  # a city 300 times the size of its namesake abroad


def test_with_an_unread_place_in_the_article_a_lone_reading_is_not_trusted(parse: Callable[[str], Article]) -> None:
    a = parse("On 6 May, observers heard two explosions near Dorvey, north of Tarvash district.")
    s = a.text.index("Tarvash district")
    a = a.with_(places=(Place(a.span(s, s + 16)),))  # named, but unknown: it may lie in another country
    assert sites(a) == []


def test_a_container_in_another_spelling_is_read_when_its_province_vouches(parse: Callable[[str], Article]) -> None:
    a = parse("On 6 May, gunmen shot a soldier at Garas Barey (Wanlo Weyn, Belmark).")
    s = a.text.index("Belmark")
    belmark = Place(a.span(s, s + 7), name="Belmark", lat=2.2, lon=44.8, country="XB", feature="ADM1", admin1="Belmark")
    a = a.with_(places=(belmark,))
    assert ("Wanlo Weyn", "Wanloweyn") in sites(a)


def test_a_numbered_or_named_part_of_a_town_is_read_at_the_town(parse: Callable[[str], Article]) -> None:
    a = parse("On 9 May, observers heard two explosions near Zarova-5.")
    assert sites(a, known) == [("Zarova-5", "Zarova")]
    b = parse("On 9 May, observers heard two explosions near Dornetsk-Kirovskyi.")
    assert sites(b, known) == [("Dornetsk-Kirovskyi", "Dornetsk")]  # a city 18 times its namesake abroad


def test_two_names_joined_need_the_article_to_vouch_for_the_first(parse: Callable[[str], Article]) -> None:
    a = parse("On 5 May, militants ambushed a unit in Gaskor (Polbe-Mengor, Soumar).")
    assert ("Polbe-Mengor", "Polbe") not in sites(a, known)  # a small namesake in another country
    b = parse("Police in Belmark are on alert. On 5 May, militants ambushed a unit in Polbe-Mengor.")
    b = b.with_(places=(country_place(b, "Belmark", "XC"),))
    assert sites(b, known) == [("Polbe-Mengor", "Polbe")]


def test_a_states_code_after_a_name_is_its_container(parse: Callable[[str], Article]) -> None:
    from tidings.events.site import reread

    gaz = {
        "AS": (Candidate(70, 70, "Ardshire", 40.0, 20.0, "XA", None, None, "ADM1", 5_000_000),),
        "Kesta": (
            Candidate(71, 71, "Kesta", -30.0, 140.0, "XB", 2, None, "ADM2", 90000),
            Candidate(72, 72, "Kesta", 40.1, 20.1, "XA", 1, None, "ADM2", 50000),
        ),
    }
    a = parse("On 6 May, the armies exchanged fire in Kesta district (AS).")
    s = a.text.index("Kesta district")
    misread = Place(a.span(s, s + 14), name="Kesta", lat=-30.0, lon=140.0, country="XB", feature="ADM2", admin1="Belmark")
    a = a.with_(places=(misread,))
    (sent,) = build_sents(a)
    (p,) = reread(a, sent, a.places, lambda n: gaz.get(n, ()), name_of)
    assert (p.country, p.lat) == ("XA", 40.1)  # the Kesta of the state whose code follows


def test_a_quarter_cut_from_a_longer_name_does_not_vouch_for_a_country(parse: Callable[[str], Article]) -> None:
    gaz = {
        "Norvale": (
            Candidate(80, 80, "Norvale", -30.0, 140.0, "XB", 2, None, "PPL", 90000),
            Candidate(81, 81, "Norvale", 40.0, 20.0, "XA", 1, None, "PPL", 500),
        ),
    }
    a = parse("On 9 May, in Norvale, gunmen shot two men in Colonia Agricola.")
    s = a.text.index("Colonia")
    colonia = Place(a.span(s, s + 7), name="Colonia", lat=-34.2, lon=-57.8, country="XC", feature="ADM1")
    a = a.with_(places=(colonia,))
    # "Colonia" of "Colonia Agricola" (a quarter) read in XC says nothing of the article's country
    assert [x for x in sites(a, lambda n: gaz.get(n, ())) if x[0] == "Norvale"] == [("Norvale", "Norvale")]
