"""The pure helpers behind the evidence view and paging: segments, highlights, URLs, cursors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidings.api.queries import decode_cursor, encode_cursor, highlights, safe_url, segments
from tidings.errors import StoreError


@st.composite
def sentence_and_marks(draw: st.DrawFn) -> tuple[str, list[dict[str, object]]]:
    text = draw(st.text(min_size=1, max_size=60))
    marks = []
    for kind in draw(st.lists(st.sampled_from(["trigger", "actor1", "date", "location", "fatalities"]), max_size=5)):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        marks.append({"kind": kind, "start": a, "end": b})
    return text, marks


@given(sentence_and_marks())
def test_segments_rejoin_to_the_sentence_and_cover_each_mark(case: tuple[str, list[dict[str, object]]]) -> None:
    text, marks = case
    segs = segments(text, marks)
    assert "".join(s["text"] for s in segs) == text
    assert all(s["text"] for s in segs)
    for m in marks:
        covered = "".join(s["text"] for s in segs if m["kind"] in s["kinds"])
        assert text[m["start"] : m["end"]] in covered  # type: ignore[misc]


def test_overlapping_marks_share_a_segment() -> None:
    text = "12 people were killed"
    marks = [{"kind": "fatalities", "start": 0, "end": 9}, {"kind": "trigger", "start": 3, "end": 21}]
    assert segments(text, marks) == [
        {"text": "12 ", "kinds": ["fatalities"]},
        {"text": "people", "kinds": ["fatalities", "trigger"]},
        {"text": " were killed", "kinds": ["trigger"]},
    ]


def test_highlights_keep_only_spans_inside_the_sentence() -> None:
    ev = {
        "trigger": {"text": "hit", "start": 20, "end": 23},
        "actor1": {"text": "rebels", "start": 13, "end": 19},
        "date": {"text": "Sunday", "start": 2, "end": 8},  # before the sentence
        "location": None,
        "assoc_actors": [{"text": "allies", "start": 30, "end": 36}],
        "fatalities": {"text": None, "start": None, "end": None},
    }
    found = highlights(ev, 10, 40)
    assert [(h["kind"], h["start"], h["end"]) for h in found] == [("assoc_actor", 20, 26), ("actor1", 3, 9), ("trigger", 10, 13)]


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://news.example/a?b=1", True),
        ("HTTP://news.example/", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//evil.example/x", False),
        ("https://ok.example/\njavascript:x", False),
        ("/home/me/article.txt", False),
        (None, False),
    ],
)
def test_only_http_urls_become_links(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_cursors_round_trip_and_forgeries_are_refused() -> None:
    assert decode_cursor(encode_cursor(("2020-05-03", "abc-000"))) == ("2020-05-03", "abc-000")
    assert decode_cursor(encode_cursor(("", "x"))) == ("", "x")
    for bad in ("!!!", encode_cursor(("a", "b"))[:-3] + "zzz", "eyJhIjogMX0"):
        with pytest.raises(StoreError, match="cursor"):
            decode_cursor(bad)
