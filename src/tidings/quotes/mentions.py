"""Who a mention refers to, within one article: names, titles, pronouns and role nouns.

No coreference model works offline, so these are rules: a mention that overlaps a named entity
takes the entity's canonical name; "he"/"she" take the nearest preceding person whose title does
not contradict the pronoun; "they"/"it" the nearest organisation; a role noun ("the President",
"the ministry") the nearest person with that title or organisation with that word in its name.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ..model import Article, Entity, Mention, Span
from ..nlp.canonical import TITLES, strip_title
from .index import DocIndex, given_names, role_nouns

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
GROUP = frozenset({"they", "them", "their", "theirs", "themselves", "it", "its", "itself"})
MALE_TITLES = frozenset({"mr", "sir", "king", "prince", "lord", "congressman", "spokesman", "chairman", "businessman"})
FEMALE_TITLES = frozenset(
    {"mrs", "ms", "miss", "madam", "dame", "queen", "princess", "lady", "congresswoman", "spokeswoman", "chairwoman"}
)
NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
PEOPLE = frozenset({"PERSON"})
GROUPS = frozenset({"ORG", "NORP", "GPE"})
_THEY = frozenset({"ORG", "NORP"})
_IT = frozenset({"ORG", "GPE"})
#: How far back (characters) an antecedent may lie.
WINDOW = 3000
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "our"})


#: Pronoun antecedents: a subject this many sentences back beats a nearer non-subject.
SUBJECT_SENTENCES = 2
#: How many named entities back a pronoun looks for the person it votes a gender for.
GENDER_LOOKBACK = 6
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class _Named:
    entity: Entity
    title: str
    gender: str
    subject: bool = False
    sentence: int = 0


class Resolver:
    """Resolves mentions of one article; build once, call :meth:`resolve` many times."""

    def __init__(self, article: Article, index: DocIndex | None = None) -> None:
        self.article = article
        self.index = index or DocIndex.build(article)
        ents = sorted(self._people_by_surname(article), key=lambda e: e.span.start)
        self.sent_starts = tuple(s.start for s in article.sentences)
        named = [self._named(e) for e in ents]
        self.starts = tuple(e.span.start for e in ents)
        genders = self._genders(named)
        self.named = tuple(replace(n, gender=genders.get(n.entity.canonical, "")) for n in named)

    def _people_by_surname(self, article: Article) -> list[Entity]:
        """Named entities, where a lone surname of a person named in full elsewhere (which the
        tagger may have missed or called an ORG: "Sanders said") counts as that person."""
        ents = [e for e in article.entities if e.label in NAMED]
        full: dict[str, str] = {}
        for e in ents:
            words = e.canonical.split()
            if e.label in PEOPLE and len(words) > 1:
                full[words[-1]] = e.canonical if full.get(words[-1], e.canonical) == e.canonical else ""
        out = []
        for e in ents:
            name = full.get(e.canonical, "") if e.label not in PEOPLE else ""
            out.append(Entity(e.id, e.span, "PERSON", name) if name else e)
        covered = {k for e in ents for k in self.index.token_range(e.span.start, e.span.end)}
        for t in self.index.tokens:
            if t.pos == "PROPN" and full.get(t.text) and t.i not in covered:
                out.append(Entity("", Span(t.start, t.end, t.text), "PERSON", full[t.text]))
        return out

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.sent_starts, offset) - 1

    def _named(self, e: Entity) -> _Named:
        ix = self.index
        i = ix.first_token(e.span.start)
        words = [w.lower().strip(".") for w in e.span.text.split()[:-1]]
        if i > 0:
            words.insert(0, ix.tokens[i - 1].text.lower().strip("."))
        title = next((w for w in reversed(words) if w in TITLES or w in role_nouns()), "")
        gender = "m" if set(words) & MALE_TITLES else "f" if set(words) & FEMALE_TITLES else ""
        heads = [
            k
            for k in ix.token_range(e.span.start, e.span.end)
            if ix.tokens[k].dep in _SUBJECT_DEPS and ix.tokens[ix.tokens[k].head].dep in ("ROOT", "conj")
        ]
        return _Named(e, title, gender, bool(heads), self.sentence_of(e.span.start))

    def _genders(self, named: list[_Named]) -> dict[str, str]:
        """Gender of each person: from titles, else from the pronouns that follow the name in
        its sentence with no other person between (majority vote)."""
        votes: dict[str, int] = {}
        for n in named:
            if n.gender and n.entity.label in PEOPLE:
                votes[n.entity.canonical] = votes.get(n.entity.canonical, 0) + (100 if n.gender == "m" else -100)
        for t in self.index.tokens:
            low = t.text.lower()
            if low not in MALE and low not in FEMALE:
                continue
            k = bisect_left(self.starts, t.start) - 1
            stop = k - GENDER_LOOKBACK
            while k > stop and k >= 0 and named[k].entity.label not in PEOPLE:
                k -= 1
            if k >= 0 and named[k].sentence == self.sentence_of(t.start):
                c = named[k].entity.canonical
                votes[c] = votes.get(c, 0) + (1 if low in MALE else -1)
        for n in named:  # a weak prior from the given name where the document says nothing
            c = n.entity.canonical
            if n.entity.label in PEOPLE and not votes.get(c) and " " in c:
                hint = given_names().get(c.split()[0].lower(), "")
                votes[c] = 1 if hint == "m" else -1 if hint == "f" else 0
        return {c: "m" if v > 0 else "f" for c, v in votes.items() if v}

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The named entity overlapping ``start:end`` most (ties: the later one, the head)."""
        best: Entity | None = None
        best_ov = 0
        for k in range(max(0, bisect_left(self.starts, start) - 3), len(self.starts)):
            e = self.named[k].entity
            if e.span.start >= end:
                break
            ov = min(end, e.span.end) - max(start, e.span.start)
            if ov > 0 and ov >= best_ov:
                best, best_ov = e, ov
        return best

    def antecedent(
        self,
        before: int,
        labels: frozenset[str],
        *,
        title: str = "",
        gender: str = "",
        word: str = "",
        surname: str = "",
    ) -> Entity | None:
        """The nearest entity before ``before`` with one of ``labels`` that fits the constraints."""
        k = bisect_left(self.starts, before) - 1
        while k >= 0:
            n = self.named[k]
            if n.entity.span.start < before - WINDOW:
                break
            e = n.entity
            if (
                e.label in labels
                and e.span.end <= before
                and (not title or n.title == title)
                and (not gender or n.gender in ("", gender))
                and (not word or word in e.canonical.lower())
                and (not surname or e.canonical.split()[-1] == surname)
            ):
                return e
            k -= 1
        return None

    def person_for_pronoun(self, before: int, gender: str) -> Entity | None:
        """The antecedent of "he"/"she": among compatible people in the last few sentences, a
        main-clause subject first, then one whose gender is known to match, then the nearest;
        with none there, the nearest compatible person further back."""
        here = self.sentence_of(before)
        best: tuple[int, Entity] | None = None
        k = bisect_left(self.starts, before) - 1
        while k >= 0:
            n = self.named[k]
            e = n.entity
            if e.span.start < before - WINDOW or (here - n.sentence > SUBJECT_SENTENCES and best):
                break
            if e.label in PEOPLE and e.span.end <= before and n.gender in ("", gender):
                score = 2 * n.subject + (n.gender == gender)
                if best is None or score > best[0]:
                    best = (score, e)
            k -= 1
        return best[1] if best else None

    def resolve(self, start: int, end: int) -> Mention:
        """The mention ``start:end`` with its canonical name (None when unknown)."""
        span = self.article.span(start, end)
        return Mention(span, self.canonical(start, end))

    def canonical(self, start: int, end: int) -> str | None:
        ent = self.entity_at(start, end)
        if ent is not None:
            return ent.canonical
        words = [w.lower().strip(".,") for w in self.article.text[start:end].split()]
        if not words:
            return None
        head = words[-1]
        if len(words) == 1 and head in MALE | FEMALE:
            e = self.person_for_pronoun(start, "m" if head in MALE else "f")
            return e.canonical if e else None
        if len(words) == 1 and head in GROUP:
            e = self.antecedent(start, _THEY if head in ("they", "them", "their", "theirs", "themselves") else _IT)
            return e.canonical if e else None
        return self._role(start, words, self.article.text[start:end])

    def _role(self, start: int, words: list[str], raw: str) -> str | None:
        content = [w for w in words if w not in _DETERMINERS]
        head = content[-1] if content else ""
        kind = role_nouns().get(head.rstrip("s") if head not in role_nouns() else head)
        if kind == "person":
            e = self.antecedent(start, PEOPLE, title=head) or self.antecedent(start, PEOPLE, title=head.rstrip("s"))
            return e.canonical if e else None
        if kind in ("org", "anyorg"):
            e = self.antecedent(start, GROUPS, word=head)
            if e is None and kind == "anyorg":
                e = self.antecedent(start, _IT)
            return e.canonical if e else None
        name = _proper_name(raw)
        if name and " " not in name:  # a bare surname spaCy did not tag: "Lopez said"
            e = self.antecedent(start, PEOPLE, surname=name)
            return e.canonical if e else name
        return name


def _proper_name(text: str) -> str | None:
    """A capitalised phrase without its determiner and titles, or None for common nouns."""
    words = [w for w in text.split() if w.lower() not in _DETERMINERS]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    name = strip_title(" ".join(words))
    return name if name.lower() not in role_nouns() else None


def resolve_mention(article: Article, start: int, end: int) -> Mention:
    """One-off resolution of ``article.text[start:end]``; for many, build a :class:`Resolver`."""
    return Resolver(article).resolve(start, end)
