"""WARC and RSS/Atom inputs (files written by the tests)."""

from __future__ import annotations

import io
from pathlib import Path

from tidings.errors import InputError
from tidings.model import Article
from tidings.readers import read_paths

PAGE = """<html><head><title>Strike closes port</title><meta name="date" content="2020-03-02"></head><body><article>
<p>Dock workers walked out at the northern port on Monday, halting all shipping for the day.</p>
<p>The union said the strike would continue until talks on pay resumed with the port authority.</p>
</article></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Floods hit valley</title><link>https://wire.example/floods</link>
<pubDate>Tue, 03 Mar 2020 08:00:00 GMT</pubDate>
<description>Heavy rain flooded three villages in the valley on Monday night, and rescuers moved families to higher ground.</description></item>
<item><title>Empty</title><link>https://wire.example/empty</link><description></description></item>
</channel></rss>"""


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        w = WARCWriter(out, gzip=True)
        html = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://port.example/strike", "response", payload=io.BytesIO(PAGE.encode()), http_headers=html))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://port.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=img))


def test_warc_gives_one_article_per_html_response(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    [art] = list(read_paths([str(tmp_path)]))
    assert isinstance(art, Article)
    assert art.source == art.url == "https://port.example/strike"
    assert art.title == "Strike closes port" and "Dock workers walked out" in art.text
    assert art.published.value == "2020-03-02" and art.published.origin == "html-meta"


def test_rss_entries_become_articles_with_their_dates(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(FEED, encoding="utf-8")
    items = list(read_paths([str(tmp_path / "wire.rss")]))
    art, bad = items
    assert isinstance(art, Article) and isinstance(bad, InputError)
    assert art.title == "Floods hit valley" and art.url == "https://wire.example/floods"
    assert art.text.startswith("Heavy rain flooded three villages")
    assert (art.published.value, art.published.origin) == ("2020-03-03", "input")


def test_a_file_that_is_not_a_feed_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "bad.atom").write_text("just words", encoding="utf-8")
    [err] = list(read_paths([str(tmp_path / "bad.atom")]))
    assert isinstance(err, InputError) and "not an RSS/Atom feed" in str(err)


def test_feed_entry_dates_win_over_the_published_option(tmp_path: Path) -> None:
    import datetime as dt

    from tidings.readers import ReadOptions

    (tmp_path / "wire.rss").write_text(FEED, encoding="utf-8")
    art = next(iter(read_paths([str(tmp_path / "wire.rss")], ReadOptions(published=dt.date(2021, 1, 1)))))
    assert isinstance(art, Article) and art.published.value == "2020-03-03"


def _two_page_warc(path: Path) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for n in (1, 2):
            w.write_record(w.create_warc_record(f"https://port.example/{n}", "response", payload=io.BytesIO(PAGE.replace("Strike", f"Strike {n}").encode()), http_headers=html))
    return path.read_bytes()


def test_warc_cut_mid_record_is_rejected_and_the_records_before_it_read(tmp_path: Path) -> None:
    whole = _two_page_warc(tmp_path / "whole.warc")
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: len(whole) - 80])  # inside the second page's HTML
    first, bad = list(read_paths([str(cut)]))
    assert isinstance(first, Article) and first.source == "https://port.example/1"
    assert isinstance(bad, InputError) and str(bad).startswith(f"{cut}#https://port.example/2: record 2 ends early: the archive is cut short")


def test_warc_gz_cut_short_is_rejected_and_the_records_before_it_read(tmp_path: Path) -> None:
    whole = _two_page_warc(tmp_path / "whole.warc.gz")
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 60])
    first, bad = list(read_paths([str(cut)]))
    assert isinstance(first, Article) and first.source == "https://port.example/1"
    assert isinstance(bad, InputError) and str(bad).startswith(f"{cut}#") and "cut short" in str(bad)
    cut.write_bytes(whole[:100])  # inside the first gzip member
    (bad,) = list(read_paths([str(cut)]))
    assert isinstance(bad, InputError) and "cut short" in str(bad) and "no record before it" in str(bad)


def test_warc_record_errors_name_the_archive_and_the_record(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    f = tmp_path / "latin.warc"
    html = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    with f.open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        w.write_record(w.create_warc_record("https://port.example/latin", "response", payload=io.BytesIO("<p>caf\u00e9</p>".encode("latin-1")), http_headers=html))
    (bad,) = list(read_paths([str(f)]))
    assert isinstance(bad, InputError) and str(bad).startswith(f"{f}#https://port.example/latin: not valid UTF-8")
