"""Who a mention refers to, within one article: names, titles, pronouns and role nouns.

No coreference model works offline, so these are rules: a mention that overlaps a named entity
takes the entity's canonical name; "he"/"she" take the nearest preceding person whose title does
not contradict the pronoun; "they"/"it" the nearest organisation; a role noun ("the President",
"the ministry") the nearest person with that title or organisation with that word in its name.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..model import Article, Entity, Mention
from ..nlp.canonical import TITLES, strip_title
from .index import DocIndex, role_nouns

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
#: How far back (characters) an antecedent may lie.
WINDOW = 3000
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "our"})


@dataclass(frozen=True, slots=True)
class _Named:
    entity: Entity
    title: str
    gender: str


class Resolver:
    """Resolves mentions of one article; build once, call :meth:`resolve` many times."""

    def __init__(self, article: Article, index: DocIndex | None = None) -> None:
        self.article = article
        self.index = index or DocIndex.build(article)
        ents = sorted((e for e in article.entities if e.label in NAMED), key=lambda e: e.span.start)
        named = [self._named(e) for e in ents]
        genders: dict[str, str] = {}
        for n in named:
            if n.gender and n.entity.label in PEOPLE:
                genders.setdefault(n.entity.canonical, n.gender)
        self.named = tuple(
            _Named(n.entity, n.title, genders.get(n.entity.canonical, "")) for n in named
        )
        self.starts = tuple(e.span.start for e in ents)

    def _named(self, e: Entity) -> _Named:
        i = self.index.first_token(e.span.start)
        words = [w.lower().strip(".") for w in e.span.text.split()[:-1]]
        if i > 0:
            words.insert(0, self.index.tokens[i - 1].text.lower().strip("."))
        title = next((w for w in reversed(words) if w in TITLES or w in role_nouns()), "")
        gender = "m" if set(words) & MALE_TITLES else "f" if set(words) & FEMALE_TITLES else ""
        return _Named(e, title, gender)

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
            e = self.antecedent(start, PEOPLE, gender="m" if head in MALE else "f")
            return e.canonical if e else None
        if len(words) == 1 and head in GROUP:
            e = self.antecedent(start, GROUPS if head in ("they", "them", "their") else frozenset({"ORG"}))
            return e.canonical if e else None
        return self._role(start, words, self.article.text[start:end])

    def _role(self, start: int, words: list[str], raw: str) -> str | None:
        content = [w for w in words if w not in _DETERMINERS]
        head = content[-1] if content else ""
        kind = role_nouns().get(head.rstrip("s") if head not in role_nouns() else head)
        if kind == "person":
            e = self.antecedent(start, PEOPLE, title=head) or self.antecedent(start, PEOPLE, title=head.rstrip("s"))
            return e.canonical if e else None
        if kind == "org":
            e = self.antecedent(start, GROUPS, word=head) or self.antecedent(start, frozenset({"ORG"}))
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
