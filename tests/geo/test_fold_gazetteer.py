from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tidings.errors import GazetteerError
from tidings.geo.fold import fold, is_latin
from tidings.geo.gazetteer import Gazetteer


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Xocalı", "xocali"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("U.S.", "us"),
        ("St. Louis", "st louis"),
        ("Łódź", "lodz"),
        ("The Hague", "hague"),
        ("  Kismaayo ,  Lower Juba ", "kismaayo lower juba"),
    ],
)
def test_fold(name: str, key: str) -> None:
    assert fold(name) == key


def test_is_latin() -> None:
    assert is_latin("Laçın")
    assert not is_latin("Москва")
    # Latin Extended Additional and the ʻayn of Arabic transliterations are Latin script
    assert is_latin("Laḩij") and is_latin("Aḑ Ḑāli‘") and is_latin("Tāʻizz")
    assert fold("Laḩij") == "lahij" and fold("Tāʻizz") == "taizz"
    # consonant-only transliterations in lower case are not names to match ("ʼnzh" for Angers)
    assert not is_latin("ʼnzh") and not is_latin("bʼt")


def test_regions_are_found_by_their_english_names(gazetteer_path: Path) -> None:
    g = Gazetteer(gazetteer_path)
    # the test build holds Somalia: its regions by their English names too
    assert any(c.feature == "ADM1" and c.country == "SO" for c in g.lookup("Lower Shabelle"))


def test_build_is_complete_and_atomic(gazetteer_path: Path) -> None:
    g = Gazetteer(gazetteer_path)
    info = g.info()
    assert int(info["places"]) > 10_000
    assert int(info["names"]) > int(info["places"])
    assert not list(gazetteer_path.parent.glob("*.tmp"))


def test_lookup_is_by_folded_key(gazetteer_path: Path) -> None:
    g = Gazetteer(gazetteer_path)
    a = g.lookup("Laçın")
    b = g.lookup("LACHIN")
    assert a and {c.pid for c in a} == {c.pid for c in b}
    assert all(c.country == "AZ" for c in a)
    assert g.lookup("no such place anywhere") == ()


def test_countries_divisions_and_curated_regions(gazetteer_path: Path) -> None:
    g = Gazetteer(gazetteer_path)
    (ng,) = g.country("NG")
    assert ng.feature == "PCLI" and 4 < ng.lat < 14 and 3 < ng.lon < 15
    texas = [c for c in g.lookup("Texas") if c.feature == "ADM1"]
    assert texas and texas[0].country == "US" and 28 < texas[0].lat < 35
    assert any(c.feature == "ADM1" and c.country == "US" for c in g.lookup("Tenn."))
    region = [c for c in g.lookup("Donbass") if c.feature == "RGN"]
    assert region and region[0].country == "UA"


def test_a_file_of_another_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
    con.execute("INSERT INTO meta VALUES ('version', '0')")
    con.commit()
    con.close()
    with pytest.raises(GazetteerError, match="another version"):
        Gazetteer(path)


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tidings.geo.gazetteer import default_path

    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path))
    assert default_path().parent == tmp_path


def test_skeleton_joins_spellings_that_differ_in_vowels_doubles_and_articles() -> None:
    from tidings.geo.fold import skeleton

    assert skeleton(fold("Orikhove")) == skeleton(fold("Orekhovo")) != ""
    assert skeleton(fold("Galkayo")) == skeleton(fold("Gaalkacyo"))
    assert skeleton(fold("Az Zintan")) == skeleton(fold("Zintan"))
    assert skeleton(fold("Kesta")) != skeleton(fold("Lomar"))
    assert skeleton(fold("Ayn")) == ""  # too short to tell places apart


def test_files_of_older_builds_are_removed_after_a_build(tmp_path: Path) -> None:
    from tidings.geo.gazetteer import FILENAME, remove_stale

    current = tmp_path / FILENAME
    current.write_bytes(b"")
    (tmp_path / "gazetteer-v1.sqlite").write_bytes(b"old")
    (tmp_path / "notes.txt").write_text("kept")
    gone = remove_stale(current)
    assert [p.name for p in gone] == ["gazetteer-v1.sqlite"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([FILENAME, "notes.txt"])


def test_a_divisions_name_less_its_kind_word_is_a_name_too(gazetteer_path: Path) -> None:
    from tidings.geo.build import short_names

    assert short_names(["Baalbek-Hermel Governorate", "Taiz", "Mudug Region"]) == ["Baalbek-Hermel", "Mudug"]
    # what is left must be a name ("The 3rd Province", "Central Region"); counties keep their word
    assert short_names(["The 3rd Province", "Central Region", "North Central Province", "Frederick County"]) == []
    # a kind word in the local language before the name; not when no name is left
    local = ["Arkhabīl Suquţrá", "Provincia de Cañete", "Shahrestān-e Sīrjān", "Politischer Bezirk Zwettl", "Distrito Federal"]
    assert short_names(local) == ["Suquţrá", "Cañete", "Sīrjān", "Zwettl"]
    g = Gazetteer(gazetteer_path)
    # Somalia's Lower Shabelle is also "Shabeele Hoose Region" in GeoNames
    assert any(c.feature == "ADM1" and c.country == "SO" for c in g.lookup("Shabeele Hoose"))
