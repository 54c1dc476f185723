from tidings.model import Article, Entity, Sentence, Span, Token
from tidings.quotes.mentions import Resolver


def article(text: str, names: list[tuple[str, str, str]]) -> Article:
    """Entities by (surface, label, canonical), found in order in the text; crude tokens."""
    ents = []
    pos = 0
    for k, (surface, label, canon) in enumerate(names):
        s = text.index(surface, pos)
        ents.append(Entity(f"e{k}", Span(s, s + len(surface), surface), label, canon))
        pos = s + len(surface)
    toks = []
    sents = []
    off = 0
    first = 0
    for i, w in enumerate(text.split(" ")):
        toks.append(Token(i, off, off + len(w), w, w.lower(), "X", "X", "dep", i))
        if w == ".":  # a sentence per full stop
            sents.append(Sentence(toks[first].start, off + 1, first, i + 1))
            first = i + 1
        off += len(w) + 1
    return Article(id="a", source="t", text=text, tokens=tuple(toks), sentences=tuple(sents), entities=tuple(ents))


def test_pronoun_takes_nearest_person_of_compatible_title() -> None:
    text = "Mrs Ann Rowe met Mr Tom Hill . Later she spoke and he left ."
    art = article(text, [("Ann Rowe", "PERSON", "Ann Rowe"), ("Tom Hill", "PERSON", "Tom Hill")])
    res = Resolver(art)
    she = text.index("she")
    he = text.index("he left")
    assert res.resolve(she, she + 3).canonical == "Ann Rowe"
    assert res.resolve(he, he + 2).canonical == "Tom Hill"
    assert res.resolve(he, he + 2).span.text == "he"


def test_role_noun_takes_titled_person() -> None:
    text = "President Mara Lind and Senator Olaf Berg met . The president said little ."
    art = article(text, [("Mara Lind", "PERSON", "Mara Lind"), ("Olaf Berg", "PERSON", "Olaf Berg")])
    start = text.index("The president")
    assert Resolver(art).resolve(start, start + len("The president")).canonical == "Mara Lind"


def test_org_role_noun_and_pronoun() -> None:
    text = "The Ministry of Water Supply said on Monday . The ministry added that it would act ."
    art = article(text, [("Ministry of Water Supply", "ORG", "Ministry of Water Supply")])
    res = Resolver(art)
    start = text.index("The ministry")
    assert res.resolve(start, start + 12).canonical == "Ministry of Water Supply"
    it = text.index("it would")
    assert res.resolve(it, it + 2).canonical == "Ministry of Water Supply"


def test_named_mention_uses_entity_canonical_and_unknown_is_none() -> None:
    text = "Governor Kim Tal spoke . A man shouted ."
    art = article(text, [("Kim Tal", "PERSON", "Kim Tal")])
    res = Resolver(art)
    assert res.resolve(0, len("Governor Kim Tal")).canonical == "Kim Tal"
    man = text.index("A man")
    assert res.resolve(man, man + 5).canonical is None


def test_gender_from_pronouns_in_the_document() -> None:
    text = "Pat Quill arrived . Pat Quill said she was tired . Lee Moss waved . Then she left ."
    art = article(text, [("Pat Quill", "PERSON", "Pat Quill"), ("Pat Quill", "PERSON", "Pat Quill"),
                         ("Lee Moss", "PERSON", "Lee Moss")])
    res = Resolver(art)
    she = text.index("she left")
    assert res.resolve(she, she + 3).canonical == "Pat Quill"


def test_surname_tagged_as_org_counts_as_the_person() -> None:
    text = "Jane Doyle and Tom Reed met . Doyle spoke first . Later she left ."
    art = article(text, [("Jane Doyle", "PERSON", "Jane Doyle"), ("Tom Reed", "PERSON", "Tom Reed"),
                         ("Doyle", "ORG", "Doyle")])
    she = text.index("she")
    assert Resolver(art).resolve(she, she + 3).canonical == "Jane Doyle"


def test_they_prefers_groups_to_places_and_unmatched_role_is_unknown() -> None:
    text = "Farmers from Norland Union marched in Vestby . They said prices fell . The army stayed away ."
    art = article(text, [("Norland Union", "ORG", "Norland Union"), ("Vestby", "GPE", "Vestby")])
    res = Resolver(art)
    they = text.index("They")
    assert res.resolve(they, they + 4).canonical == "Norland Union"
    army = text.index("The army")
    assert res.resolve(army, army + 8).canonical is None
