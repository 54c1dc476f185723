from tidings.nlp.canonical import canonical_names


def test_people_titles_surnames_and_nearest_full_name() -> None:
    names = canonical_names(
        [("Anna Berg", "PERSON"), ("Carl Berg", "PERSON"), ("Berg", "PERSON"), ("President Anna Berg", "PERSON"),
         ("Mrs. Berg", "PERSON"), ("Anna", "PERSON")]
    )
    assert names == ["Anna Berg", "Carl Berg", "Carl Berg", "Anna Berg", "Anna Berg", "Anna Berg"]


def test_organisations_articles_possessives_and_acronyms() -> None:
    names = canonical_names(
        [("the World Rowing Federation", "ORG"), ("WRF", "ORG"), ("the W.R.F.'s", "ORG"), ("U.S.", "GPE")]
    )
    assert names == ["World Rowing Federation", "World Rowing Federation", "World Rowing Federation", "U.S."]


def test_punctuation_clinging_to_a_name_is_dropped() -> None:
    assert canonical_names([("― Jane Roe", "PERSON")]) == ["Jane Roe"]
