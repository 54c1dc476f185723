"""Places stage: names the model cut short or mislabelled, codes, typed names and containers
the model left untagged (sentences written for these tests; the small test gazetteer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tidings.geo.fold import is_city_code, is_code
from tidings.geo.gazetteer import Candidate, open_gazetteer
from tidings.geo.recognize import Toponym
from tidings.geo.stage import PlaceStage


def read(stage: Any, article: Any) -> dict[str, tuple[str | None, str | None]]:
    (out,) = stage.process([article])
    return {p.span.text: (p.feature, p.country) for p in out.places}


def test_a_name_cut_short_is_extended_when_the_longer_name_is_a_place(stage: Any, article_of: Any) -> None:
    text = "Flooding closed roads in Kansas City on Monday."
    got = read(stage, article_of(text, ("Kansas", "GPE")))
    assert got == {"Kansas City": ("PPL", "US")}


def test_a_longer_run_that_names_no_place_is_not_taken(stage: Any, article_of: Any) -> None:
    text = "Fans of Kansas Wildcats gathered on Monday."
    got = read(stage, article_of(text, ("Kansas", "GPE")))
    assert list(got) == ["Kansas"]


def test_city_codes_match_only_in_capitals(gazetteer_path: Any) -> None:
    gaz = open_gazetteer(gazetteer_path)
    assert is_city_code("NYC") and not is_city_code("Nyc") and is_code("J&K") and not is_code("Ein")
    assert any(c.name == "New York City" for c in gaz.lookup("NYC"))
    assert not any(c.name == "New York City" for c in gaz.lookup("Nyc"))


def test_a_name_typed_as_a_city_is_read_as_a_town(stage: Any, article_of: Any) -> None:
    text = "Traders protested in Lagos city over new fees."
    got = read(stage, article_of(text, ("Lagos city", "GPE")))
    assert got["Lagos city"] == ("PPL", "NG")


def test_a_town_the_model_called_a_people_after_in_is_a_place(stage: Any, article_of: Any) -> None:
    text = "Fighting broke out in Mogadishu while Somalis and the AU watched."
    got = read(stage, article_of(text, ("Mogadishu", "NORP"), ("Somalis", "NORP"), ("AU", "NORP")))
    assert got["Mogadishu"] == ("PPLC", "SO")
    assert "AU" not in got  # an acronym, not a town


def test_an_untagged_division_in_parentheses_is_the_container(stage: Any, article_of: Any) -> None:
    text = "Residents rallied in Paris (Texas) against the closure of a clinic."
    got = read(stage, article_of(text, ("Paris", "GPE")))
    assert got["Texas"] == ("ADM1", "US")
    assert got["Paris"] == ("PPL", "US")


def test_typed_names_prefer_the_level_their_word_says() -> None:
    state = Candidate(1, 1, "Kesta", 10.0, 10.0, "XA", None, None, "ADM1", 900_000)
    municipality = Candidate(2, 2, "Kesta", 11.0, 11.0, "XB", None, None, "ADM2", 1_200_000)
    town = Candidate(3, 3, "Kesta", 12.0, 12.0, "XC", 9, None, "PPL", 30_000)
    table = {"Kesta": (municipality, state, town)}

    def lookup(name: str) -> tuple[Candidate, ...]:
        return table.get(name, ())

    stage = PlaceStage()
    assert stage._candidates(Toponym(0, 11, "Kesta state", "entity"), lookup) == (state,)
    # a district is also known by the town it is named after ("Golbasi district of Adiyaman")
    assert set(stage._candidates(Toponym(0, 14, "Kesta district", "entity"), lookup)) == {municipality, state, town}
    assert town not in stage._candidates(Toponym(0, 12, "Kesta county", "entity"), lookup)


def test_a_town_annotated_with_the_division_of_its_own_name_reads_as_both(stage: Any, article_of: Any) -> None:
    text = "Riots broke out in Lagos (Lagos) on Monday."
    (out,) = stage.process([article_of(text, ("Lagos", "GPE"), ("Lagos", "GPE"))])
    assert [(p.feature, p.country) for p in out.places] == [("PPL", "NG"), ("ADM1", "NG")]


def test_a_quarter_named_after_its_city_with_a_hyphen_reads_as_the_city(stage: Any, article_of: Any) -> None:
    text = "Gunmen attacked a checkpoint in Mogadishu-Wadajir district on Monday."
    got = read(stage, article_of(text, ("Mogadishu-Wadajir district", "GPE")))
    assert got["Mogadishu-Wadajir district"] == ("PPLC", "SO")
    # a hyphenated name whose head is no big town stays unknown
    text = "Gunmen attacked a checkpoint in Garowe-Dayax district on Monday."
    assert read(stage, article_of(text, ("Garowe-Dayax district", "GPE"))).get("Garowe-Dayax district", (None, None))[0] is None


def test_names_the_gazetteer_nests_are_places_whatever_the_model_called_them(stage: Any, article_of: Any) -> None:
    text = "Gunmen attacked a checkpoint on the main road (Odessa, Texas) at night."
    got = read(stage, article_of(text, ("Odessa", "PERSON"), ("Texas", "PERSON")))
    assert got["Odessa"] == ("PPL", "US") and got["Texas"] == ("ADM1", "US")


def test_two_names_side_by_side_are_chained_only_when_the_gazetteer_nests_them(article_of: Any) -> None:
    from tidings.geo.recognize import _chained

    def town(pid: int, name: str, country: str, adm1: int | None) -> Candidate:
        return Candidate(pid, pid, name, 1.0, 1.0, country, adm1, None, "PPL", 2_000)

    table = {
        "Kesta": (town(1, "Kesta", "XB", 10),),
        "Lomar": (town(2, "Lomar", "XB", 10),),
        "Varo": (town(3, "Varo", "XC", 20),),
    }
    lookup = lambda name: table.get(name, ())  # noqa: E731
    text = "Two men (Kesta, Lomar) met two women (Kesta, Varo)."
    a = article_of(text, ("Kesta", "PERSON"), ("Lomar", "PERSON"), ("Kesta", "PERSON"), ("Varo", "PERSON"))
    got = [(t.text, t.start) for t in _chained(a, lookup, [], frozenset())]
    assert got == [("Kesta", text.index("Kesta")), ("Lomar", text.index("Lomar"))]


@pytest.mark.parametrize(
    ("text", "whole", "cut", "stray"),
    [
        # "Dali" of "Ad Dali": the Arabic article; "As Varo" is no place's name
        ("Shelling hit Ad Kesta and As Varo on Monday.", "Ad Kesta", "Kesta", "Varo"),
        # "Shaaf" of "Khabb wa ash Shaaf" (wa: "and"); "Tuhama wa ash Shaaf" is no place's name
        ("Airstrikes targeted Khabb wa ash Shaaf district; Tuhama wa ash Shaaf was spared.", "Khabb wa ash Shaaf", "Shaaf", "Shaaf was"),
    ],
)
def test_a_name_cut_after_its_arabic_article_or_wa_is_extended_when_the_whole_is_a_place(text: str, whole: str, cut: str, stray: str) -> None:
    from tidings.geo.recognize import _extend_before

    lookup = _knowing({whole: Candidate(1, 1, whole, 1.0, 1.0, "XB", None, None, "ADM1", 0)})
    s = text.index(cut)
    assert _extend_before(text, s, s + len(cut), lookup) == text.index(whole)
    o = text.index(stray)
    width = len(stray.split()[0])
    assert _extend_before(text, o, o + width, lookup) == o


def test_a_transliteration_without_its_final_h_is_the_places_own_name() -> None:
    from tidings.geo.recognize import _plausible

    hamah = Candidate(1, 1, "Ḩamāh", 35.1, 36.8, "XB", None, None, "ADM1", 750_000)
    alias_only = Candidate(2, 2, "Ōno-hara", 35.0, 139.0, "XC", None, None, "PPL", 26_000)
    assert _plausible("hama", "Hama", (hamah,), set(), strict=True)  # "Hama Airbase"
    assert not _plausible("hama", "Hama", (alias_only,), set(), strict=True)


def test_a_name_and_its_container_are_one_name_after_a_comma_not_in_parentheses() -> None:
    from tidings.geo.stage import _whole

    text = "Protests in Washington, D.C. and in San Isidro (Buenos Aires)."
    w, dc = text.index("Washington"), text.index("D.C.")
    s, b = text.index("San Isidro"), text.index("Buenos Aires")
    assert _whole(text, Toponym(w, w + 10, "Washington", "entity"), Toponym(dc, dc + 4, "D.C.", "entity")) == "Washington, D.C."
    assert _whole(text, Toponym(s, s + 10, "San Isidro", "entity"), Toponym(b, b + 12, "Buenos Aires", "entity")) == ""


def test_a_name_cut_before_a_persian_ezafe_is_extended_when_the_whole_is_a_place() -> None:
    from tidings.geo.recognize import _extend_known

    lookup = _knowing({"Kut e Abdollah": Candidate(1, 1, "Kūt-e ‘Abdollāh", 31.2, 48.6, "IR", None, None, "PPL", 56252)})
    text = "Workers in Kut e Abdollah protested; workers in Kut e Sorkh did not."
    k = text.index("Kut")
    assert _extend_known(text, k, k + 3, lookup) == k + len("Kut e Abdollah")
    s = text.index("Kut e Sorkh")
    assert _extend_known(text, s, s + 3, lookup) == s + 3  # the longer name is no place's: left as it was


def test_a_generic_arabic_head_alone_is_not_the_place_of_an_unknown_name() -> None:
    from tidings.geo.stage import _known_prefix

    ain = Candidate(1, 1, "Ain", 46.1, 5.2, "FR", None, None, "ADM2", 600_000)
    kesta = Candidate(2, 2, "Kesta", 10.0, 10.0, "XA", None, None, "ADM1", 200_000)
    lookup = _knowing({"Ain": ain, "Kesta": kesta})
    top, cands = _known_prefix(Toponym(0, 11, "Ain Oussara", "entity"), lookup)
    assert cands == () and top.text == "Ain Oussara"  # "Ain" (a spring) opens many names
    top, cands = _known_prefix(Toponym(0, 13, "Kesta Gardens", "entity"), lookup)
    assert cands == (kesta,) and top.text == "Kesta"


def _knowing(table: dict[str, Candidate]) -> Callable[[str], tuple[Candidate, ...]]:
    """A lookup that knows one reading of each name in ``table`` and nothing else."""
    return lambda name: (table[name],) if name in table else ()
