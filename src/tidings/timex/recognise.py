"""Find time expressions in text: precompiled regular expressions built from the lexicon.

Each pattern has a *kind* that tells the normaliser how to read its named groups. All patterns
run over the whole text (C-speed ``finditer``); overlapping candidates are resolved longest
first, then by pattern order. Spans leave out a preceding preposition but keep determiners and
modifiers ("the last week", "early this year"), as TimeML does.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .lexicon import Lexicon, alternation, load_lexicon


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    groups: tuple[tuple[str, str], ...]
    rank: int

    def get(self, name: str) -> str | None:
        for k, v in self.groups:
            if k == name:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Pattern:
    kind: str
    regex: re.Pattern[str]
    #: strings (case-folded) one of which every match contains; None when there is none to rely on
    needs: tuple[str, ...] | None = None


B = r"(?<![\w'\u2019-])(?=[\w'\u2019])"  # left word boundary that also refuses "-" ("mid-" is a modifier)
E = r"(?![\w-])"
# an untimely "-" right after a match ("year-end") is handled by patterns that want it


#: Words after "New Year" that make it the holiday, not the year ahead.
_NEW_YEAR_WORDS = r"holidays?|celebrations?|festivities|break|party|parties|fireworks"


def _blocks(lex: Lexicon) -> dict[str, str]:
    full = [k for k in lex.months if len(k) > 4 or k in ("may", "june", "july")]
    abbrev = [k for k in lex.months if k not in full]
    months = rf"(?:{alternation(full)}|{alternation(abbrev)}\.?)"
    wd = alternation(lex.weekdays)
    units = alternation(list(lex.units) + list(lex.plurals)) + r"s?"
    tens = alternation(k for k, v in lex.numbers.items() if isinstance(v, int) and v >= 20)
    ones = alternation(k for k, v in lex.numbers.items() if isinstance(v, int) and 0 < v < 10 and k not in ("a", "an"))
    numword = alternation(lex.numbers)
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+\s+1/2|\d+\s*\u00bd|\d+(?:\.\d+)?|{tens}[\s-]{ones}|{numword})"
    return {
        "MON": rf"(?P<mon>{months})",
        "ENDED": rf"(?=\s+(?:that\s+)?(?:ended|(?P<eing>ending))\s+(?P<emon>{months})\s+(?P<eday>[0-3]?\d)\b)?",
        "WD": rf"(?P<wd>{wd})",
        "DAY": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![.,]\d)",  # not "Apr 6.3" in a table of figures
        "DAY2": r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![.,]\d)",
        "YEAR": r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d,.%]\d|\d|%)",
        "UNIT": rf"(?P<unit>{units})",
        "NUM": rf"(?P<num>{num})",
        "POD": rf"(?P<pod>{alternation(lex.parts_of_day)})",
        "DPOD": r"(?P<pod>morning|afternoon|evening)",  # the parts inside one day
        "SEASON": rf"(?P<season>{alternation(lex.seasons)})",
        "DEICTIC": rf"(?P<deictic>{alternation(lex.deictic)})",
        "DECW": rf"(?P<decw>{alternation(lex.decades)})",
        "ORD": rf"(?P<ord>{alternation(lex.ordinals)})",
        "MOD": r"(?:(?P<mod>early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of)(?:\s+|-))?",
        "APPROX": r"(?:(?P<approx>nearly|almost|about|approximately|roughly|around|more\s+than|less\s+than|fewer\s+than|over|under|at\s+least|at\s+most|no\s+more\s+than|up\s+to|just\s+over|just\s+under)\s+)?",
        "DHALF": r"(?:the\s+)?(?P<dhalf>first|last|second|latter)\s+half\s+of\s+(?:the\s+)?",
        "MODW": r"(?:(?P<mod>early|late|mid)(?:\s+|-))?",
        # the calendar quarters written as their months ("the October-December quarter")
        "MONTHS": alternation(lex.months),
        "NYWORDS": _NEW_YEAR_WORDS,  # what makes "New Year" the holiday ("the New Year holiday")
        "QMONTHS": r"(?:Jan(?:uary|\.)?{TO}Mar(?:ch|\.)?|Apr(?:il|\.)?{TO}June?\.?|July?\.?{TO}Sep(?:tember|t?\.)"
        r"|Oct(?:ober|\.)?{TO}Dec(?:ember|\.)?)".replace("{TO}", r"\s*(?:[-\u2013](?:to[-\u2013])?|to)\s*"),
        "REL": r"(?P<rel>the\s+full|this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+coming|the\s+current|the\s+latest|the\s+same|the\s+last|the\s+next|this|last|next|past|the|coming|current)",
    }


_SPECS: tuple[tuple[str, str], ...] = (
    # calendar dates
    ("cal", r"{B}(?P<weekof>the\s+week\s+of)\s+{MON}\s+{DAY}(?:,?\s+{YEAR})?{E}"),
    ("cal", r"{B}(?P<weekof>the\s+week\s+of)\s+{DAY}\s+{MON}(?:,?\s+{YEAR})?{E}"),
    ("cal", r"{B}(?:{WD},?\s+)?{MOD}{MON}\s+{DAY}(?:,?\s+(?:{YEAR}|(?:of\s+)?(?P<yrel>this|last|next)\s+year))?{E}"),
    ("cal", r"{B}(?:{WD},?\s+)?{MOD}{DAY}\s+(?:of\s+)?{MON}(?:,?\s+(?:{YEAR}|(?:of\s+)?(?P<yrel>this|last|next)\s+year))?{E}"),
    ("range", r"{B}{DAY}\s*[-\u2013]\s*{DAY2}\s+{MON}(?:,?\s+{YEAR})?{E}"),
    # "in the week of 8-14 July": one stretch, not a week of its own beside it
    ("range", r"{B}the\s+week\s+of\s+{DAY}\s*[-\u2013]\s*{DAY2}\s+{MON}(?:,?\s+{YEAR})?{E}"),
    ("range", r"{B}the\s+week\s+of\s+{MON}\s+{DAY}\s*[-\u2013]\s*{DAY2}(?:,?\s+{YEAR})?{E}"),
    ("range", r"{B}{MON}\s+{DAY}\s*[-\u2013]\s*{DAY2}(?:,?\s+{YEAR})?{E}"),
    ("cal", r"{B}{MOD}{MON},?\s+(?:of\s+)?{YEAR}{E}"),
    # a part of a written day: "the morning of Sept. 11, 2001"; "the night of Oct. 23" runs into
    # the next day and stays the date
    ("cal", r"{B}(?:the\s+)?{DPOD}\s+of\s+(?:{WD},?\s+)?{MON}\s+{DAY}(?:,?\s+{YEAR})?{E}"),
    ("cal", r"{B}(?:the\s+)?{DPOD}\s+of\s+(?:{WD},?\s+)?{DAY}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?{E}"),
    # "the week ending March 17": the week that ends on that day
    ("cal", r"{B}(?P<wend>the\s+week)\s+(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?:{WD},?\s+)?{MON}\s+{DAY}(?:,?\s+{YEAR})?{E}"),
    ("cal", r"{B}(?P<wend>the\s+week)\s+(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?:{WD},?\s+)?{DAY}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?{E}"),
    # "the first business day of 2000", "the last trading day of March"
    ("bizday", r"{B}the\s+(?P<bday>first|last)\s+(?:business|working|trading)\s+day\s+of\s+(?:(?:{MON},?\s+)?{YEAR}|(?P<yrel>this|last|next)\s+year|the\s+year|(?-i:(?P<mon2>{MONTHS}))\.?){E}"),
    ("range", r"\b(?:between|from)\s+(?P<t>{DAY}\s+(?P<join>and|to|until|till)\s+{DAY2}\s+{MON}(?:,?\s+{YEAR})?){E}"),
    # "on the intervening night of 4 and 5 May", "the night of 23/24 February": both days, from the first
    ("range", r"\bnights?\s+of\s+(?P<t>{DAY}\s*(?:and|&|/)\s*{DAY2}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?){E}"),
    ("range", r"\b(?:between|from)\s+(?P<t>{MON}\s+{DAY}\s+(?P<join>and|to|until|till)\s+{DAY2}(?:,?\s+{YEAR})?){E}"),
    ("cal", r"{B}{MOD}{MON}(?:\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?{E}"),
    ("cal", r"{B}the\s+month\s+of\s+{MON}(?:,?\s+{YEAR})?{E}"),
    # "ambulance workers will strike on the 21st and 28th": a day of this month or the next (or last)
    ("cal", r"\b(?:on|from|until|till|by|since|before|after)\s+(?P<t>(?P<nthday>the)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)){E}(?=\s*(?:[.,;:)!?]|$)|\s+(?:and|or|to|at|in|on|when|as|with|for|after|before|but|because|until|till)\s+(?!\d+(?:st|nd|rd|th)\s+centur))"),
    # "on the 3rd of this month", "the 28th of last month"
    ("cal", r"{B}(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?:the\s+)?(?P<mrel>this|last|next|current|coming)\s+month{E}"),
    # "in March 2003 ... That April": the month of the year just told
    ("cal", r"{B}(?P<that>that)\s+{MON}{E}(?!\.?\s*\d)"),
    ("season", r"{B}(?P<that>that)\s+{SEASON}{E}"),
    ("season", r"{B}(?P<nrel>the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+{SEASON}{E}"),  # of the story's year
    ("cal", r"{B}the\s+(?P<wpos>first|second|third|fourth|last|final)\s+week\s+of\s+{MON}(?:,?\s+{YEAR}|\s+(?P<yrel>this|last|next)\s+year)?{E}"),
    # "in October that year": the month of the year the story is in
    ("cal", r"{B}{MOD}{MON}(?:\s+{DAY})?\s+(?:of\s+)?(?P<that>that)\s+year{E}"),
    ("cal", r"{B}{MOD}{DAY}\s+(?:of\s+)?{MON}\s+(?:of\s+)?(?P<that>that)\s+year{E}"),
    # "the final week of the year", "the first week of 2010": one week, not a length and a year
    ("yweek", r"{B}the\s+(?P<wpos>first|second|third|fourth|last|final)\s+week\s+of\s+(?:{YEAR}|(?P<rel>the|this|last|next)\s+year){E}"),
    ("yweek", r"{B}the\s+(?P<wpos>first|last|final)\s+(?P<yday>day)\s+of\s+(?:{YEAR}|(?P<rel>the|this|last|next)\s+year){E}"),
    # "the week before Christmas", "the weekend after Thanksgiving": the week (end) beside the holiday's
    ("holiday", r"{B}the\s+(?P<hwk>week|weekend)\s+(?P<hside>before|after|of)\s+(?P<hol>{HOLIDAYS}){E}"),
    ("iso", r"{B}(?P<year>(?:1[0-9]|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?:T(?P<hour>\d\d):(?P<min>\d\d))?{E}"),
    ("numeric", r"{B}(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d\d\d\d|\d\d){E}"),  # month first unless it cannot be
    ("numeric", r"{B}(?P<m>[0-3]?\d)-(?P<d>[0-3]?\d)-(?P<y>(?:1[89]|20)\d\d){E}"),
    ("numeric", r"{B}(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:1[89]|20)\d\d){E}(?!\.\d)"),  # "22.02.2021": day first
    # "the 2018-19 season": the years written as TimeML marks a range of years (the first year)
    ("sport", r"{B}{YEAR}\s*[-/\u2013]\s*(?P<year2>\d\d(?:\d\d)?)(?=\s+season\b)"),
    ("year", r"(?<![$\u00a3\u20ac.,]){B}(?P<pre>fiscal\s+|mid-|end-|calendar\s+|(?:pre|post)-|(?-i:FY)\s?)?{YEAR}(?:-(?P<year2>\d\d(?:\d\d)?))?(?P<poss>['\u2019]s)?(?![\w-])"),
    ("year", r"{B}{MOD}{YEAR}{E}"),
    ("year", r"(?<!Q[1-4]\s){B}(?-i:FY)\s?(?P<fy>\d\d)(?![\w-])"),  # "FY23": the fiscal year ending in 2023 (not "Q1 FY21")
    ("year", r"{B}the\s+year\s+{YEAR}{E}"),  # "the year 2020": one time, not "the year" and 2020
    # the next century only after a word that makes it a date ("by 2100", "until 2150")
    ("year", r"\b(?:by|in|until|till|before|after|through|beyond)\s+(?P<t>(?P<year>21\d\d)){E}(?![\d,.%]\d|%)"),
    ("year", r"{B}the\s+year\s+(?P<year>21\d\d){E}"),
    ("decade", r"{B}(?:{MOD}|{DHALF})?(?:(?P<dec>1[0-9]\d|20\d)0['\u2019]?s|['\u2019](?P<dd>\d)0['\u2019]?s){E}"),
    ("decade", r"{B}(?:{DHALF})?(?:the\s+)?(?:{MOD})?{DECW}{E}"),
    ("century", r"{B}(?:the\s+)?(?P<cent>\d{{1,2}})(?:st|nd|rd|th)\s+century{E}"),
    # relative to the reference date
    ("duration", r"{B}the\s+(?:fiscal\s+)?(?P<unit>year)(?=\s+(?:that\s+)?(?:ended|ending|ends|to\s+(?-i:[A-Z])))"),
    ("relunit", r"{B}{MOD}{REL}\s+(?P<unit>week|month|year|fiscal\s+year|weekend|decade|century){E}"),
    ("relunit", r"{B}{REL}\s+(?:long|(?:bank\s+)?holiday|holiday\s+)\s*(?P<unit>weekend|week){E}"),  # "over the long weekend", "the holiday week"
    ("ahead", r"{B}(?P<ytd>year-to-date|year\s+to\s+date){E}"),  # "up 12% year-to-date": this year
    ("ahead", r"{B}(?:the\s+)?(?P<wka>week)\s+ahead{E}(?!\s+of\b)"),  # "a busy week ahead": the coming week
    ("newyear", r"{B}the\s+new\s+year{E}(?!['\u2019]s|\s+(?:{NYWORDS}|eve|day)\b)"),  # "in the new year": the year about to begin (or just begun)
    ("relunit", r"{B}(?P<rel>the\s+current|this|last|next|the\s+previous|the\s+last|the\s+next)\s+(?P<unit>fiscal){E}(?!\s+(?:year|policy|policies|deficit|stimulus|crisis|cliff|package|plan|measures?|rules?|discipline|year|quarter|half)\b)"),  # "the current fiscal"
    ("relweekday", r"{B}(?P<dayrel>the\s+day\s+(?:before|after))\s+(?:(?P<rel>last|next|this)\s+)?{WD}{E}"),
    ("relweekday", r"{B}(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|the\s+previous|the\s+following|the\s+next)\s+{WD}(?:\s+{POD})?{E}"),
    ("relweekday", r"{B}{WD}\s+(?P<rel>last){E}(?!\s+(?:week|month|year|night|season|time|minute|round|day|{MONTHS})\b)"),  # "on Monday last"
    ("weekday", r"{B}{MODW}{WD}(?:\s+{POD})?{E}"),
    # British: "on Monday week", "last Tuesday week", "a week on Friday", "a fortnight on Thursday"
    ("weekday", r"(?<=\bon\s){WD}\s+(?P<wk>week){E}"),
    ("relweekday", r"{B}(?P<rel>last)\s+{WD}\s+(?P<wk>week){E}"),
    ("weekday", r"{B}(?P<wkon>a\s+week|a\s+fortnight|two\s+weeks)\s+(?:on|from)\s+{WD}{E}"),
    ("relmonth", r"{B}{MOD}(?P<rel>last|next|this|this\s+past|this\s+coming)\s+{MON}{E}(?!\.?\s*\d)"),
    ("season", r"{B}{MOD}(?:{REL}\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?{E}"),
    ("season", r"{B}{MOD}(?:the\s+)?{SEASON}\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year{E}"),
    # "the driest spring on record", "the coldest winter in decades": the season of publication's year
    ("season", r"\bthe\s+(?P<sup>\w{{2,}}est|most\s+\w+)\s+(?P<t>{SEASON}){E}(?=\s*[,.;:!?)]|\s*$|\s+(?:on|in|since|for|ever|yet|so|of|recorded|at|across|than|this|that)\b)"),
    # a season of sport ("last season", "the 2018-19 season"): the sporting year from July to June
    ("sport", r"{B}(?P<srel>last|this|next)\s+season{E}(?!\s+of\b)"),
    # "today's youth", "the people of tomorrow": the present or the future in general, no day
    ("ref", r"{B}(?P<gen>today|tomorrow)(?=['\u2019]s\s+(?:\w+\s+)?(?:{GENERIC})\b)"),
    ("ref", r"\bthe\s+\w+\s+of\s+(?P<t>(?P<gen>today|tomorrow)){E}(?!['\u2019])"),
    ("ref", r"\b(?:a|an)\s+(?:better|brighter|bright|new|different|safer|greener)\s+(?P<t>(?P<gen>tomorrow)){E}"),
    ("deictic", r"{B}{MOD}{DEICTIC}(?:\s+{POD})?{E}"),
    ("deictic", r"{B}{MOD}{POD}\s+(?P<deictic>yesterday|today|tomorrow){E}"),
    ("deictic", r"{B}(?P<deictic>(?:the\s+)?day\s+(?:before\s+yesterday|after\s+tomorrow)){E}"),
    ("podref", r"{B}(?P<rel>this|last|tomorrow|yesterday)\s+{POD}{E}"),
    ("podref", r"{B}(?P<rel>mid)(?:\s+|-|(?=morning|afternoon|evening)){POD}{E}"),  # not "midnight"
    # "ended in the evening": the part of the day just told (or of publication)
    ("podref", r"\b(?:since|until|till)\s+(?P<t>(?:(?P<rel>early|late)\s+)?(?P<pod>morning|afternoon|evening|night)){E}(?!\s+(?:of|after|before|prayers?|shows?|news|session|shift|hours|rush)\b)"),  # "since morning", "till late night"
    ("podref", r"\b(?:in|during|by|throughout|until|till|since)\s+(?P<t>(?P<rel>the)\s+(?:(?:early|late)\s+)?{DPOD}){E}(?!\s+(?:of|after|before|news|paper|edition|session|shift|prayers?|show|hours|rush)\b)"),
    # "worked through the night", "by nightfall", "at dusk": the night or evening of the day just told (or of publication)
    ("podref", r"\b(?:through|throughout)\s+(?P<t>(?P<rel>the)\s+(?P<pod>night)){E}(?!\s+(?:of|before|after)\b)"),
    ("podref", r"\b(?:at|by|after|before|until|till|around|near|toward|towards|since|past|from)\s+(?P<t>(?P<pod>dusk|nightfall|(?-i:dawn|daybreak|sunrise|sunset|sundown))){E}"),
    ("weekday", r"{B}(?P<pod>dusk|nightfall|overnight|(?-i:dawn|daybreak|sunrise|sunset|sundown))\s+(?:on\s+)?{WD}{E}"),  # "at dusk on Saturday": that day's evening
    ("cal", r"\b(?:at|by|after|before|until|till|from)\s+(?P<t>(?P<pod>dusk|nightfall|(?-i:dawn|daybreak|sunrise|sunset|sundown))\s+(?:on\s+)?{MON}\s+{DAY}(?:,?\s+{YEAR})?){E}"),
    ("cal", r"\b(?:at|by|after|before|until|till|from)\s+(?P<t>(?P<pod>dusk|nightfall|(?-i:dawn|daybreak|sunrise|sunset|sundown))\s+(?:on\s+)?{DAY}\s+{MON}(?:,?\s+{YEAR})?){E}"),
    # "Heavy snow fell overnight": the night before publication (a night still to come when the
    # clause looks ahead); "overnight into Sunday", "overnight on 8-9 January" are named by their day
    ("overnight", r"{B}overnight{E}(?!\s+(?:(?:on|of|into|to|from)\s+)?(?:{WDN}|{MONTHS}|\d|(?:the\s+)?night|tonight|today|yesterday|tomorrow)\b)"),
    # "a decision is expected by midweek": the middle of the week told, or of publication's
    ("midweek", r"\b(?:by|until|till|at|from|in|since|before|after|around|toward|towards|through)\s+(?P<t>mid-?week){E}(?!\s+(?!(?:and|or|but|when|as|before|after|to|with|while)\b)(?-i:[a-z]))"),
    ("ref", r"{B}(?P<ref>{REFS}){E}(?!\s+accounts?\b)"),
    # broadcast: "moments ago", "just minutes ago", "later this hour" lie on the publication day
    ("ref", r"{B}(?P<ago>(?:(?:just|only|mere)\s+)?(?:a\s+)?(?:moments?|minutes|seconds)\s+ago){E}"),
    ("ref", r"{B}(?P<soon>later\s+this\s+hour){E}"),
    ("ref", r"\b(?:will|would|could|may|might|can|shall|should|must)\s+(?P<t>(?P<fut>one\s+day|some\s+day)){E}(?!\s+(?:later|earlier|after|before|of)\b)"),
    ("offset", r"{B}{APPROX}{NUM}\s+{UNIT}\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|from\s+now|hence|back){E}(?!\s+than\b)"),  # "two years later than planned": a length  # "three days back": ago
    # an offset counted from a named day or month: "four years ago today" (that day), "ten years
    # ago this month" (that month), "one year from today", "two weeks ago Thursday" (two weeks
    # before the last Thursday)
    ("offset", r"{B}{NUM}\s+{UNIT}\s+(?:(?P<dir>ago)\s+(?:(?P<anc>today|yesterday|this\s+month|this\s+week)|{WD})|(?P<dir2>from)\s+(?P<anc2>today|tomorrow|yesterday)){E}"),
    # "the same period last year", "the same month a year earlier", "the same quarter of 2008": one time
    ("sameago", r"{B}the\s+same\s+(?P<grain>period|quarter|month|week|day|time|season)\s+(?:(?:of\s+)?(?P<yrel>last|the\s+previous|the\s+prior)\s+year|a\s+year\s+(?:earlier|ago|before)|(?:of|in)\s+{YEAR}){E}"),
    ("yearago", r"{B}(?:the\s+)?(?P<num>a\s+)?(?P<unit>year|month|week)[-\s](?P<dir>ago|earlier)(?:\s+(?P<grain>quarter|period|month|year|week))?{E}"),
    ("narrative", r"{B}(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+same|that)\s+(?P<unit>day|week|month|quarter|year|morning|afternoon|evening|night|weekend){E}"),
    ("narrative", r"{B}(?P<rel>the\s+day\s+before|the\s+day\s+after|the\s+night\s+before|the\s+eve){E}(?=\s*[,.;:!?)]|\s*$)"),
    ("narrative", r"{B}(?P<rel>the\s+(?P<unit>week|month|year)\s+(?:before|after)){E}(?=\s*[,.;:!?)]|\s*$)"),
    ("quarter", r"{B}(?:(?P<yrel>this|last|next)\s+year['\u2019]s\s+|(?P<det>the)\s+)?(?:(?P<qyear>(?:1[0-9]|20)\d\d)\s+|(?P<ago>year-ago|year-earlier|comparable\s+year-ago)\s+)?(?:(?:fiscal[\s-]+)?{ORD}|(?P<qrel>latest|current|this|last|next|previous|past|same|recent|year-ago|year-earlier|comparable|fiscal))?[\s-]*(?P<fq>fiscal\s+)?quarter(?:\s+of\s+(?:{YEAR}|(?P<yrel2>this|last|next)\s+year|the\s+year))?{E}{ENDED}"),
    ("quarter", r"{B}(?P<qyear>(?:1[0-9]|20)\d\d)['\u2019]s\s+(?:fiscal\s+)?{ORD}[\s-]+quarter{E}"),
    ("quarter", r"{B}(?:the\s+)?(?P<qm>{QMONTHS})\s+(?:quarter|period)(?:\s+of\s+{YEAR})?{E}"),
    ("quarter", r"{B}(?=[A-Za-z.]+[-\u2013])(?P<qm>{QMONTHS})(?:,?\s+{YEAR})?{E}"),  # "rose in January-March": the quarter
    # the quarter named by the month that ends it ("the September quarter")
    ("quarter", r"{B}the\s+(?P<qend>March|June|September|Sept\.?|December|Dec\.)\s+quarter(?:\s+of\s+{YEAR})?{E}"),
    ("quarter", r"{B}(?P<det>the)\s+(?:(?P<qrel>latest|year-ago|year-earlier|comparable)|(?P<qyear>(?:1[0-9]|20)\d\d))\s+period{E}"),
    ("yearend", r"{B}(?P<ye>year[\s-]?end|year['\u2019]s\s+end|the\s+end\s+of\s+the\s+year){E}"),
    ("spelled", r"{B}(?:{MON},?\s+(?:of\s+)?|(?:the\s+)?{SEASON}\s+(?:of\s+)?)(?P<cent>nineteen|eighteen)\s+(?P<tens>{TENS})(?:[\s-](?P<ones>{ONES}))?{E}"),
    ("spelled", r"{B}(?:the\s+year\s+)?(?P<cent>nineteen|eighteen)\s+(?P<tens>{TENS})(?:[\s-](?P<ones>{ONES}))?{E}"),
    ("spelled", r"{B}(?:the\s+year\s+)?(?P<thousand>two\s+thousand)(?:\s+and\s+(?P<ones>{ONES}))?{E}(?!\s+(?:years|people|men|troops|soldiers|dollars)\b)"),
    ("half", r"{B}(?:(?P<yrel>this|last|next)\s+year['\u2019]s\s+|(?P<det>the)\s+)?(?P<hord>first|second|last)[\s-]half(?:\s+of\s+(?:{YEAR}|(?P<yrel2>this|last|next)\s+year|the\s+year))?{E}(?!\s+of\b)"),  # not "the second half of August", "of the match"
    ("half", r"{B}{YEAR}['\u2019]s\s+(?P<hord>first|second)[\s-]half{E}"),
    # the financial shorthands "Q3 2020", "Q3", "H1 2021" ("H1" alone is too often a visa or a virus)
    ("quarter", r"{B}(?-i:Q(?P<qn>[1-4]))(?:\s*(?:{YEAR}|['\u2019](?P<yy>\d\d)))?{E}"),
    ("half", r"{B}(?-i:H(?P<hn>[12]))\s*(?:{YEAR}|['\u2019](?P<yy>\d\d)){E}"),
    ("half", r"{B}(?:(?P<det>the)\s+)?(?P<hord>first|last)\s+two\s+quarters\s+of\s+(?:{YEAR}|(?P<yrel2>this|last|next)\s+year){E}"),
    ("holiday", r"{B}(?P<hol>{HOLIDAYS})(?:\s+{YEAR})?{E}"),
    ("holiday", r"{B}(?P<hrel>last|next|this)\s+(?P<hol>{HOLIDAYS}){E}"),  # "Last Easter was the coldest"
    # "the Easter weekend", "over the Labor Day holiday weekend": the weekend of the holiday
    ("holiday", r"{B}(?:the\s+)?(?P<hol>{HOLIDAYS})\s+(?:holiday\s+)?(?P<hwe>weekend){E}"),
    # "Thanksgiving night", "on Christmas morning": a part of the holiday's day
    ("holiday", r"{B}(?P<hol>{HOLIDAYS})\s+(?P<hpod>morning|afternoon|evening|night){E}"),
    ("holiday", r"{B}(?P<dayrel>(?:the\s+)?day\s+(?:before|after))\s+(?P<hol>{HOLIDAYS})(?:\s+{YEAR})?{E}"),  # "the day after Christmas", a headline's "on day after Thanksgiving"
    ("clock", r"{B}(?P<hour>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m|[ap]\.m)(?:\s+(?P<tz>local\s+time|(?-i:[A-Z][a-z]+)\s+time|(?-i:[A-Z]{{2,4}})))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDN})(?!,?\s+[0-3]?\d\b|\s+week\b)|(?P<deictic>today|yesterday|tomorrow)|{MON}\s+{DAY}|(?P<hol>{HOLIDAYS})))?(?!\w)"),
    ("clock", r"{B}(?P<hour>[0-2]?\d)[:.](?P<min>[0-5]\d)\s*(?P<tz>GMT|UTC|local\s+time|(?-i:[A-Z]{{1,3}}T))(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDN})(?!,?\s+[0-3]?\d\b|\s+week\b)|(?P<deictic>today|yesterday|tomorrow)))?{E}"),
    # police and army releases' "at 1500hrs", "0600 hours on Sunday", "18:45 hrs IST", "1800 hrs on 14 March"
    ("clock", r"{B}(?P<hour>[01]\d|2[0-3])[:.]?(?P<min>[0-5]\d)\s*(?P<hrs>hrs|hours)\b(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}})))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDN})(?!,?\s+[0-3]?\d\b|\s+week\b)|(?P<deictic>today|yesterday|tomorrow)|{DAY}\s+(?:of\s+)?{MON}))?{E}"),
    # wire copy's four-digit times: "at 1430 GMT", "(2100 GMT Saturday)"
    ("clock", r"{B}(?P<hour>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?P<tz>(?-i:GMT|UTC)|local\s+time)(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDN})(?!,?\s+[0-3]?\d\b|\s+week\b)|(?P<deictic>today|yesterday|tomorrow)))?{E}"),
    ("clock", r"{B}(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d)|\s+o['\u2019]clock)?\s+in\s+the\s+(?P<half>morning|afternoon|evening)(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDN})(?!,?\s+[0-3]?\d\b|\s+week\b)|(?P<deictic>today|yesterday|tomorrow)))?{E}"),
    ("clock", r"\b(?:at|from|until|till|by|around|about|before|after|since)\s+(?P<t>(?P<hour>[01]?\d|2[0-4]):(?P<min>[0-5]\d)(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDN})(?!,?\s+[0-3]?\d\b|\s+week\b)|(?P<deictic>today|yesterday|tomorrow)))?){E}"),
    ("clock", r"{B}(?P<noon>noon|midnight|midday)(?:\s+(?:on\s+|of\s+)?(?:(?P<wd>{WDN})(?!,?\s+[0-3]?\d\b|\s+week\b)|(?P<deictic>today|yesterday|tomorrow)|{MON}\s+{DAY}|(?P<hol>{HOLIDAYS})))?{E}"),
    # durations and sets; a rate after an amount is a set ("$2 million a year")
    ("set", r"(?:\d|\b(?:million|billion|trillion|percent|cents?|dollars|times))%?(?:\s+(?-i:[a-z]+s)){{0,2}}(?:\s+of(?:\s+(?-i:[a-z]+)){{1,3}}?)?\s+(?P<t>(?:a|an|per)\s+(?P<unit>{UNITW})){E}"),
    ("duration", r"{B}(?:(?P<det>(?:the\s+)?(?:(?:first|past|last|next|previous|coming|final|latest|remaining|following|full|entire|whole)\s+)?)|{APPROX}){NUM}\s+(?:(?:more|additional|straight|consecutive|trading|business|working|full)\s+)?{UNIT}(?P<long>-long)?(?![\w-])(?!\s+old)"),
    ("duration", r"{B}{NUM}-{UNIT}(?P<long>-long)?(?![\w-])"),
    # two units in one length: "29 minutes 45 seconds", "three hours and 20 minutes", "two years, three months"
    ("duration", r"{B}{APPROX}{NUM}\s+{UNIT}(?:\s*,\s*|\s+)(?:and\s+)?(?P<num2>\d+|{NUMW})\s+(?P<unit2>(?:{UNITW})s?){E}(?!\s+old)"),
    ("duration", r"{B}(?P<det>(?:the\s+)?(?:first|past|last|next|previous|coming|final|latest|remaining|following|full|entire|whole)\s+)(?P<unit>week|month|year|decade|day|hour|quarter|fortnight)(?!s){E}"),
    # "extended the lockdown by another week": a length more
    ("duration", r"\b(?:by|for|last|lasts|lasted|take|takes|took)\s+(?P<t>(?:at\s+least\s+)?(?P<det>another\s+)(?P<unit>week|month|year|day|hour|fortnight|decade|century)){E}"),
    ("duration", r"{B}(?P<half>half\s+an?\s+|a\s+half[\s-])(?P<unit>minute|hour|day|week|month|year|century|decade){E}"),
    ("duration", r"{B}(?:{APPROX})?(?P<quarter>a\s+quarter[\s-]+of\s+an?\s+|a\s+quarter-)(?P<unit>century|hour){E}"),  # "a quarter of a century": P25Y
    ("duration", r"{B}{NUM}\s+{UNIT}\s+(?P<andhalf>and\s+a\s+half){E}"),
    ("duration", r"{B}{APPROX}{NUM}\s+(?P<andhalf>and\s+a\s+half)\s+{UNIT}{E}"),
    ("duration", r"{B}(?P<num>{NUMW})-(?P<andhalf>and-a-half)-{UNIT}{E}"),  # "a two-and-a-half-year contract"
    ("vague", r"\b(?:for|over|in|within|after|took|take|takes|lasted|spent)\s+(?P<t>(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries)){E}"),
    ("vague", r"{B}(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries)-(?:long|old){E}"),
    # "over the years", "in the first hours of the war": an unstated stretch; "in the days before
    # the vote" and "the early hours of Monday" are anchored elsewhere and left alone
    ("vague", r"\b(?:over|in|during|throughout)\s+(?P<t>the\s+(?:(?:early|first|following|intervening)\s+)?(?P<unit>minutes|hours|days|weeks|months|years|decades)){E}(?!\s+(?:before|after|since|ago|of\s+(?:(?-i:[A-Z0-9])|today|tonight|tomorrow|yesterday)))"),
    ("duration", r"{B}(?P<unit>hour|day|week|month|year|decade)-long{E}"),
    # a day of each month: "the first Monday of every month" (TimeML: P1M)
    ("set", r"{B}(?:the\s+)?(?P<nthwd>first|second|third|fourth|last)\s+(?:{WD}|day)\s+of\s+(?:every|each)\s+(?P<unit>month){E}"),
    ("set", r"{B}(?P<q>every|each|per)\s+(?P<other>other\s+)?(?:(?P<num>\d+|{NUMW})\s+)?(?:(?P<unit>(?:{UNITW})s?|centuries)|(?P<wd>{WDN})|{MON}|{SEASON}|(?P<hol>{HOLIDAYS}))(?P<pod>\s+(?:morning|afternoon|evening|night))?{E}"),
    ("set", r"{B}(?P<q>every|each)\s+(?P<epod>morning|afternoon|evening|night){E}"),  # "every evening": XXXX-XX-XXTEV
    # "five days a week", "three nights a month": a frequency, once in each week or month (TimeML: P1W)
    ("set", r"{B}{APPROX}(?P<freq>\d+|{NUMW})\s+(?:days|nights|times|shifts|mornings|evenings)\s+(?:a|per|each)\s+(?P<unit>week|month|year|day){E}"),
    ("set", r"\b(?:at|on)\s+(?P<t>(?P<wkends>weekends)){E}"),  # "shops open at weekends": XXXX-WXX-WE
    ("set", r"{B}(?P<times>once|twice|(?:\w+\s+times))\s+(?:a|an|per|each|every)\s+(?P<unit>{UNITW}){E}"),
    ("set", r"{B}(?P<adv>{SETS}){E}"),
    ("set", r"{B}(?P<wd>{WDN})(?:s|\s+(?P<pod>morning|afternoon|evening|night)s){E}"),
)


#: Nouns after which "today's"/"tomorrow's" speaks of the age, not of a day ("today's youth").
GENERIC_NOUNS = frozenset(
    [
        "world", "youth", "society", "societies", "generation", "generations", "children", "kids", "young", "students",
        "families", "economy", "economies", "market", "markets", "technology", "technologies", "computers", "standards",
        "culture", "politics", "media", "consumers", "workers", "women", "men", "leaders", "cities", "schools",
        "businesses", "companies", "investors", "parents", "teenagers", "voters", "public", "industry",
    ]
)


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    lex = load_lexicon()
    blocks = _blocks(lex)
    extra = {
        "B": B,
        "E": E,
        "REFS": alternation(lex.refs),
        "SETS": alternation(lex.sets),
        "HOLIDAYS": alternation(lex.holidays),
        "GENERIC": "|".join(sorted(GENERIC_NOUNS, key=len, reverse=True)),
        "WDN": alternation(lex.weekdays),
        "NUMW": alternation(k for k in lex.numbers if k not in ("a", "an")),
        "UNITW": alternation(lex.units),
        "TENS": alternation(k for k, v in lex.numbers.items() if isinstance(v, int) and 20 <= v < 100),
        "ONES": alternation(k for k, v in lex.numbers.items() if isinstance(v, int) and 0 < v < 10 and k not in ("a", "an")),
    }
    out = []
    for kind, spec in _SPECS:
        regex = re.compile(spec.format(**blocks, **extra), re.IGNORECASE)
        out.append(Pattern(kind, regex, needs(regex)))
    return tuple(out)


def needs(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings, case-folded, one of which every match of ``regex`` contains ("quarter" for the
    quarter patterns, the month names for a date), read from the regex's own parse; None when
    no such strings of three letters or more exist, or the parser (``re._parser``, internal to
    Python) cannot be read. A stretch of text holding none of them cannot hold a match, so
    ``candidates`` does not run the pattern there: the same matches in about half the time."""
    try:
        parser, codes = importlib.import_module("re._parser"), importlib.import_module("re._constants")
        tree = parser.parse(regex.pattern, regex.flags)
        found = _required(list(tree), codes)
    except (ImportError, AttributeError, TypeError, ValueError, re.error):
        return None
    if found is None or min(len(s) for s in found) < 3:
        return None
    return tuple(sorted(found))


def _required(items: list[tuple[Any, Any]], codes: Any) -> set[str] | None:
    """Of a parsed sequence: the most selective set of strings one of which any match holds (a
    run of literal characters, or what a group, an alternation or a repeat of one or more
    requires), or None. Lookarounds, classes and optional parts require nothing."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is codes.LITERAL:
            run.append(chr(av).casefold())
            continue
        if run:
            options.append({"".join(run)})
            run = []
        need: set[str] | None = None
        if op is codes.SUBPATTERN:
            need = _required(list(av[-1]), codes)
        elif op is codes.ATOMIC_GROUP:
            need = _required(list(av), codes)
        elif op is codes.BRANCH:
            ways = [_required(list(b), codes) for b in av[1]]
            need = None if any(w is None for w in ways) else {s for w in ways if w for s in w}
        elif op in (codes.MAX_REPEAT, codes.MIN_REPEAT, codes.POSSESSIVE_REPEAT) and av[0] >= 1:
            need = _required(list(av[2]), codes)
        if need:
            options.append(need)
    if run:
        options.append({"".join(run)})
    return max(options, key=lambda s: min(len(x) for x in s)) if options else None


_WORD = re.compile(r"\w+(?:[:.]\d\d(?!\d))?")
#: Characters around an anchor word that a time expression may span ("the first nine months").
WINDOW = 48


@lru_cache(maxsize=1)
def anchor_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that every time expression contains at least one of: the patterns run only in
    windows around them, so text without any costs one word scan. Returns the words matched
    in any case and the names (months, weekdays) that count only when capitalised."""
    lex = load_lexicon()
    words: set[str] = {"noon", "midnight", "midday", "m", "am", "pm", "nineteen", "eighteen", "thousand", "yearend",
                       "weekend", "weekends", "period", "half", "gmt", "utc", "midmorning", "midafternoon",
                       "overnight", "midweek", "season", "moments",
                       "q1", "q2", "q3", "q4", "h1", "h2", "fy"}  # fmt: skip
    for table in (lex.units, lex.plurals, lex.seasons, lex.decades, lex.deictic, lex.refs, lex.sets, lex.holidays,
                  lex.parts_of_day):  # fmt: skip
        words.update(key.lower().split()[-1].strip("'\u2019") for key in table)  # the head word of a phrase
    words.update(w + "s" for w in list(lex.units) + list(lex.parts_of_day))
    names = frozenset([k.lower() for k in list(lex.months) + list(lex.weekdays)] + [k.lower() + "s" for k in lex.weekdays])
    return frozenset(words - {"s", "second"}), names


def _is_anchor(word: str, words: frozenset[str], names: frozenset[str]) -> bool:
    """A year, a decade ("1990s"), a clock time ("14:30"), a capitalised month or weekday, or
    a word of the lexicon. Day numbers and counts are not anchors: a month name or a unit
    always comes with them."""
    if word[0].isdigit():
        return (len(word) == 4 or word.endswith("0s") or (len(word) <= 5 and (":" in word or "." in word))
                or word.lower().endswith(("am", "pm", "hrs")) or _ORDINAL_DAY.fullmatch(word) is not None)  # fmt: skip
    low = word.lower()
    if low.startswith("fy") and low[2:].isdigit():
        return True  # "FY2020"
    return low in words or (word[0].isupper() and low in names)


_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our|its)\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE)
_ORDINAL_DAY = re.compile(r"[0-3]?\d(?:st|nd|rd|th)", re.IGNORECASE)  # "on the 21st"


def regions(text: str) -> list[tuple[int, int]]:
    """Merged windows of ``text`` around anchor words."""
    words, names = anchor_words()
    out: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        if not _is_anchor(m.group(), words, names):
            continue
        lo, hi = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


_LAST_VERB = re.compile(r"last\s+(?=\w)", re.IGNORECASE)
#: Words after which "last" is the verb ("will last four weeks", "expected to last two days").
_BEFORE_VERB = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall", "to", "ll", "not", "did", "does", "do"})
_DET_HYPHEN = re.compile(r"(?:the|a|an)\s+(?=[\w']+-\w)", re.IGNORECASE)


def _skip_determiner(text: str, start: int, end: int) -> int:
    """TimeML leaves the article out before a hyphenated modifier that ends the expression
    ("the [third-quarter] loss") but keeps it before a head noun ("[the year-ago quarter]")."""
    m = _DET_HYPHEN.match(text, start, end)
    if not m or text.startswith(("mid-", "Mid-"), m.end()) or any(ch.isspace() for ch in text[m.end() : end]):
        return start
    return m.end()


def candidates(text: str) -> list[Candidate]:
    """Every pattern match in ``text`` that passes the cheap context checks."""
    found = []
    seen: set[tuple[int, int, int]] = set()
    spans = regions(text)
    folded = [text[lo:hi].casefold() for lo, hi in spans]
    for rank, pat in enumerate(patterns()):
        has_t = "t" in pat.regex.groupindex
        for (lo, hi), low in zip(spans, folded, strict=True):
            if pat.needs is not None and not any(s in low for s in pat.needs):
                continue  # no word this pattern needs is here
            for m in pat.regex.finditer(text, lo, hi):
                start, end = m.span("t") if has_t else m.span()
                start = _skip_determiner(text, start, end)
                if end == start or (start, end, rank) in seen:
                    continue
                seen.add((start, end, rank))
                groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
                verb = _LAST_VERB.match(text, start) if pat.kind == "duration" else None
                if verb is not None and _word_before(text, start) in _BEFORE_VERB:
                    start = verb.end()
                    groups = tuple((k, v) for k, v in groups if k != "det")  # "will [last four weeks]": a verb
                c = Candidate(start, end, pat.kind, groups, rank)
                if plausible(c, text):
                    found.append(c)
    return found


def select(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then by pattern order; in text order."""
    starts: list[int] = []  # sorted starts of the chosen spans (which never overlap)
    chosen: dict[int, Candidate] = {}
    for c in sorted(found, key=lambda c: (c.start - c.end, c.rank, c.start)):
        i = bisect_left(starts, c.start)
        if i > 0 and chosen[starts[i - 1]].end > c.start:
            continue
        if i < len(starts) and starts[i] < c.end:
            continue
        starts.insert(i, c.start)
        chosen[c.start] = c
    return [chosen[s] for s in starts]


#: Words after which a bare month name or a bare year is a date ("in May", "since 1988").
DATE_CUES = frozenset(
    ["in", "since", "of", "from", "to", "until", "till", "by", "before", "after", "during", "through", "throughout", "between", "and", "or", "early", "late", "mid", "last", "next", "this", "until", "circa", "around", "than", "the", "fiscal", "on"]
)
_WORD_BEFORE = re.compile(r"([\w'\u2019]+)[\s,]*$")


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def plausible(c: Candidate, text: str) -> bool:
    """Cheap context checks that refuse common false alarms of the patterns."""
    mon, wd = c.get("mon"), c.get("wd")
    if (mon is not None and not mon[0].isupper()) or (wd is not None and not wd[0].isupper()):
        return False
    hrs = (c.get("hrs") or "").lower()
    bare = hrs == "hours" and (c.get("hour") or "0")[0] != "0" and ":" not in text[c.start : c.end]
    if bare and _word_before(text, c.start) not in _CLOCK_CUES:
        return False  # "1500 hours of community service": a length; "at 1500 hours": a clock
    clock_unit = (c.get("unit") or "").lower().startswith(("hour", "minute", "second"))
    if c.kind in ("set", "duration") and clock_unit and _SPEED_BEFORE.search(text, max(0, c.start - 24), c.start):
        return False  # "195 km per hour", "200 kilometres an hour": a speed ("50 miles a day" is a rate)
    if c.kind == "holiday" and (c.get("hol") or "").startswith(("election", "thanksgiving")):
        return False  # a lower-case "election day" is any vote's day, "a thanksgiving service" no holiday
    if c.kind == "holiday" and (c.get("hol") or "").lower() == "new year":
        # the day only as "the New Year holiday" ("in the new year" is a stretch ahead, "Lunar New Year" another day)
        return c.get("hol") == "New Year" and bool(_NEW_YEAR_AFTER.match(text, c.end)) and not _OTHER_NEW_YEAR.search(text, max(0, c.start - 12), c.start)
    if c.kind in _NAMEABLE and (_NAME_HEAD_AFTER.match(text, c.end) or _NAME_BEFORE.search(text, max(0, c.start - 16), c.start)
                                or (c.kind == "cal" and c.get("day") and _GROUP_AFTER.match(text, c.end))):
        return False  # "the Sunday Times", "the Winter Olympics", "Bloody Sunday", "the Mail on Sunday": names
    if c.kind == "cal" and c.get("day") is None and c.get("year") is None and c.get("yrel") is None:
        return _bare_month_ok(c, text, mon or "")
    if c.kind == "decade" and c.get("decw") and _POSSESSIVE_BEFORE.search(text, max(0, c.start - 12), c.start):
        return False  # "well into his eighties": an age, not the 1980s
    if c.kind == "year" and _CLUB_AFTER.match(text, c.end):
        return False  # "the 1860 Munich club": a name
    if c.kind == "year" and not (c.get("pre") or c.get("mod") or c.get("poss") or c.get("fy")):
        return _year_ok(c, text)
    if c.kind == "spelled" and not (mon or c.get("season")) and _titled(c, text):
        return False  # "Orwell's Nineteen Eighty-Four": a title
    if c.kind == "overnight":
        return _overnight_ok(c, text)
    if c.kind == "sport" and c.get("srel") and _word_before(text, c.start) == "the":
        return False  # "binge-watch the last season": the final one of a show
    if c.kind == "sport" and c.get("year2"):
        y, y2 = c.get("year") or "", c.get("year2") or ""
        return str(int(y) + 1).endswith(y2)  # "2018-19": one season over two years
    if c.kind == "quarter":
        return any(c.get(k) for k in ("det", "ord", "qrel", "yrel", "year", "yrel2", "qyear", "qn", "qm", "qend"))
    if c.kind == "season":
        season = c.get("season") or ""
        if c.get("year") is None and (season.lower() == "fall" and _OF_AFTER.match(text, c.end)):
            return False  # "the fall of the Soviet Union": a collapse
        if season.lower() == "fall" and (c.get("sup") or "").lower() not in _WEATHER_SUPERLATIVES:
            return False  # "the biggest fall in the history of the index": a drop, not autumn
        if season[:1].isupper() and _NAME_AFTER.match(text, c.end) and not _sentence_start(text, c.start):
            return False  # "the Summer Youth Program": a name
        if c.get("sup") and _OWN_YEAR.search(_clause_around(text, c.start, c.end)):
            return False  # "the hottest summer on record came in 2003": that year's, not this year's
        return any(c.get(k) for k in ("rel", "year", "yrel", "mod", "that", "nrel", "sup"))
    if _TITLE_BEFORE.search(text, max(0, c.start - 3), c.start):
        words = text[c.start : c.end]
        if " " in words and words.istitle() and c.kind in ("relunit", "duration"):
            return False  # the programmes '"This Week"', '"Last Week Tonight"' are no weeks
    if c.kind == "duration":
        return _duration_ok(c, text)
    adv = c.get("adv")  # "the Daily Mirror", "The Weekly Standard": a name
    if adv is None:
        return True
    if adv[0].isupper():
        return not _NAME_AFTER.match(text, c.end)
    return not _a_paper(adv, c, text)


def _a_paper(adv: str, c: Candidate, text: str) -> bool:
    """ "the Israeli daily Maariv", "the Communist Party daily Granma", "the Tehran daily said":
    a newspaper, no frequency."""
    if adv.lower() not in ("daily", "weekly"):
        return False
    before = text[max(0, c.start - 40) : c.start]
    if _NAME_AFTER.match(text, c.end) and _PAPER_BEFORE.search(before):
        lex = load_lexicon()
        m = _NEXT_WORD.match(text, c.end)
        nxt = m.group(1).lower() if m else ""
        return nxt not in lex.months and nxt not in lex.weekdays  # "daily Monday to Friday": a frequency
    return bool(_PAPER_DET.search(before) and _PAPER_AFTER.match(text, c.end))


#: Before a paper's "daily": an article, a capitalised word or a word that says whose paper
#: it is ("Party daily", "the daily", "the party daily", "the state-run daily").
_PAPER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an)|\b(?-i:[A-Z])[\w'\u2019-]*|\b(?:party|state|state-run|state-owned|official|government|opposition|independent"
    r"|leading|local|national|regional|business|financial|economic|popular|conservative|liberal|tabloid|english-language))\s+$",
    re.IGNORECASE,
)
#: "the (Tehran) daily said": an article, perhaps capitalised words, then the noun.
_PAPER_DET = re.compile(r"\b(?:the|a|an)\s+(?:(?-i:[A-Z])[\w'\u2019-]*\s+)*$", re.IGNORECASE)
_PAPER_AFTER = re.compile(r"\s*(?:[,;:)]|\.(?:\s|$)|(?:said|says|reported|reports|quoted|wrote|writes|added)\b)")


_TITLE_BEFORE = re.compile(r"(?:[\"\u201c]|``)$")

#: Calendar words that begin or end names of papers, shows, games, treaties and events.
_NAMEABLE = frozenset({"weekday", "relweekday", "season", "holiday", "set", "cal"})
_NAME_HEAD_AFTER = re.compile(
    r"(?:\s+Night)?\s+(?-i:Times|Telegraph|Express|Mirror|Post|Herald|Tribune|Independent|Star|Sport|People|Mail|Journal"
    r"|Record(?!\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|date|day))"  # not a dividend's "Pay April 30 / Record April 16"
    r"|Review|Magazine|Edition|Show|Live|Football|School|Service|Olympics|Paralympics|Games|Palace|Agreement|Accords?"
    r"|Offensive|Uprising|Rising|Revolution|War|Massacre|Classic|Cup|Series"
    # "The Tuesday Group", "the Monday Club", "the March 8 movement", "the Fourth of July Creek":
    # groups, movements and places named after a day ("the Group of Seven" is no such name)
    r"|Group(?!\s+of\s+(?:\d|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twenty))|Club|Movement|Alliance|Coalition|Creek|Bridge|Street|Avenue|Square|Stadium)\b"
    r"|\s+(?:movement|alliance|coalition|club)\b(?!\s+(?:of|to|in|on|at)\b)"
)
_NAME_BEFORE = re.compile(r"\b(?-i:Bloody|Black|Mail\s+on|Independent\s+on|Observer\s+on)\s+$")
#: "the April 6 Youth Movement", "the 14 March Alliance": a group named after a day
_GROUP_AFTER = re.compile(
    r"(?:(?:\s+(?-i:[A-Z][\w'\u2019-]*)){0,2}\s+(?-i:Movement|Alliance|Coalition|Club|Group(?!\s+of\s+(?-i:[A-Z0-9])))"
    r"|\s+(?:movement|alliance|coalition)(?!\s+(?:of|to|in|on|at)\b))\b"
)
#: A year that opens a club's name: "the 1860 Munich club", "the 1899 Hoffenheim club".
_CLUB_AFTER = re.compile(r"(?:\s+(?-i:[A-Z][\w'\u2019-]*)){1,2}\s+(?-i:club|Club)\b")


_NAME_AFTER = re.compile(r"[^\S\n]+(?-i:[A-Z][a-z])")  # on the same line: a headline's last word is no name
_CLOCK_CUES = frozenset({"at", "around", "about", "approximately", "approx", "by", "from", "till", "until", "before", "after", "since", "of", "to", "and"})
_OF_AFTER = re.compile(r"\s+of\b")
#: Superlatives that make "the ... fall" a season ("the wettest fall on record"), not a drop.
_WEATHER_SUPERLATIVES = frozenset({"", "hottest", "coldest", "warmest", "coolest", "wettest", "driest", "snowiest", "rainiest", "stormiest", "windiest", "mildest", "busiest"})
_SPEED_BEFORE = re.compile(r"\b(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|knots?|feet|ft)\s+$", re.IGNORECASE)


_OPENING = re.compile(r"(?:^|[.!?:\n]\s*|[\"\u201c]\s*)(?:(?:the|The|this|This|last|Last|next|Next|early|Early|late|Late)\s+)?$")


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence (after an article or modifier that opens it too)."""
    return _OPENING.search(text[max(0, start - 12) : start]) is not None


_EVENT_AFTER = re.compile(r"\s+(?:on|for|against|to|of)\s+(?-i:[A-Z])")
_COUNT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|(?:[a-z]+\s+)?(?:people|persons|men|women|children|troops|soldiers|shares|members|times|votes|units|cars|jobs|tons|feet|meters|metres|miles|acres|pounds|dollars|euros|points"
    r"|rupees|naira|shillings|cedis|pesos|rand|yuan|yen|dinars|rials|households|families|homes|houses|deaths|cases|victims|refugees|students|workers|villagers|residents|fighters|militants|prisoners|kilometres|kilometers|km)\b(?!['\u2019]))", re.IGNORECASE)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:[$#\u00a3\u20ac\u20b9\u20a6]|\bNo\.|\bnumber|\broute|\bflight|\broom|\bRs\.?|\bINR|\bKsh|\btotal\s+of|\bstood\s+at"
    r"|\bsection|\barticle|\bresolution|\bparagraph|\bclause|\bchapter|\b(?-i:Model|Rule|Form|Type|Windows|Office|Euro|Expo))\s*$",  # "under Section 1983", "Resolution 1701", "its Model 2000 copier", "Windows 2000"
    re.IGNORECASE,
)


def _bare_month_ok(c: Candidate, text: str, mon: str) -> bool:
    if c.get("mod"):
        return True
    if _NAME_AFTER.match(text, c.end):  # "April Smith", "Jan Kavan"
        return False
    day = _DAY_AFTER.match(text, c.end)
    if day is not None and _GROUP_AFTER.match(text, day.end()):
        return False  # "the March 8 movement": a name, as "March 8" there is
    if _word_before(text, c.start) == "the" and _EVENT_AFTER.match(text, c.end):
        return False  # "the March on Washington", "the March for Our Lives": a march, not a month
    word = mon.lower().rstrip(".")
    if c.get("that"):
        return not _PERSON_AFTER.match(text, c.end)
    if word == "may" and (m := _PERSON_AFTER.match(text, c.end)) and not (m["other"] and m["other"].lower() in load_lexicon().months):
        return False  # "after May triggered the exit", "a blow to May, who ...", "May and Juncker": Theresa May
    if word in ("may", "march", "mar") or (len(word) <= 4 and not mon.endswith(".") and word not in ("june", "july")):
        return _word_before(text, c.start) in MONTH_CUES
    return True


_DAY_AFTER = re.compile(r"\s+[0-3]?\d(?:st|nd|rd|th)?(?![.,]?\d)")


#: What follows a person's name and never a month: a clause of her own, or "and" another name.
_PERSON_AFTER = re.compile(
    r"(?:\s*,\s*who\b|\s+(?:said|says|told|tells|would|will|has|had|is|was|wants|wanted|(?-i:[a-z]+ed)\s+(?:the|a|an|her|his|to)\b)"
    r"|\s+and\s+(?P<other>(?-i:[A-Z][a-z]+)))"
)


MONTH_CUES = frozenset(["the", "in", "since", "until", "till", "by", "from", "through", "early", "late", "mid", "last", "next", "this", "during", "before", "after", "of", "to", "and"])


#: Words before a year earlier than 1800 that make the number a year.
_OLD_YEAR_CUES = frozenset({"in", "since", "until", "till", "before", "circa"})
_PLURAL_AFTER = re.compile(r"\s+(?!(?:is|was|has|as|this|its|his|thus|whereas)\b)(?-i:[a-z]+s)\b")
_NEW_YEAR_AFTER = re.compile(rf"\s+(?:{_NEW_YEAR_WORDS})\b", re.IGNORECASE)
_OTHER_NEW_YEAR = re.compile(r"\b(?:lunar|chinese|persian|iranian|jewish|islamic|hijri|vietnamese|tamil|sikh|thai|tibetan|korean|bengali|nepali|ethiopian|orthodox)\s+$", re.IGNORECASE)


def _year_ok(c: Candidate, text: str) -> bool:
    y = int(c.get("year") or 0)
    if not 1000 <= y <= 2199 or _COUNT_AFTER.match(text, c.end):
        return False
    if y < 1800 and (_word_before(text, c.start) not in _OLD_YEAR_CUES or _PLURAL_AFTER.match(text, c.end)):
        return False  # "records began in 1766", "since 1648"; not "1500 soldiers", "about 1200"
    if y >= 2100 and _NOUN_AFTER.match(text, c.end):
        return False  # "by 2100" is a date (its patterns want the word before); "in 2100 seats" is not
    return not _NOT_YEAR_BEFORE.search(text, max(0, c.start - 12), c.start)


_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|but|the|a|an|when|if|as|than|to|at|in|on|from|compared|relative|will|would|could|may|might)\b)(?-i:[a-z])")


#: A year in the clause of a superlative season ("In 2003, Europe had the hottest summer"), not after "since".
_OWN_YEAR = re.compile(r"(?<!since\s)\b(?:1[89]|20)\d\d\b")


def _clause_parts(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause before ``start`` and after ``end`` (up to 80 and 60 characters)."""
    return _CLAUSE_END.split(text[max(0, start - 80) : start])[-1], _CLAUSE_END.split(text[end : end + 60])[0]


def _clause_around(text: str, start: int, end: int) -> str:
    return " ".join(_clause_parts(text, start, end))


def _titled(c: Candidate, text: str) -> bool:
    """A spelled-out year written in capitals inside a sentence is a title ("Orwell's Nineteen
    Eighty-Four"), as a capitalised weekday or month is a date only by rule."""
    words = re.split(r"[\s-]+", text[c.start : c.end])
    return all(w[:1].isupper() for w in words if w.lower() not in ("the", "year")) and not _sentence_start(text, c.start)


#: Nouns after which "overnight" names the night they happened in ("overnight losses in New
#: York", "overnight raids"); not "the overnight rate", "an overnight stay", "an overnight success".
_OVERNIGHT_NOUNS = frozenset({
    "attack", "attacks", "raid", "raids", "strike", "strikes", "airstrike", "airstrikes", "clash", "clashes",
    "fighting", "shelling", "bombardment", "bombing", "bombings", "violence", "unrest", "protest", "protests",
    "rioting", "riots", "fire", "blaze", "explosion", "explosions", "blast", "blasts", "assault", "offensive",
    "operation", "operations", "rain", "rains", "rainfall", "snow", "snowfall", "storm", "storms", "frost",
    "flooding", "losses", "gains", "trading", "session", "sell-off", "rally", "arrests", "incursion", "incursions",
    "shooting", "shootings", "killings", "barrage", "drone", "drones", "missile", "missiles", "rocket", "rockets",
})  # fmt: skip
#: "won't happen overnight", "changed almost overnight", "doubling its size overnight",
#: "Overnight, Faso became a contender": suddenly, not a night (looked for in the clause).
_OVERNIGHT_SUDDEN = re.compile(
    r"\b(?:not|never|cannot|almost|virtually|practically|literally|seemingly|nearly|simply|suddenly)\b|n['\u2019]t\b"
    r"|\b(?:happen|chang|transform|disappear|vanish|evaporat|doubl|tripl|morph|reinvent)\w*"
    r"|\b(?:became|become|becomes|becoming|turned\s+into|went\s+from|go\s+from|solved?|fixed|cured|built|emerged?|appeared?)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.!?;:\n]")
_NEXT_WORD = re.compile(r"\s+([\w'\u2019-]+)")
#: Words after an adverb "overnight" that end its clause or begin another phrase ("fell overnight in New York").
_AFTER_ADVERB = frozenset({
    "in", "on", "at", "to", "into", "from", "across", "near", "outside", "inside", "along", "around", "and", "as",
    "after", "before", "when", "while", "with", "by", "for", "the", "a", "an", "but", "or", "amid", "against", "over",
    "following", "killing", "leaving", "local", "officials", "police", "authorities", "according", "said", "says",
})  # fmt: skip


def _overnight_ok(c: Candidate, text: str) -> bool:
    before, after = _clause_parts(text, c.start, c.end)
    if _OVERNIGHT_SUDDEN.search(before) or _OVERNIGHT_SUDDEN.search(after):
        return False
    m = _NEXT_WORD.match(text, c.end)
    if m is None:  # end of the text or punctuation next: an adverb ("fell overnight.")
        return True
    word = m.group(1)
    if word[:1].isupper():
        return True  # "overnight Israeli strikes": a name follows
    low = word.lower()
    return low in _OVERNIGHT_NOUNS or low in _AFTER_ADVERB


_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")


#: Units from the finest: the second unit of a compound length is finer than the first.
_FINER = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century")


def _duration_ok(c: Candidate, text: str) -> bool:
    raw_num, raw_unit = c.get("num") or "", c.get("unit") or ""
    if raw_num[:1].isdigit() and raw_unit[:1].isupper():
        return False  # a table's figure over its next heading ("1,826,858 / Year"), not a length
    num, unit = raw_num.lower(), raw_unit.lower()
    if _YEAR_LIKE.fullmatch(num) and not unit.endswith("s"):
        return False  # "for 1986 year and both 1985 periods": a year, not 1,986 years
    if num in ("a", "an") and unit.startswith(("second", "quarter")):
        return False
    if num in ("a", "an") and unit.endswith("s") and c.get("long"):
        return False  # "a decades-long feud": the article of the noun; "decades-long" is vague
    if c.get("unit2") is not None:  # "three hours and 20 minutes": the second unit finer than the first
        lex = load_lexicon()
        first, unit2 = lex.unit(raw_unit), lex.unit(c.get("unit2") or "")
        return first is not None and unit2 is not None and _FINER.index(unit2.grain) < _FINER.index(first.grain)
    return not (unit.startswith("quarter") and _fraction(c, text, num))


#: After "N quarters of": what makes them a stretch of time ("three quarters of growth", "of 2019").
_QUARTERS_OF_TIME = re.compile(
    r"\s+of\s+(?:(?:the\s+|this\s+|last\s+|next\s+|fiscal\s+)?(?:year|fiscal|\d{4})|(?:\w+\s+)?(?:growth|losses|loss|gains|decline|declines"
    r"|profits?|profitability|contraction|expansion|recession|deficits?|increases|improvement|earnings|sales|red\s+ink))\b",
    re.IGNORECASE,
)


_SHARE_VERB_AFTER = re.compile(
    r"\s+(?:said|say|says|are|were|have|had|support|supported|oppose|opposed|want|wanted|believe|believed|think|thought|agree|agreed|voted|favou?r)\b",
    re.IGNORECASE,
)


def _fraction(c: Candidate, text: str, num: str) -> bool:
    """ "fell by roughly three-quarters", "three-quarters of the votes", "three quarters of
    voters": a share, not quarters of a year ("the past three quarters", "three quarters in a
    row", "for three quarters", "three quarters of growth" stay)."""
    if (c.get("det") or "").strip() or not re.fullmatch(r"one|three|1|3", num):
        return False
    if "-" in text[c.start : c.end]:
        return True  # "three-quarters", "a three-quarter stake"
    if re.match(r"\s+of\b", text[c.end : c.end + 4]):
        return not _QUARTERS_OF_TIME.match(text, c.end)
    if _SHARE_VERB_AFTER.match(text, c.end):
        return True  # "Nearly three quarters said they would vote"
    return _word_before(text, c.start) == "by"  # "cut by three quarters"
