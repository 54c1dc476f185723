"""Find, resolve and merge the time expressions of one article."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..model import Article, Sentence, Time, TimeRange, Warning
from . import calendar as cal
from .lexicon import load_lexicon
from .normalise import Context, Impossible, Resolved, Tense, _norm
from .recognise import Candidate, candidates, select
from .resolve import resolve
from .tense import TenseIndex

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|to|and|until|till|through|thru)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_SINCE_THE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
#: A stretch of an earnings report longer than a quarter ("the nine months", "the first six months").
_REPORTING_PERIOD = re.compile(r"the\s+(?:first\s+|latest\s+)?(?:six|nine|6|9)\s+months\b", re.IGNORECASE)
#: Words of a period's results: a quarter they are told of is reported after it ends.
_RESULTS = re.compile(r"results?|earnings|revenues?|sales|profits?|loss(?:es)?|figures|income|net|margins?|charges?|write(?:offs?|downs?)|inflation|data|payrolls|output|exports|imports", re.IGNORECASE)
_WRITTEN_DAYS = frozenset({"cal", "iso", "numeric"})
NOT_ANCHORS = frozenset({"ref", "duration", "vague", "set", "midweek"})


@dataclass(frozen=True, slots=True)
class Found:
    cand: Candidate
    res: Resolved
    start: int
    end: int


def reference_date(article: Article) -> date | None:
    """The day relative times count from: the publication date, or the day of a wire dateline
    opening the story when it is a day or three before it ("New Delhi, February 26 (PTI): The
    Army today said ..." in a paper of the 27th: "today" is the 26th)."""
    m = _ISO_DAY.match(article.published.value or "")
    if not m:
        return None
    try:
        ref = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    line = _DATELINE.search(article.text[:400])
    if line is not None:
        month = load_lexicon().months.get(line["mon"].lower().rstrip("."))
        try:
            told = date(ref.year, month, int(line["day"])) if month else None
        except ValueError:
            told = None
        if told is not None and 0 < (ref - told).days <= 3:
            return told
    return ref


#: A wire dateline opening the story (after a headline): "WARSAW, February 26 (Xinhua) --".
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?-i:[A-Z][A-Za-z.'\u2019 -]{1,40}),\s+(?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<day>[0-3]?\d)\s*"
    r"(?:\([^)\n]{1,30}\)\s*(?:--?|\u2013|\u2014|:)?|--?|\u2013|\u2014|:)"
)


#: Words right before a date that point it forward whatever the verb's tense ("payable Dec. 7")
#: or make its direction open ("until March").
_FORWARD_CUE = re.compile(
    r"\b(?:payable|effective|of\s+record|(?<![\w-]\s)record|due|expires?|expiring|starting|deadline\s+of|as\s+soon\s+as|as\s+early\s+as)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
#: "ahead of the Independence Day celebrations on Sunday", "ahead of Sunday's vote": what is ahead.
_AHEAD_OF = re.compile(r"\bahead\s+(?:of|to)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:on\s+)?$", re.IGNORECASE)
#: A futures contract's month lies ahead ("the December contract", "Brent for January delivery").
_CONTRACT_AFTER = re.compile(r"\s+(?:contracts?|delivery|futures|options|expiry|settlement)\b", re.IGNORECASE)
#: A call for an event on a day: the event is ahead ("have called for further marches on Thursday").
_CALLED_FOR = re.compile(
    r"\bcall(?:s|ed|ing)?\s+for\s+(?:(?:a|an|the|further|fresh|more|new|mass|nationwide|general|another|two|three|\d+)[\s-]+){0,3}(?:[\w-]+\s+)?"
    r"(?:march(?:es)?|protests?|rall(?:y|ies)|strikes?|demonstrations?|sit-ins?|boycotts?|shutdowns?|elections?|votes?|talks|meetings?|referendums?|vigils?)"
    r"\s+(?:(?:on|in|at|to|outside)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?)?(?:on\s+|for\s+|next\s+)?$",
    re.IGNORECASE,
)
#: A verb of saying in the past right before a day: the day is the saying's ("said on
#: Wednesday it would ...", "told reporters Monday he will ...").
_REPORTED = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)\b(?:said|told(?:\s+\w+){0,3}?|announced|added|stated|confirmed|denied|warned|reported|wrote|tweeted)"
    r"\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
_AS_PLANNED = re.compile(r"\bas\s+(?P<p>planned|scheduled|expected|agreed|announced)\s+(?:on\s+|for\s+)?$", re.IGNORECASE)
_OPEN_CUE = re.compile(r"\b(?:until|till|through|by)\s+$", re.IGNORECASE)


#: Kinds that name a day of the coming or the past week: after "until"/"by" they are deadlines.
_DAY_KINDS = frozenset({"weekday", "clock"})
#: Kinds a timetable can date ("opens Monday", "is set for Oct. 10", "kicks off on Labor Day").
_TIMETABLE_KINDS = frozenset({"weekday", "clock", "cal", "holiday", "relweekday"})
_DATE_KINDS = frozenset({"cal", "holiday"})
_ON_A_DAY = re.compile(r"\b(?:is|are)\s+(?:(?:on|for)\s+)?$", re.IGNORECASE)
#: Verbs whose object is an event still to come: a weekday on them looks forward.
SCHEDULE_VERBS = frozenset({"plan", "schedule"})
#: Verbs that move something to a later deadline, even in the past tense ("postponed until Tuesday").
DEADLINE_VERBS = frozenset({"postpone", "extend", "delay", "give", "defer", "adjourn", "grant", "push", "put", "set", "have", "fix"})
#: Verbs of a timetable: in the simple present they tell what is set to happen ("The trial
#: opens Monday", "Polls close at 8 p.m. on Sunday"), not what happens as one writes.
TIMETABLE_VERBS = frozenset({
    "open", "start", "begin", "end", "close", "resume", "reopen", "expire", "kick", "vote",
    "convene", "adjourn", "launch", "debut", "premiere", "arrive", "depart", "leave", "return",
    "travel", "fly", "visit", "meet", "host", "face", "play", "race", "hold", "take", "go",
    "head", "testify", "appear", "rule", "decide", "announce", "release", "publish", "sign", "conclude",
})  # fmt: skip
#: Participles that, after a present "is"/"are", put a day ahead ("is expected Thursday").
#: ("scheduled" and "slat" are the parser's lemmas of "scheduled" and "slated")
TIMETABLE_PASSIVES = frozenset({"expect", "schedule", "set", "slate", "due", "forecast", "plan", "invite", "scheduled", "slat"})
#: Participles that, after a past "was"/"were", set a date that may still lie ahead ("was set for Sept. 22").
SET_FOR = TIMETABLE_PASSIVES | frozenset({"reschedule", "fix"})
#: Verbs that set something "for" a day ("called a strike for Thursday", "set the vote for Monday").
CALL_VERBS = DEADLINE_VERBS | SCHEDULE_VERBS | frozenset({"call", "announce", "summon", "convene", "book", "reschedule", "slate", "move"})
#: Present verbs of getting ready for, or promising, what is to come ("prepare for the vote on Sunday").
PREPARE_VERBS = frozenset({"prepare", "promise", "vow", "pledge", "brace", "gear", "plan", "expect", "await"})
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\b")
#: Verbs that set a date as their object or move something to it.
SETTING_VERBS = frozenset({"fix", "set", "schedule", "reschedule", "slate", "extend", "postpone", "push", "move", "announce", "name", "choose", "pick", "declare"})
#: Past verbs of a forecast: the part of the year they speak of is still to come or running.
EXPECT_VERBS = frozenset({"expect", "forecast", "predict", "project", "anticipate", "see", "target", "estimate", "plan"})
_FOR_CUE = re.compile(r"\bfor\s+$", re.IGNORECASE)
#: Past verbs that may speak of a time still ahead ("decided to admit them in March", "set for
#: April", "told of a cut in September"): a day they govern may follow publication.
FORWARD_VERBS = DEADLINE_VERBS | SCHEDULE_VERBS | frozenset({
    "decide", "agree", "vote", "approve", "expect", "slate", "warn", "predict", "forecast",
    "promise", "pledge", "vow", "threaten", "propose", "ask", "order", "invite", "urge", "move",
    "reschedule", "fix",
})  # fmt: skip


def _cue_tense(text: str, c: Candidate, tenses: TenseIndex) -> Tense:
    start = c.start
    lo = max(0, start - 25)
    if c.kind in _DAY_KINDS and _REPORTED.search(text, max(0, start - 40), start):
        return "past"  # "said on Wednesday it would sell": the day of the saying, whatever the parse
    tense = tenses.tense_at(start)
    planned = _AS_PLANNED.search(text, max(0, start - 30), start)
    if planned is not None and tense == "past":  # "will go ahead as planned on Sunday": the tense of "go"
        above = tenses.governing_tense_at(planned.start("p"))
        tense = above if above != "none" else tense
    if _SINCE.search(text, max(0, start - 8), start):
        if c.kind == "relunit" and tenses.present_perfect_at(start):
            return "present"  # "clashes have intensified since the start of the month": this month
        return "past"  # "since year-end": a time before now
    if _FORWARD_CUE.search(text, lo, start) and not (tense == "past" and tenses.pluperfect_at(start)):
        return "future"
    if c.kind == "cal" and c.get("day") is None and c.get("year") is None and _CONTRACT_AFTER.match(text, c.end):
        return "future"  # "gold for the December contract rose": a month still to come
    ahead = c.kind in _TIMETABLE_KINDS and _AHEAD_OF.search(text, max(0, start - 60), start) is not None
    if ahead and not tenses.pluperfect_at(start) and (c.kind in _DAY_KINDS or tense != "past"):
        return "future"  # not "Ahead of the March 1 contests, Rubio assumed ...": ahead then
    if c.kind in _DAY_KINDS and tense == "present" and tenses.verb_lemma_at(start) in PREPARE_VERBS and not _POSSESSIVE_AFTER.match(text, c.end):
        return "future"  # "Dutch prepare for King's Day celebrations on Saturday", "promises 'dull' budget on Tuesday"
    if c.kind in _DAY_KINDS and _FOR_CUE.search(text, lo, start) and tenses.present_perfect_at(start) and not _POSSESSIVE_AFTER.match(text, c.end):
        return "future"  # "47,000 tickets have been sold for Friday"
    if c.kind in _DAY_KINDS and _CALLED_FOR.search(text, max(0, start - 90), start) and not tenses.pluperfect_at(start):
        return "future"  # "Protest groups have called for further marches on Thursday"
    if c.kind in _DAY_KINDS and tenses.schedules_at(start, SCHEDULE_VERBS):
        return "future"  # "has scheduled a news conference Thursday": what is planned lies ahead
    if tense == "present" and c.kind in _TIMETABLE_KINDS and tenses.timetabled_at(start, TIMETABLE_VERBS, TIMETABLE_PASSIVES, c.kind in _DATE_KINDS):
        return "future"  # "The trial opens Monday", "The vote is set for Oct. 10": a timetable
    if tense == "present" and c.kind in _TIMETABLE_KINDS and _ON_A_DAY.search(text, lo, start) and tenses.verb_lemma_at(start) == "be":
        return "future"  # "The election is on Oct. 10", "The deadline is Friday": what one writes of in the present lies ahead
    if tense == "present" and tenses.since_clause_at(start):
        return "past"  # "Since taking office in January, she has ...": before now
    if c.kind in _TIMETABLE_KINDS and _FOR_CUE.search(text, lo, start) and tenses.schedules_at(start, CALL_VERBS) and (
        c.kind in _DAY_KINDS or tenses.adverb_of(start) is not None  # not "the figures for January extended a surge"
    ):
        return "future"  # "The union called a strike for Thursday": the day of what was called
    if tense == "past" and c.kind in _DATE_KINDS and tenses.set_as_object_at(start, SETTING_VERBS) and not tenses.pluperfect_at(start):
        return "none"  # "The commission fixed March 9 as polling day", "extended the deadline to March 9": may lie ahead
    if tense == "past" and c.kind in _DATE_KINDS and _FOR_CUE.search(text, lo, start) and tenses.set_in_past_at(start, SET_FOR):
        # "Sentencing was set for Sept. 22": what was planned may still lie ahead, months on
        return "none"
    if _OPEN_CUE.search(text, lo, start):  # "until Tuesday" is a deadline; "until March" is open
        if c.kind not in _DAY_KINDS:
            return "future" if tense == "future" else "none"
        if tense != "past" or tenses.verb_lemma_at(start) in DEADLINE_VERBS or _lasting_till(text, c, tenses):
            return "future"
    return tense


_TILL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
#: Verbs of a forecast in the present perfect: what they forecast runs on ("has predicted rain till Saturday").
_FORECASTS = frozenset({"predict", "forecast", "warn", "expect", "project"})


def _lasting_till(text: str, c: Candidate, tenses: TenseIndex) -> bool:
    """A state in the present perfect lasting until a day, which is ahead: "classes have been
    suspended until Wednesday", "has forecast rain till Sunday"; not "the states that have held
    primaries through Tuesday"."""
    if not _TILL.search(text, max(0, c.start - 8), c.start) or not tenses.present_perfect_at(c.start):
        return False
    return tenses.passive_at(c.start) or tenses.verb_lemma_at(c.start) in _FORECASTS


def find_times(article: Article) -> tuple[list[Time], list[Warning]]:
    text, lex = article.text, load_lexicon()
    ref = reference_date(article)
    tenses = TenseIndex(article.tokens)
    found: list[Found] = []
    warnings: list[Warning] = []
    prev: cal.Interval | None = None
    prev_grain = "day"
    prev_day: tuple[Sentence | None, cal.Interval] | None = None  # the last day told, and its sentence
    order = {s: i for i, s in enumerate(article.sentences)}
    named_quarter: cal.Interval | None = None
    quarter_here: tuple[Sentence | None, cal.Interval] | None = None  # the last quarter named by number, and its sentence
    dated: tuple[Sentence, cal.Interval] | None = None  # the last calendar day written out, and its sentence
    month_told: tuple[Sentence | None, cal.Interval] | None = None  # the last month a time was of, and its sentence
    clock_told: tuple[Sentence | None, str] | None = None  # the last clock time told, and its sentence
    past_day: tuple[Sentence | None, cal.Interval] | None = None  # the last day told that is not after publication
    for c in select(candidates(text)):
        sentence = article.sentence_at(c.start)
        same = dated[1] if dated is not None and dated[0] == sentence else None
        tense = _cue_tense(text, c, tenses)
        if tense == "past" and ref is not None and ref.isoweekday() == 5 and _for_the_weekend(text, c):
            tense = "none"  # "were sent home for the weekend" on a Friday: the weekend that follows the act
        settled = tense == "past" and (
            _SINCE.search(text, max(0, c.start - 8), c.start) is not None  # "since January": never ahead
            or tenses.since_clause_at(c.start)
            or (tenses.tense_at(c.start) == "past" and tenses.settled_at(c.start, FORWARD_VERBS))
        )
        if tense == "past" and c.kind == "half" and tenses.verb_lemma_at(c.start) in EXPECT_VERBS:
            tense = "none"  # "she expected a return to profit in the second half" (in May): this year's
        near_day = prev_day[1] if prev_day is not None and _within(order, prev_day[0], sentence, 1) else None
        if c.kind == "clock" and tense == "past" and ref is not None and near_day is not None and near_day.begin > ref and prev_day is not None and prev_day[0] != sentence:
            # "postponed on Friday the march scheduled for 26th March. ... told reporters around 8pm": Friday's
            near_day = past_day[1] if past_day is not None and _within(order, past_day[0], sentence, 2) else None
        period = c.kind == "quarter" or (c.kind == "cal" and c.get("day") is None and c.get("year") is None)  # "December sales"
        results = period and tense == "future" and tenses.period_of_results_at(c.end - 1, _RESULTS)
        here_q = quarter_here[1] if quarter_here is not None and quarter_here[0] == sentence and sentence is not None else None
        month = month_told[1] if month_told is not None and _within(order, month_told[0], sentence, 1) else None
        clock = clock_told[1] if clock_told is not None and _within(order, clock_told[0], sentence, 1) else None
        day_here = prev_day is not None and prev_day[0] == sentence and sentence is not None
        ctx = Context(ref, tense, prev, prev_grain, named_quarter, same, settled, near_day, results, here_q, month, clock, day_here)
        try:
            res = resolve(c, ctx, lex)
        except Impossible as exc:
            warnings.append(Warning("time-impossible", str(exc), article.span(c.start, c.end)))
            continue
        if res.problem:
            warnings.append(Warning("time-unresolved", res.problem, article.span(c.start, c.end)))
        # "struck early on Sunday, officials said on Tuesday. The storm made landfall at 3 a.m.":
        # the day of the telling is no anchor for what the story goes on to tell of the event
        saying = (
            res.grain == "day" and near_day is not None and near_day != res.interval
            and _REPORTED.search(text, max(0, c.start - 40), c.start) is not None
        ) or (
            # "approved a measure on Tuesday to raise the wage by 2017. ... at 11 p.m.": a target year moves no story on
            res.grain in ("year", "decade") and prev_day is not None and _OPEN_CUE.search(text, max(0, c.start - 8), c.start) is not None
        )
        # "since the campaign began on March 26": a start, not a day the story goes on from
        start_of = res.grain == "day" and (
            _SINCE_THE.search(text, max(0, c.start - 12), c.start) is not None or tenses.since_clause_at(c.start) or tenses.opened_by_since_at(c.start)
        )
        if res.type == "TIME" and (cal.CLOCK_VALUE.fullmatch(res.value) or res.value.endswith("TNI")):
            clock_told = (sentence, res.value)  # a clock time, or a night ("overnight ... at 2 a.m.": the next morning)
        elif res.interval is not None and not saying and not start_of and c.kind not in NOT_ANCHORS and (res.type == "TIME" or res.grain == "day"):
            clock_told = None  # "on Thursday afternoon ... 40 minutes later": not the clock told before
        if res.interval is not None and c.kind not in NOT_ANCHORS and not saying:
            prev, prev_grain = res.interval, res.grain
            if res.grain == "day":
                if not start_of:
                    prev_day = (sentence, res.interval)
                    if ref is not None and res.interval.begin <= ref:
                        past_day = (sentence, res.interval)
            elif res.anchor == "none":
                prev_day = None  # "in 2017. The next day": a day of that year, unknown
            if c.kind == "quarter" and (c.get("ord") or c.get("qn")):
                named_quarter = res.interval
                # a quarter told in the future is the frame of others in its sentence ("fourth-quarter
                # revenue will be flat with the third quarter"); not "the third quarter ended Feb. 22"
                quarter_here = (sentence, res.interval) if tense == "future" and not c.get("emon") else None
            if c.kind in _WRITTEN_DAYS and res.grain in ("day", "month") and res.type == "DATE" and sentence is not None:
                dated = (sentence, res.interval)
            if res.grain == "month" and res.type == "DATE" and not _SINCE.search(text, max(0, c.start - 8), c.start):
                month_told = (sentence, res.interval)  # not "since May": a start, not the month told of
        elif prev_grain == "quarter" and _REPORTING_PERIOD.match(text, c.start, c.end):
            prev_grain = "period"  # "for the nine months, ... a year earlier": no longer the quarter
        found.append(Found(c, res, c.start, c.end))
    return [t for f in _merge(_with_more_days(found, text), text, ref) for t in _to_times(article, f, ref)], warnings


#: Day numbers joined to a written day: "March 4 and 5", "Nov. 2, 3 and 4", "March 4 or 5".
_DAYS_AFTER = re.compile(r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)([0-3]?\d)(?:st|nd|rd|th)?\b", re.IGNORECASE)
#: What may follow the last joined day: the sentence going on, not a count ("March 4 and 5 people").
_DAY_ENDS = re.compile(
    r"(?:\s*(?:[.;:)!?'\"\u2019\u201d]|,(?!\s*\d)|$)|\s+(?:at|in|on|and|or|to|when|as|with|for|after|before|respectively|"
    r"the|a|an|that|which|where|while|but|because|amid|during|from|by|under|last|this|next|will|would|was|were|is|are)\b)",
    re.IGNORECASE,
)
#: Day numbers joined before a day written first: "on 12 and 13 June", "on 4, 5 and 6 May".
_DAYS_BEFORE = re.compile(
    r"\b(?:on|of|from|for|until|till|by|over)\s+((?:[0-3]?\d(?:st|nd|rd|th)?\s*,\s*)*[0-3]?\d(?:st|nd|rd|th)?)\s*,?\s+(?:and|or|&)\s+$",
    re.IGNORECASE,
)


def _with_more_days(found: list[Found], text: str) -> list[Found]:
    """Days written as bare numbers beside a calendar day of the same month are days of it too,
    each a time of its own as TIMEX3 marks them: "on November 2 and 3", "on 12 and 13 June"."""
    out: list[Found] = []
    for f in found:
        iv = f.res.interval
        plain = f.cand.kind == "cal" and f.cand.get("day") is not None and f.res.type == "DATE"
        if not plain or iv is None or not _ISO_DAY.fullmatch(f.res.value) or f.cand.get("weekof") or f.cand.get("wend"):
            out.append(f)
            continue
        before = _DAYS_BEFORE.search(text, max(0, f.start - 40), f.start) if text[f.start : f.start + 1].isdigit() else None
        if before is not None:
            days = [(m.start(), m.end(), int(m[1])) for m in re.finditer(r"([0-3]?\d)(?:st|nd|rd|th)?", before[1])]
            first = before.start(1)
            extra = [(first + a, first + b, d) for a, b, d in days]
            if all(x[2] < y[2] for x, y in zip(extra, extra[1:], strict=False)) and extra and extra[-1][2] < iv.begin.day:
                out.extend(day for s, e, d in extra if (day := _day_of(f, s, e, d)) is not None)
        out.append(f)
        pos, last, more = f.end, iv.begin.day, []
        while (m := _DAYS_AFTER.match(text, pos)) is not None and last < int(m[1]) <= 31:
            more.append((m.start(1), m.end(), int(m[1])))
            pos, last = m.end(), int(m[1])
        if more and _DAY_ENDS.match(text, pos) and not _DAYS_AFTER.match(text, pos):
            out.extend(day for s, e, d in more if (day := _day_of(f, s, e, d)) is not None)
    return out


def _day_of(f: Found, start: int, end: int, day: int) -> Found | None:
    """Day ``day`` of the month of ``f``, as a time at [start, end); None when the month has no such day."""
    assert f.res.interval is not None
    try:
        d = f.res.interval.begin.replace(day=day)
    except ValueError:
        return None
    moved = _on_day(f, d)
    return replace(moved, cand=replace(f.cand, start=start, end=end), start=start, end=end)


def _for_the_weekend(text: str, c: Candidate) -> bool:
    """ "for the weekend": the weekend after the act it tells of ("closed for the weekend")."""
    return c.kind == "relunit" and _norm(c.get("unit")) == "weekend" and _norm(c.get("rel")) == "the" and bool(
        _FOR_CUE.search(text, max(0, c.start - 8), c.start)
    )


def _within(order: dict[Sentence, int], earlier: Sentence | None, now: Sentence | None, n: int) -> bool:
    """Whether sentence ``earlier`` is ``now`` or one of the ``n`` sentences before it."""
    if earlier is None or now is None or earlier not in order or now not in order:
        return False
    return 0 <= order[now] - order[earlier] <= n


def _merge(found: list[Found], text: str, ref: date | None) -> list[Found | tuple[str, Found, Found | None]]:
    out: list[Found | tuple[str, Found, Found | None]] = []
    found = list(found)  # the second of two weekdays may be moved into the first one's week
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.cand.kind in ("weekday", "relweekday") and b.cand.kind == "weekday":
            a, b = found[i], found[i + 1] = _one_week(a, b, text, ref)
        if b is not None and (joined := _clock_with_day(a, b, text)) is not None:
            out.append(joined)  # "11pm on 31 December", "6:30 a.m. Dec. 18, 2014", "6pm tonight": one time
            i += 2
            continue
        if b is not None and a.cand.kind == "clock" and b.cand.kind == "clock":
            a = found[i] = _clock_on_end_day(a, b, text)
        if b is not None and b.cand.kind == "cal" and _range_joined(a, b, text):
            b = found[i + 1] = _after_start(a, b)
        if _is_range(a, b, text):
            assert b is not None
            out.append(("range", a, b))
            i += 2
            continue
        if a.res.interval is not None and a.res.type == "DATE" and _SINCE.search(text, max(0, a.start - 8), a.start):
            out.append(("since", a, None))
        else:
            out.append(a)
        i += 1
    return out


_AND = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*", re.IGNORECASE)
_THROUGH = re.compile(r"\s*(?:through|thru|to|-|\u2013)\s*", re.IGNORECASE)  # "Monday through Friday"


def _one_week(a: Found, b: Found, text: str, ref: date | None) -> tuple[Found, Found]:
    """Two weekdays named together, each resolved on its own, put in one week and in order:
    "from Monday to Wednesday" (a coming start carries the end on after it, a past end pulls the
    start back before it) and "next Thursday and Friday" (a day named after a coming one follows it)."""
    ia, ib = a.res.interval, b.res.interval
    if ia is None or ib is None or ref is None or ib.begin >= ia.begin or a.res.type != "DATE" or b.res.type != "DATE":
        return a, b
    gap = timedelta(days=(ib.begin.isoweekday() - ia.begin.isoweekday()) % 7)
    if a.cand.kind == "weekday" and (_range_joined(a, b, text) or _THROUGH.fullmatch(text, a.end, b.start)):
        return (a, _on_day(b, ia.begin + gap)) if ia.begin > ref else (_on_day(a, ib.begin - gap), b)
    if ia.begin > ref and gap and _AND.fullmatch(text, a.end, b.start):
        return a, _on_day(b, ia.begin + gap)
    return a, b


_CLOCK_DAY = ("wd", "deictic", "mon", "hol")
_CLOCK_JOIN = re.compile(r",?\s+(?:on\s+|of\s+)?")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?:T(?:MO|AF|EV|NI))?")


def _clock_with_day(a: Found, b: Found, text: str) -> Found | None:
    """A clock time and the day written right after it are one time: "11pm GMT on 29 March
    2019", "8am on Tuesday 26 January", "6pm tonight", "02:40 this morning"; and a year after a
    clock time's month and day is its year ("at about 6:30 a.m. Dec. 18, 2014")."""
    if a.cand.kind != "clock" or a.res.type != "TIME" or b.res.interval is None or not _CLOCK_JOIN.fullmatch(text, a.end, b.start):
        return None
    clock = a.res.value[10:]
    if not clock.startswith("T") or ":" not in clock:
        return None
    if b.cand.kind == "year" and a.cand.get("mon") and not b.cand.get("year2") and a.res.interval is not None:
        day = cal.in_year(a.res.interval, b.res.interval.begin.year)
    elif any(a.cand.get(k) for k in _CLOCK_DAY) or b.cand.kind not in ("cal", "weekday", "relweekday", "deictic", "podref", "holiday", "iso", "numeric"):
        return None
    elif _DAY_VALUE.fullmatch(b.res.value) and b.res.interval.begin == b.res.interval.end:
        day = cal.day(b.res.interval.begin)
    else:
        return None
    res = replace(a.res, value=day.begin.isoformat() + clock, interval=day, anchor=b.res.anchor)
    return Found(replace(a.cand, end=b.end), res, a.start, b.end)


def _clock_on_end_day(a: Found, b: Found, text: str) -> Found:
    """ "from 7 am to 9 pm today": the start is on the day the end names."""
    ia, ib = a.res.interval, b.res.interval
    if ia is None or ib is None or ia == ib or any(a.cand.get(k) for k in _CLOCK_DAY) or not any(b.cand.get(k) for k in _CLOCK_DAY):
        return a
    if not _RANGE_JOIN.fullmatch(text, a.end, b.start) or a.res.type != "TIME" or b.res.type != "TIME":
        return a
    return replace(a, res=replace(a.res, value=ib.begin.isoformat() + a.res.value[10:], interval=ib))


def _on_day(f: Found, d: date) -> Found:
    return replace(f, res=replace(f.res, value=d.isoformat(), interval=cal.day(d)))


def _is_range(a: Found, b: Found | None, text: str) -> bool:
    if b is None or a.res.interval is None or b.res.interval is None:
        return False
    first = _range_start(a, b)
    if a.res.type != "DATE" or b.res.type != "DATE" or first is None or b.res.interval.end < first.begin:
        return False
    return _range_joined(a, b, text)


def _range_joined(a: Found, b: Found, text: str) -> bool:
    """Whether the text makes the two one range: "from June 1 to Nov. 30", "between 1985 and 1987"."""
    if not _RANGE_JOIN.fullmatch(text, a.end, b.start):
        return False
    return bool(_RANGE_OPEN.search(text, max(0, a.start - 10), a.start))


def _after_start(a: Found, b: Found) -> Found:
    """A year-less end that the tense put before its range's start follows it instead: "runs
    from June 1 to Nov. 30" written in June ends that November, not the one before; "from
    Dec. 20 to Jan. 5" ends in the next year."""
    first, last = _range_start(a, b), b.res.interval
    if first is None or last is None or b.res.anchor != "published" or b.cand.get("yrel") or a.res.type != "DATE" or b.res.type != "DATE":
        return b  # "to September this year" says its year
    if last.end >= first.begin:
        return b
    for year in (first.begin.year, first.begin.year + 1):
        moved = cal.in_year(last, year)
        if moved.end >= first.begin:
            return replace(b, res=replace(b.res, value=moved.value, interval=moved))
    return b


def _to_times(article: Article, item: Found | tuple[str, Found, Found | None], ref: date | None) -> list[Time]:
    if isinstance(item, Found):
        return _two_ends(article, item) if item.cand.kind == "range" and item.cand.get("join") else [_time(article, item)]
    how, a, b = item
    assert a.res.interval is not None
    if how == "range" and b is not None and b.res.interval is not None:
        # TIMEX3 marks each end of "from Sept. 14 to Thursday" on its own; the range rides on both
        first = _range_start(a, b)
        assert first is not None
        whole = TimeRange(article.span(a.start, b.end), first.begin.isoformat(), b.res.interval.end.isoformat())
        anchor = a.res.anchor if first is a.res.interval else b.res.anchor  # "March" takes the year of "to May 2019"
        start = replace(a, res=replace(a.res, value=first.value, interval=first, anchor=anchor))
        return [replace(_time(article, start), range=whole), replace(_time(article, b), range=whole)]
    start_at = _SINCE.search(article.text, max(0, a.start - 8), a.start)
    assert start_at is not None
    # "since 2014" runs to publication; "since the beginning of the year" too, not to 31 December
    until = (ref if ref >= a.res.interval.begin else a.res.interval.end).isoformat() if ref else None
    return [Time(article.span(start_at.start(), a.end), "DATE", a.res.value, a.res.interval.begin.isoformat(), until, a.res.anchor)]


def _two_ends(article: Article, f: Found) -> list[Time]:
    """ "between 1 and 15 March", "from March 1 to 7": TIMEX3 marks each end ("1", "15 March"),
    and the range rides on both."""
    iv, join = f.res.interval, f.cand.get("join") or ""
    cut = re.compile(rf"\s+{re.escape(join)}\s+").search(article.text, f.start, f.end)
    if iv is None or cut is None:
        return [_time(article, f)]
    whole = TimeRange(article.span(f.start, f.end), iv.begin.isoformat(), iv.end.isoformat())
    ends = ((f.start, cut.start(), iv.begin), (cut.end(), f.end, iv.end))
    return [
        Time(article.span(s, e), "DATE", d.isoformat(), d.isoformat(), d.isoformat(), f.res.anchor, range=whole)
        for s, e, d in ends
    ]


def _time(article: Article, f: Found) -> Time:
    iv = f.res.interval
    begin = iv.begin.isoformat() if iv and f.res.type in ("DATE", "TIME") else None
    end = iv.end.isoformat() if iv and f.res.type in ("DATE", "TIME") else None
    return Time(article.span(f.start, f.end), f.res.type, f.res.value, begin, end, f.res.anchor)


def _range_start(a: Found, b: Found) -> cal.Interval | None:
    """Where a range begins: a year-less start takes the year written at its end
    ("from March to May 2019", "between January and September this year")."""
    first = a.res.interval
    said = b.res.anchor == "none" or (b.cand.kind == "cal" and b.cand.get("yrel"))
    if first is not None and b.res.interval is not None and a.res.anchor == "published" and not a.cand.get("yrel") and said:
        return cal.in_year(first, b.res.interval.begin.year)
    return first
