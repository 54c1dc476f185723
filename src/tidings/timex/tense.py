"""The tense of the clause a time expression sits in, read from the dependency parse."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..model import Token
from .normalise import Tense

FUTURE_AUX = frozenset({"will", "'ll", "\u2019ll", "shall", "wo", "would", "'d"})
FUTURE_HEADS = frozenset({"be", "go", "plan", "expect", "schedule", "intend", "aim", "hope", "set", "due", "want", "forecast", "slate",
                          "agree", "promise", "vow", "pledge", "likely"})  # "agreed to meet on Friday", "likely to touch 44C on Saturday": ahead
HAVE = frozenset({"have", "has", "had", "'ve", "\u2019ve"})
MODAL_PERFECT = frozenset({"may", "might", "must", "could", "would", "should", "can"})
#: Verbs whose infinitive happens when they do ("failed to find", "managed to leave", "refused to
#: comment"), unlike verbs of plans ("agreed to meet on Friday": the meeting is ahead).
IMPLICATIVE = frozenset({
    "fail", "manage", "refuse", "decline", "try", "attempt", "begin", "start", "continue", "help", "seem",
    "appear", "happen", "rush", "struggle", "hesitate", "neglect", "bother", "dare", "tend",
})  # fmt: skip
#: Modals of possibility or obligation: what they speak of is still ahead ("may fall on Monday").
POSSIBLE = frozenset({"may", "might", "should", "must", "can"})
#: Participles of judging: "could be described as" speaks of now, not of a time ahead.
HEDGES = frozenset({"describe", "see", "consider", "call", "characterize", "characterise", "regard", "view", "term", "judge"})
NEGATIVE = frozenset({"not", "n't", "never", "neither", "no", "none", "nobody", "nothing", "nor", "hardly"})
MAX_HOPS = 8


class TenseIndex:
    """Looks up the governing verb of a character offset; built once per article (O(n))."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        children: dict[int, list[int]] = {}
        below: dict[int, list[int]] = {}
        for t in tokens:
            if t.head != t.i:
                below.setdefault(t.head, []).append(t.i)
                if t.dep in ("aux", "auxpass"):
                    children.setdefault(t.head, []).append(t.i)
        for t in tokens:  # "will" hung on the "be" of "will be closed": an auxiliary of "closed" too
            up = tokens[t.head]
            if t.dep in ("aux", "auxpass") and t.head != t.i and up.dep in ("aux", "auxpass") and up.head != up.i:
                children.setdefault(up.head, []).append(t.i)
        self.aux = children
        #: every token's dependents (built once: looking them up must not scan the article)
        self.below = below
        #: verbs with a direct object (a plan needs one: "scheduled a hearing")
        self.with_object = frozenset(t.head for t in tokens if t.dep == "dobj" and t.head != t.i)

    def token_at(self, offset: int) -> int | None:
        i = bisect_right(self.starts, offset) - 1
        return i if 0 <= i < len(self.tokens) else None

    def verb_of(self, i: int) -> int | None:
        for _ in range(MAX_HOPS):
            t = self.tokens[i]
            if t.pos in ("VERB", "AUX") and t.dep not in ("aux", "auxpass"):
                return i
            if t.head == i:
                return None
            i = t.head
        return None

    def _verb_at(self, offset: int) -> int | None:
        """The verb governing the token at a character offset."""
        i = self.token_at(offset)
        return None if i is None else self.verb_of(i)

    def tense_at(self, offset: int) -> Tense:
        i = self.token_at(offset)
        v = None if i is None else self.verb_of(i)
        if v is None:
            return "none"
        # "warnings on Thursday that strikes could do harm": a time before the clause's "that"
        # is not in the clause (a parse that hangs it there is wrong), so its "could" is not the
        # time's; nor is it a day of a noun ("could be up on May 22's figure")
        before = i is not None and any(self.tokens[j].dep == "mark" and i < j < v for j in self.below.get(v, ()))
        tense = self.tense_of(v, could=not before and not self._possessive(i))
        verb = self.tokens[v]
        if (verb.tag == "VBG" or (verb.tag == "VB" and verb.dep == "conj")) and not self.aux.get(v) and verb.head != v:
            # "would leave ..., with the third departing each Thursday from August 6": a bare
            # participle takes the future of the clause it hangs on; "will last two days and end
            # on Friday": a bare verb joined to one with "will" (or "to", or a modal) shares it
            up = self.verb_of(verb.head)
            if up is not None and up != v and (above := self.tense_of(up)) == "future":
                return above
        return tense

    def verb_lemma_at(self, offset: int) -> str:
        v = self._verb_at(offset)
        return "" if v is None else self.tokens[v].lemma.lower()

    def schedules_at(self, offset: int, lemmas: frozenset[str]) -> bool:
        """Whether the clause's verb is a finite verb of planning with an object, not a plan
        already overtaken ("has scheduled a hearing Monday"; not "a service planned for
        Monday was cancelled", "had planned", "planned to pay"): the plan needs its object."""
        v = self._verb_at(offset)
        if v is None or self.tokens[v].lemma.lower() not in lemmas or self.tokens[v].dep in ("acl", "amod", "relcl"):
            return False
        if self.tokens[v].tag in ("VBZ", "VBP"):  # "plans to hold a rally Tuesday"
            return True
        return v in self.with_object and not self._pluperfect(v)

    def adverb_of(self, offset: int) -> int | None:
        """The verb the time at ``offset`` hangs on through prepositions only ("collapsed on
        March 20", "opens Monday"); None when it qualifies a noun ("a cutback in September",
        "the March 8 incident"), is what the clause is about, or is coordinated ("March and April")."""
        i = self.token_at(offset)
        if i is None:
            return None
        first = i
        if self.tokens[i].dep in ("nsubj", "nsubjpass", "dobj", "attr", "appos"):
            return None  # the date is what the clause is about ("March/April sold at 4,340")
        for _ in range(MAX_HOPS):
            t = self.tokens[i]
            if t.pos in ("VERB", "AUX") and t.dep not in ("aux", "auxpass"):
                if self.tokens[first].dep == "npadvmod" and first < i:
                    return None  # a bare date before its verb is no adverb of it: "away, Sept. 14, the ..."
                return i
            if t.head == i or (i != first and t.pos not in ("ADP", "PROPN", "NUM")) or t.dep in ("conj", "compound", "amod"):
                return None
            i = t.head
        return None

    def settled_at(self, offset: int, forward: frozenset[str]) -> bool:
        """Whether the time at ``offset`` is an adverb of a verb that tells a finished act and
        does not look ahead ("collapsed on March 20", "who took office in January"; not
        "extended to", "decided to admit ... in March", "a cutback in September")."""
        v = self.adverb_of(offset)
        if v is None:
            return False
        t = self.tokens[v]
        if t.lemma.lower() in forward or not self._done(v):
            return False
        # "decided to admit them in March": the infinitive looks ahead from its verb
        return not (t.dep == "xcomp" and self.tokens[t.head].lemma.lower() in forward)

    def _done(self, v: int) -> bool:
        """A verb form that tells a finished act: "collapsed", "was arrested", "has closed", or a
        reduced relative ("a law passed in May"); not a noun parsed as a participle ("at sundown")."""
        verb = self.tokens[v]
        if verb.tag == "VBD":
            return True
        return verb.tag == "VBN" and (bool(self.aux.get(v)) or verb.dep in ("acl", "relcl"))

    def timetabled_at(self, offset: int, verbs: frozenset[str], passives: frozenset[str], strict: bool = False) -> bool:
        """Whether the clause is a simple present of a timetable verb ("opens", "meet") or a
        present passive of expectation ("is expected", "are scheduled"); not a report ("says")."""
        # a calendar date must hang on the verb ("faces a count over the March 8 incident" is
        # the noun's date); a weekday reads the clause's verb ("Monday night's caucuses")
        v = self.adverb_of(offset) if strict else self._verb_at(offset)
        if v is None:
            return False
        verb = self.tokens[v]
        lemma = verb.lemma.lower()
        auxes = [self.tokens[j] for j in self.aux.get(v, ())]
        if verb.tag in ("VBZ", "VBP") and not auxes:
            # not a verb of seeming or saying with a clause of its own ("appears to be", "says that")
            return lemma in verbs and not any(self.tokens[j].dep in ("xcomp", "ccomp") for j in self.below.get(v, ()))
        if verb.tag == "VBN" and lemma in passives:
            return any(a.tag in ("VBZ", "VBP") for a in auxes) and not any(a.tag in ("VBD", "MD") for a in auxes)
        return False

    def _possessive(self, i: int | None) -> bool:
        """Whether token ``i`` is a possessive ("Tuesday's", "May 22's")."""
        if i is None:
            return False
        n = len(self.tokens)
        return any(
            self.tokens[j].dep == "poss" or (j + 1 < n and self.tokens[j + 1].tag == "POS") for j in (i, *self.below.get(i, ()))
        )

    def period_of_results_at(self, offset: int, words: re.Pattern[str]) -> bool:
        """Whether the noun at ``offset`` (a quarter) names the period of a result in ``words``:
        "fourth-quarter earnings", "a loss for the fourth quarter", "will report a profit for
        the quarter"; not "will continue into the fourth quarter"."""
        i = self.token_at(offset)
        if i is None:
            return False
        tokens = self.tokens

        def result(j: int) -> bool:
            return bool(words.fullmatch(tokens[j].text) or words.fullmatch(tokens[j].lemma))

        t = tokens[i]
        if t.head == i:
            return False
        if t.dep in ("compound", "amod", "nmod", "npadvmod"):  # "fourth-quarter (net) earnings"
            h = tokens[t.head]
            return result(t.head) or (h.dep in ("compound", "amod", "nmod") and h.head != t.head and result(h.head))
        if t.dep == "pobj":  # "a loss for the quarter", "report a loss ... for the quarter"
            g = tokens[t.head].head
            if result(g):
                return True
            if tokens[g].pos in ("VERB", "AUX"):
                return any(tokens[j].dep in ("dobj", "nsubj", "nsubjpass", "attr") and result(j) for j in self.below.get(g, ()))
        return False

    def set_in_past_at(self, offset: int, lemmas: frozenset[str]) -> bool:
        """Whether the time hangs on a past passive of planning ("Sentencing was set for Sept.
        22", "were scheduled for March"), not a plan already overtaken ("had been scheduled")."""
        v = self.adverb_of(offset)
        if v is None or self.tokens[v].tag != "VBN" or self.tokens[v].lemma.lower() not in lemmas:
            return False
        return self._past(v) and not self._pluperfect(v)

    def governing_tense_at(self, offset: int) -> Tense:
        """The tense of the clause above the verb at ``offset`` ("will go ahead as planned":
        the tense of "go", not of "planned")."""
        v = self._verb_at(offset)
        if v is None or self.tokens[v].head == v:
            return "none"
        up = self.verb_of(self.tokens[v].head)
        return "none" if up is None or up == v else self.tense_of(up)

    def since_clause_at(self, offset: int) -> bool:
        """Whether the time sits in a gerund clause opened by "since" ("Since taking office in
        January, she has ...")."""
        v = self._verb_at(offset)
        if v is None or self.tokens[v].tag != "VBG":
            return False
        head = self.tokens[self.tokens[v].head]
        return head.text.lower() == "since" or any(self.tokens[j].text.lower() == "since" for j in self.below.get(v, ()))

    def opened_by_since_at(self, offset: int) -> bool:
        """Whether the time's clause is opened by "since" ("since the campaign began on March 26")."""
        v = self._verb_at(offset)
        return v is not None and any(self.tokens[j].text.lower() == "since" and self.tokens[j].dep == "mark" for j in self.below.get(v, ()))

    def present_perfect_at(self, offset: int) -> bool:
        """Whether the clause is in the present perfect ("has forecast rain till Sunday", "have been suspended")."""
        v = self._verb_at(offset)
        if v is None:
            return False
        words = {self.tokens[j].text.lower() for j in self.aux.get(v, ())}
        return bool(words & (HAVE - {"had"})) and not words & MODAL_PERFECT

    def set_as_object_at(self, offset: int, lemmas: frozenset[str]) -> bool:
        """Whether the time is what a verb of setting sets: its object ("fixed March 9 as polling
        day") or the end it moves to ("extended the deadline to March 9")."""
        i = self.token_at(offset)
        if i is None:
            return False
        t = self.tokens[i]
        while t.dep in ("compound", "nummod") and t.head != t.i:  # "9" of "March 9"
            t = self.tokens[t.head]
        head = self.tokens[t.head]
        as_after = any(self.tokens[j].text.lower() == "as" and self.tokens[j].head == t.head for j in range(t.i + 1, min(t.i + 4, len(self.tokens))))
        if t.dep == "pobj" and head.text.lower() in ("to", "for", "until", "till") and head.head != head.i:
            head = self.tokens[head.head]
        elif t.dep != "dobj" and not (t.dep == "npadvmod" and as_after):  # a parse of "fixed March 9 as polling day"
            return False
        return head.pos in ("VERB", "AUX") and head.lemma.lower() in lemmas

    def passive_at(self, offset: int) -> bool:
        """Whether the clause's verb is a passive participle ("have been suspended")."""
        v = self._verb_at(offset)
        return v is not None and self.tokens[v].tag == "VBN" and any(self.tokens[j].lemma.lower() == "be" for j in self.aux.get(v, ()))

    def pluperfect_at(self, offset: int) -> bool:
        """Whether the clause is in the pluperfect ("had been due to expire Friday")."""
        v = self._verb_at(offset)
        for _ in range(3):
            if v is None:
                return False
            if self._pluperfect(v):
                return True
            up = self.tokens[v].head
            v = self.tokens[up].head if self.tokens[up].dep == "acomp" else (up if up != v else None)
        return False

    def tense_of(self, v: int, could: bool = True) -> Tense:
        """The tense of verb ``v``; ``could`` False when a "could" on it is not to be read as a
        possibility ahead."""
        verb = self.tokens[v]
        auxes = [self.tokens[j] for j in self.aux.get(v, ())]
        words = {a.text.lower() for a in auxes}
        if verb.tag == "VBN" and words & HAVE and words & MODAL_PERFECT:
            return "past"  # "may have been": a guess about the past
        if words & FUTURE_AUX:
            return "future"
        if "to" in words and (verb.tag == "VB" or (verb.tag == "VBN" and "be" in words)):  # "to meet", "to be arraigned"
            head = self.tokens[verb.head]
            lemma = head.lemma.lower()
            # "had been due to expire": the tense sits on the copula that governs the adjective
            gov = head.head if head.dep == "acomp" else verb.head
            if lemma in FUTURE_HEADS and verb.head != v:
                return "past" if self._pluperfect(gov) or (lemma in ("be", "due") and self._past(gov)) else "future"
            if lemma in IMPLICATIVE and verb.head != v and head.pos in ("VERB", "AUX"):
                return self.tense_of(verb.head)  # "failed to find a buyer over the weekend": when it failed
            if verb.head == v or (verb.dep in ("relcl", "acl") and head.dep == "ROOT" and head.pos in ("NOUN", "PROPN")
                                  and not any(self.tokens[j].tag == "." for j in self.below.get(verb.head, ()))):
                return "future"  # a headline's "Apple to unveil iPad 2 on Wednesday": no verb above it, a plan
        if any(a.tag == "MD" and a.lemma.lower() in POSSIBLE for a in auxes):
            return "future"
        if could and "could" in words and not self._negated(v) and not (verb.tag == "VBN" and verb.lemma.lower() in HEDGES):
            # "could strengthen on Wednesday"; not "could not be reached Friday" (a past inability)
            # nor "the climate in February could be described as" (a judgement of now)
            return "future"
        if verb.tag == "VBD" or any(a.tag == "VBD" for a in auxes):
            return "past"
        if verb.tag == "VBN":
            if not auxes or words & HAVE:
                return "past"
            return "present"
        if verb.tag in ("VBZ", "VBP", "VBG", "VB"):
            return "present"
        return "none"

    def _negated(self, v: int) -> bool:
        """Whether the clause of ``v`` is denied: "could not", "never could", "Neither he nor ...
        could", "No one could", "could give no reason"."""
        for j in self.below.get(v, ()):
            t = self.tokens[j]
            if t.dep == "neg" or (t.dep == "advmod" and t.text.lower() in NEGATIVE):
                return True
            if t.dep in ("nsubj", "nsubjpass", "dobj") and (
                t.text.lower() in NEGATIVE or any(self.tokens[k].text.lower() in NEGATIVE for k in self.below.get(j, ()))
            ):
                return True
        return False

    def _past(self, v: int) -> bool:
        """Whether the word governing an infinitive is itself in the past ("had been due to")."""
        tok = self.tokens[v]
        auxes = [self.tokens[j] for j in self.aux.get(v, ())]
        return tok.tag == "VBD" or any(a.tag == "VBD" for a in auxes)

    def _pluperfect(self, v: int) -> bool:
        """ "had been scheduled to expire Friday": a plan already in the past."""
        return any(self.tokens[j].text.lower() == "had" for j in self.aux.get(v, ()))
