from tidings.quotes.marks import quote_regions


def contents(text: str) -> list[str]:
    return [text[r.start : r.end] for r in quote_regions(text)]


def test_curly_straight_and_guillemets() -> None:
    text = 'He said “we will stay here”. She said "we will leave soon". They said «nobody is safe».'
    assert contents(text) == ["we will stay here", "we will leave soon", "nobody is safe"]


def test_opened_straight_closed_curly() -> None:
    text = '"The talks will go on for a while, and we will win in the end ”, the minister added.'
    regs = quote_regions(text)
    assert len(regs) == 1 and regs[0].closed
    assert text[regs[0].start : regs[0].end] == "The talks will go on for a while, and we will win in the end"


def test_unclosed_runs_to_paragraph_end() -> None:
    text = '"We are ready to talk, the envoy said on Monday.\n\nThe next paragraph is narration.'
    regs = quote_regions(text)
    assert len(regs) == 1 and not regs[0].closed
    assert text[regs[0].start : regs[0].end] == "We are ready to talk, the envoy said on Monday."


def test_quote_continued_in_next_paragraph() -> None:
    text = "“The first part of the speech goes here.\n\n“And the second part closes it,” she said."
    regs = quote_regions(text)
    assert [r.continues for r in regs] == [False, True]
    assert not regs[0].closed and regs[1].closed


def test_apostrophes_are_not_quotes() -> None:
    text = "The players' union didn't say it. Jones' car isn't here, it's gone."
    assert contents(text) == []


def test_single_marks_need_a_phrase() -> None:
    text = "Officials called it a ‘success’. The sign read ‘we shall not be moved by anyone’ yesterday."
    assert contents(text) == ["we shall not be moved by anyone"]


def test_split_quote_gives_two_regions() -> None:
    text = '"We came to help," he said, "and we will stay until it is done."'
    assert contents(text) == ["We came to help,", "and we will stay until it is done."]


def test_two_apostrophes_as_double_marks() -> None:
    text = "''We will not give up,'' the coach said. It's ''a long road ahead of us.''"
    assert contents(text) == ["We will not give up,", "a long road ahead of us."]


def test_regions_are_well_formed_on_any_mix_of_marks() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list('ab .,\n"“”«»\'‘’') + ["''", "\n\n"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(alphabet, max_size=60).map("".join))
    def check(text: str) -> None:
        last = -1
        for r in quote_regions(text):
            assert 0 <= r.mark < r.start < r.end <= len(text)
            assert text[r.start : r.end] == text[r.start : r.end].strip()
            assert "\n" not in text[r.start : r.end]
            assert r.start >= last
            last = r.end

    check()
