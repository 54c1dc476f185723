from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tidings.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    TooLargeInput,
    UnreadableInput,
)
from tidings.model import Article
from tidings.readers import MAX_FILE_BYTES, ReadOptions, read_paths


def read(*paths: Path | str, **kw: object) -> list[Article | InputError]:
    return list(read_paths([str(p) for p in paths], ReadOptions(**kw)))  # type: ignore[arg-type]


def test_jsonl_text_is_taken_as_given(tmp_path: Path) -> None:
    text = "  Two\u00a0people  were hurt.\r\n"
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "d1", "text": text, "published": "2020-05-01"}) + "\n")
    (art,) = read(f)
    assert isinstance(art, Article)
    assert art.text == text and art.id == "d1"
    assert art.published.value == "2020-05-01" and art.published.origin == "input"


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    f = tmp_path / "b.jsonl"
    f.write_text('{"text": "ok one"}\nnot json\n[1,2]\n{"title": "no text"}\n{"text": "ok two", "published": "yesterday"}\n{"text": "ok three"}\n')
    items = read(f)
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "MalformedInput", "MalformedInput", "MalformedInput", "MalformedInput", "Article"]
    assert str(items[1]).startswith(f"{f}:2: not valid JSON")
    assert "published" in str(items[4])


def test_ids_are_content_hashes(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text('{"text": "same"}\n{"text": "same"}\n{"text": "other"}\n')
    a, b, c = read(f)
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert a.id == b.id != c.id


def test_published_option_fills_only_missing_dates(tmp_path: Path) -> None:
    import datetime as dt

    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "x y", "published": "2020-01-02"}\n{"text": "y z"}\n')
    a, b = read(f, published=dt.date(2021, 2, 26))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.published.value == "2020-01-02"
    assert b.published.value == "2021-02-26" and b.published.origin == "input"


def test_folder_recursion_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second\n\nBody two.\n")
    (tmp_path / "sub" / "a.txt").write_text("First\n\nBody one.\n")
    (tmp_path / "notes.csv").write_text("ignored,1\n")
    (tmp_path / ".hidden.txt").write_text("ignored\n")
    items = read(tmp_path)
    assert [i.title for i in items if isinstance(i, Article)] == ["Second", "First"]


def test_html_page(tmp_path: Path) -> None:
    html = """<html><head><title>Dam breach floods valley</title>
    <meta property="article:published_time" content="2022-06-14T09:00:00Z"></head>
    <body><nav>Home | World</nav><article><h1>Dam breach floods valley</h1>
    <p>A dam burst on Monday and flooded three villages in the valley, officials said.</p>
    <p>Rescue teams evacuated hundreds of residents overnight as the water rose quickly.</p>
    </article><footer>Copyright</footer></body></html>"""
    f = tmp_path / "p.html"
    f.write_text(html)
    (art,) = read(f)
    assert isinstance(art, Article)
    assert art.title == "Dam breach floods valley"
    assert art.published.value == "2022-06-14" and art.published.origin == "html-meta"
    assert "flooded three villages" in art.text and "Copyright" not in art.text


@pytest.mark.parametrize(
    "name,data,error",
    [
        ("empty.txt", b"", EmptyInput),
        ("blank.txt", b" \n\t\n", EmptyInput),
        ("bin.txt", b"\x7fELF\x02\x01\x00\x00\x00binary", BinaryInput),
        ("latin1.txt", "Caf\u00e9 bombing\n".encode("latin-1"), EncodingError),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path: Path, name: str, data: bytes, error: type) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("Headline\n\nSomething happened.\n")
    items = read(f, good)
    assert isinstance(items[0], error)
    assert str(items[0]).startswith(str(f) + ": ")
    assert "\n" not in str(items[0])
    assert isinstance(items[1], Article)


def test_missing_and_huge_files(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    items = read(tmp_path / "nope.txt", huge)
    assert isinstance(items[0], UnreadableInput)
    assert isinstance(items[1], TooLargeInput) and "limit" in str(items[1])


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes("Title line\n\nRains returned on Monday.\n".encode("utf-16"))
    (art,) = read(f)
    assert isinstance(art, Article) and "Rains returned" in art.text


def test_gzip_named_txt_is_binary(tmp_path: Path) -> None:
    f = tmp_path / "z.txt"
    f.write_bytes(gzip.compress(b"hello " * 100))
    (err,) = read(f)
    assert isinstance(err, InputError)


def test_deeply_nested_jsonl_line_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    f = tmp_path / "deep.jsonl"
    f.write_text('{"text": "first one"}\n' + "[" * 5000 + "\n" + '{"text": "last one"}\n')
    first, bad, last = read(f)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert str(bad) == f"{f}:2: not valid JSON (arrays or objects nested too deeply to read)"


def test_json_error_column_and_long_numbers(tmp_path: Path) -> None:
    f = tmp_path / "cols.jsonl"
    f.write_text('{"text": "x",\n{"n": ' + "7" * 5000 + ', "text": "y"}\n')
    trailing, digits = read(f)
    assert str(trailing) == f"{f}:1: not valid JSON (Expecting property name enclosed in double quotes at column 14)"
    assert "more than 4300 digits" in str(digits) and "sys." not in str(digits)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_jsonl_with_a_utf16_or_utf32_bom_is_read(tmp_path: Path, encoding: str) -> None:
    lines = '{"id": "a", "text": "Rains returned on Monday."}\nnot json\n{"id": "c", "text": "Floods \u00e9t\u00e9 \U0001f30a."}\n'
    f = tmp_path / "wide.jsonl"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    f.write_bytes(bom + lines.encode(encoding))
    a, bad, c = read(f)
    assert isinstance(a, Article) and a.text == "Rains returned on Monday."
    assert isinstance(c, Article) and c.text == "Floods \u00e9t\u00e9 \U0001f30a."
    assert str(bad).startswith(f"{f}:2: not valid JSON")


@pytest.mark.parametrize(
    ("value", "accepted"),
    [("2021-02-26", "2021-02-26"), ("2021-02-26T23:10:00Z", "2021-02-26"), ("2021-02-26 08:00", "2021-02-26"), ("2021-02-26garbage", None), ("2021-02-26T99", None)],
)
def test_jsonl_published_is_a_whole_date(tmp_path: Path, value: str, accepted: str | None) -> None:
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps({"text": "Rains returned.", "published": value}) + "\n")
    (item,) = read(f)
    if accepted is None:
        assert isinstance(item, InputError) and f"'published' {value!r} is not a YYYY-MM-DD date" in str(item)
    else:
        assert isinstance(item, Article) and item.published.value == accepted


def test_jsonl_id_is_a_string_or_a_whole_number(tmp_path: Path) -> None:
    f = tmp_path / "ids.jsonl"
    f.write_text("".join(json.dumps({"id": i, "text": "Rains returned."}) + "\n" for i in ["s1", 7, 1.5, True, None]))
    s1, seven, fraction, boolean, none = read(f)
    assert isinstance(s1, Article) and s1.id == "s1"
    assert isinstance(seven, Article) and seven.id == "7"
    assert isinstance(fraction, InputError) and "'id' must be a string or a whole number, not 1.5" in str(fraction)
    assert isinstance(boolean, InputError) and "not true" in str(boolean)
    assert isinstance(none, Article)


def test_reading_html_leaves_the_logging_setup_as_it_was(tmp_path: Path) -> None:
    import logging

    from tidings.readers.html import extract_html

    page = "<html><head><title>T</title></head><body><article><p>" + "Rain fell on the town. " * 20 + "</p></article></body></html>"
    extract_html(page, "page.html")  # the libraries are imported and set their own levels
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.INFO)
    extract_html(page, "page.html")
    assert [logging.getLogger(n).level for n in ("trafilatura", "htmldate")] == [logging.INFO, logging.INFO]
