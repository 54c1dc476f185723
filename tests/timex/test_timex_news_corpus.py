"""1,853 sentences of news in our own words, each with the times a careful reader records:
modern wire and conflict reports, business and election news, police and army releases and local
press in the English of South Asia, Africa and the Middle East (2004-2025); court, sports,
science, obituary, disaster and feature writing (2005-2025); and wire, earnings, markets and
broadcast copy in the style of 1989-2005; and captions, event notes, ledes, narration and
previews told in the simple present. The expectations were written before the sentences
were run, by people who had not seen the rules; the rows kept are those tidings gets right, so
a change that breaks any of them fails here, with a parse by the real spaCy model. Rows it got
wrong were turned into rules with their own tests or left alone as conventions (see the
README's Accuracy section)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tidings.model import Article, Published
from tidings.timex.extract import find_times

DATA = Path(__file__).with_name("data")


def _check(path: Path, least: int, parse: Callable[[str], Article]) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= least
    wrong = []
    for row in rows:
        article = replace(parse(row["text"]), published=Published(row["published"], "input"))
        got = [[t.span.text, t.type, t.value] for t in find_times(article)[0]]
        if got != row["times"]:
            wrong.append(f"{row['published']} {row['text']!r}: {got} != {row['times']}")
    assert not wrong, f"{len(wrong)} of {len(rows)} changed:\n" + "\n".join(wrong[:20])


def test_the_news_sentences_keep_their_times(parse: Callable[[str], Article]) -> None:
    _check(DATA / "news_sentences.jsonl", 1888, parse)


def test_whole_articles_keep_their_times(parse: Callable[[str], Article]) -> None:
    """356 multi-paragraph stories (headline, dateline, background paragraphs that jump to history
    and back, quotes, plans, a year boundary; short wiki-news articles of 2004-2011 on companies,
    markets, elections and disasters; 2012-2014 wire stories and business reports whose clock
    times, joined days and holiday weekends hang on the story's own days; conflict reports and
    humanitarian updates; South Asian, African and South-East Asian wire copy; US local crime and
    court news; British, European and Australian reports; obituaries, anniversaries and market
    wraps), written the same way by other people."""
    _check(DATA / "news_articles.jsonl", 356, parse)
