from __future__ import annotations

from typing import Any

from tidings.model import Place


def run(stage: Any, text: str, *ents: tuple[str, str]) -> tuple[Place, ...]:
    from tidings.model import Article, Entity

    out_ents = []
    pos = 0
    for i, (surface, label) in enumerate(ents):
        start = text.index(surface, pos)
        probe = Article(id="t", source="test", text=text)
        out_ents.append(Entity(f"e{i}", probe.span(start, start + len(surface)), label, surface))
        pos = start + len(surface)
    (out,) = stage.process([Article(id="t", source="test", text=text, entities=tuple(out_ents))])
    return tuple(out.places)


def by_text(places: tuple[Place, ...], text: str) -> Place:
    return next(p for p in places if p.span.text == text)


def test_ambiguous_name_resolved_by_the_state_named_nearby(stage: Any) -> None:
    text = "Storms damaged homes in Paris on Monday. Texas officials sent crews from Dallas."
    places = run(stage, text, ("Paris", "GPE"), ("Texas", "GPE"), ("Dallas", "GPE"))
    paris = by_text(places, "Paris")
    assert paris.country == "US" and paris.admin1 == "Texas"


def test_same_name_without_that_context_is_the_capital(stage: Any) -> None:
    text = "Ministers met in Paris to discuss the budget."
    paris = by_text(run(stage, text, ("Paris", "GPE")), "Paris")
    assert paris.country == "FR"
    assert abs(paris.lat - 48.86) < 0.3 and abs(paris.lon - 2.35) < 0.3  # type: ignore[operator]
    assert 0.0 < paris.confidence <= 1.0


def test_containment_phrase_picks_the_town_inside_the_division(stage: Any) -> None:
    text = "The bridge near Springfield, Illinois, was closed."
    places = run(stage, text, ("Springfield", "GPE"), ("Illinois", "GPE"))
    town = by_text(places, "Springfield")
    assert town.country == "US" and town.admin1 == "Illinois"
    assert 39 < town.lat < 40.5  # type: ignore[operator]


def test_admin_unit_phrase_is_one_toponym(stage: Any) -> None:
    text = "Shelling was reported in Tovuz District overnight."
    places = run(stage, text, ("Tovuz", "GPE"))
    assert [p.span.text for p in places] == ["Tovuz District"]
    assert places[0].country == "AZ"


def test_demonym_points_at_its_country(stage: Any) -> None:
    text = "Nigerian troops crossed the river at dawn."
    (p,) = run(stage, text, ("Nigerian", "NORP"))
    assert p.span.text == "Nigerian" and p.country == "NG" and p.feature == "PCLI"


def test_place_the_model_called_an_organisation(stage: Any) -> None:
    text = "Talks between Armenia and Azerbaijan resumed in Moscow."
    places = run(stage, text, ("Armenia", "ORG"), ("Azerbaijan", "GPE"), ("Moscow", "GPE"))
    assert by_text(places, "Armenia").country == "AM"
    assert by_text(places, "Moscow").country == "RU"


def test_surname_is_not_a_place(stage: Any) -> None:
    text = "Senator Maria Houston spoke on Tuesday. Houston said the bill would pass."
    places = run(stage, text, ("Maria Houston", "PERSON"), ("Houston", "PERSON"))
    assert places == ()


def test_place_inside_an_organisation_name(stage: Any) -> None:
    text = "The Ohio Department of Transportation closed the road."
    places = run(stage, text, ("The Ohio Department of Transportation", "ORG"))
    assert [p.span.text for p in places] == ["Ohio"]
    assert places[0].feature == "ADM1"


def test_unresolved_toponym_is_kept_with_a_warning(stage: Any, article_of: Any) -> None:
    text = "Gunmen attacked Qzzyx Valley late on Friday."
    (out,) = stage.process([article_of(text, ("Qzzyx Valley", "LOC"))])
    (p,) = out.places
    assert p.span.text == "Qzzyx Valley" and p.lat is None and p.lon is None and p.geonameid is None
    assert [w.code for w in out.warnings] == ["place-unresolved"]
    assert out.warnings[0].span == p.span


def test_unknown_single_word_is_left_out_with_a_warning(stage: Any, article_of: Any) -> None:
    text = "Qzzyxa said the talks would go on."
    (out,) = stage.process([article_of(text, ("Qzzyxa", "GPE"))])
    assert out.places == ()
    assert [w.code for w in out.warnings] == ["place-unknown-word"]


def test_name_used_as_a_place_elsewhere_is_a_place_everywhere(stage: Any) -> None:
    text = "Voters in Bakersfield went to the polls. Bakersfield officials counted ballots."
    places = run(stage, text, ("Bakersfield", "GPE"), ("Bakersfield", "ORG"))
    assert len(places) == 2 and {p.country for p in places} == {"US"}


def test_curated_region(stage: Any) -> None:
    text = "Fighting resumed in Nagorno-Karabakh."
    (p,) = run(stage, text, ("Nagorno-Karabakh", "ORG"))
    assert p.feature == "RGN" and p.geonameid is None
    assert abs(p.lat - 39.8) < 1 and abs(p.lon - 46.7) < 1  # type: ignore[operator]


def test_capitalised_dateline(stage: Any) -> None:
    text = "BAKU, Azerbaijan — The ministry said on Monday that talks would resume."
    places = run(stage, text, ("Azerbaijan", "GPE"))
    assert by_text(places, "BAKU").country == "AZ"


def test_untagged_admin_unit_and_repeated_name(stage: Any) -> None:
    text = "Deputies from Kanawha County responded. Flooding hit Tulsa on Monday; in Tulsa schools closed."
    places = run(stage, text, ("Tulsa", "GPE"))
    assert [p.span.text for p in places] == ["Kanawha County", "Tulsa", "Tulsa"]
    assert {p.country for p in places} == {"US"}


def test_capitalised_common_word_is_not_a_place(stage: Any) -> None:
    text = "Commerce officials said commerce was slowing."
    assert run(stage, text, ("Commerce", "GPE")) == ()


def test_dateline_after_the_headline(stage: Any) -> None:
    text = "Council approves budget. TULSA — The city council approved the budget on Monday."
    (p,) = run(stage, text)
    assert p.span.text == "TULSA" and p.country == "US"


def test_country_name_with_and_split_by_the_model(stage: Any) -> None:
    text = "Officials from Bosnia and Herzegovina met in Paris."
    places = run(stage, text, ("Bosnia", "GPE"), ("Herzegovina", "PERSON"), ("Paris", "GPE"))
    assert [p.span.text for p in places][0] == "Bosnia and Herzegovina"
    assert places[0].country == "BA"


def test_town_inside_a_longer_organisation_name_is_not_taken(stage: Any) -> None:
    text = "The fair opened at the Lagos World Trade Centre on Monday."
    places = run(stage, text, ("the Lagos World Trade Centre", "ORG"))
    assert [p.span.text for p in places] == ["Lagos"]


def test_article_without_entities_gets_no_places(stage: Any) -> None:
    assert run(stage, "nothing here names a place.") == ()


def test_a_country_naming_a_currency_is_not_a_place(stage: Any) -> None:
    # "the US dollar" says nothing about where the protest was: it must not pull Paris to Texas
    text = "Protesters angry at the US dollar exchange rate marched in Paris."
    places = run(stage, text, ("US", "GPE"), ("Paris", "GPE"))
    assert [p.span.text for p in places] == ["Paris"]
    assert places[0].country == "FR"


def test_district_of_a_province_is_read_inside_it(stage: Any) -> None:
    # "X county of Y": Y contains X (the largest Orange County is in California)
    text = "Crews from California fought fires in Orange County of Florida on Sunday."
    places = run(stage, text, ("California", "GPE"), ("Orange County", "GPE"), ("Florida", "GPE"))
    assert by_text(places, "Orange County").admin1 == "Florida"


def test_a_typed_name_spelled_another_way_is_read_in_the_articles_country(stage: Any) -> None:
    text = "Fires spread across Kalifornia state, officials in Los Angeles said."
    places = run(stage, text, ("Kalifornia state", "GPE"), ("Los Angeles", "GPE"))
    state = by_text(places, "Kalifornia state")
    assert state.name == "California" and state.feature == "ADM1"
    # a bare unknown word is not guessed at
    alone = run(stage, "Fires spread across Kalifornia, officials in Los Angeles said.", ("Kalifornia", "GPE"), ("Los Angeles", "GPE"))
    assert all(p.span.text != "Kalifornia" for p in alone)
    # nor a name with the same consonants that does not look like the state's (k-l-f-r-n)
    other = run(stage, "Fires spread across Kelfren state, officials in Los Angeles said.", ("Kelfren state", "GPE"), ("Los Angeles", "GPE"))
    assert all(p.span.text != "Kelfren state" or p.name != "California" for p in other)


def test_an_alternate_name_with_city_does_not_hide_the_other_towns() -> None:
    # one Kesta has the alternate name "Kesta City"; the other Kestas stay candidates
    from tidings.geo.gazetteer import Candidate
    from tidings.geo.recognize import Toponym
    from tidings.geo.stage import PlaceStage

    far = Candidate(1, 1, "Kesta", 10.0, 10.0, "XA", None, None, "PPLC", 900_000)
    near = Candidate(2, 2, "Kesta", -30.0, 140.0, "XB", None, None, "PPL", 200_000)
    gaz = {"Kesta City": (far,), "Kesta": (far, near)}
    cands = PlaceStage()._candidates(Toponym(0, 10, "Kesta City", "entity"), lambda n: gaz.get(n, ()))
    assert [c.pid for c in cands] == [1, 2]
