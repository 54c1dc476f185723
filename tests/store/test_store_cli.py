"""The store commands end to end through ``tidings.cli.main``."""

from __future__ import annotations

import csv
import json
import socket
from pathlib import Path

import pytest
from store_fakes import register_fake_stages

from tidings.cli import build_parser, main
from tidings.cli_store import STORE_COMMANDS

DOCS = {
    "a.txt": "9 people were killed in Alphaville on 2020-05-03 by the Red Legion. Residents fled to the hills overnight.",
    "b.txt": "11 people were killed in Betatown on 2020-05-03 by the Red Legion. The mayor called for calm.",
    "c.txt": "2 people were killed in Gammaport on 2020-07-01 by the Blue Brigade. The port stayed closed.",
}


@pytest.mark.parametrize("command", STORE_COMMANDS)
def test_every_store_command_documents_an_example_and_exit_codes(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert "example" in text and "tidings " + command in text and "exit codes" in text


def _ingest(tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch) -> int:
    register_fake_stages(monkeypatch)
    folder = tmp_path / "news"
    folder.mkdir(exist_ok=True)
    for name, text in DOCS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return main(["ingest", str(folder), "--db", url, "--stages", "fake", "--no-progress"])


def test_ingest_timeline_show_export(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert _ingest(tmp_path, store_url, monkeypatch) == 0
    assert "3 new documents stored, 0 already stored, 0 rejected" in capsys.readouterr().err
    assert _ingest(tmp_path, store_url, monkeypatch) == 0
    assert "0 new documents stored, 3 already stored" in capsys.readouterr().err

    assert main(["timeline", "--db", store_url, "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("2020-05-03") and "killed 9-11" in lines[0] and "[2 sources]" in lines[0] and "DISPUTED fatalities" in lines[0]

    assert main(["events", "--db", store_url, "--actor", "blue"]) == 0  # piped: JSON
    [gamma] = json.loads(capsys.readouterr().out)
    assert gamma["location"] == "Gammaport" and gamma["fatalities_low"] == 2

    assert main(["show", gamma["id"], "--db", store_url, "--format", "table"]) == 0
    assert "2 people were killed in Gammaport" in capsys.readouterr().out

    out = tmp_path / "events.csv"
    assert main(["export", "--format", "acled-csv", "--db", store_url, "-o", str(out), "--place", "Alphaville:30"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["event_date"], r["fatalities"], r["source"]) for r in rows] == [("2020-05-03", "9", "a.txt; b.txt")]
    assert rows[0]["location"] in {"Alphaville", "Betatown"}  # the place of the earliest source (ids are hashes)


def test_exit_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["timeline", "--db", url]) == 2
    assert "no store at" in capsys.readouterr().err
    register_fake_stages(monkeypatch)
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "empty.txt"), "--db", url, "--stages", "fake", "--no-progress"]) == 1
    assert "rejected" in capsys.readouterr().err
    assert main(["show", "nope", "--db", url]) == 2
    assert main(["events", "--db", url, "--country", "Freedonia"]) == 2


def test_progress_bar_shows_documents_per_second(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    register_fake_stages(monkeypatch)
    (tmp_path / "a.txt").write_text(DOCS["a.txt"] + "\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", f"sqlite:///{tmp_path / 'p.db'}", "--stages", "fake", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "doc/s" in err and "1 new documents stored" in err


def test_events_table_is_capped_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import tidings.cli_store as cli_store

    url = f"sqlite:///{tmp_path / 'cap.db'}"
    assert _ingest(tmp_path, url, monkeypatch) == 0
    monkeypatch.setattr(cli_store, "TABLE_ROWS", 1)
    capsys.readouterr()
    assert main(["events", "--db", url, "--format", "table"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and "showing the first 1 events" in err  # header, rule, one row
    assert main(["events", "--db", url, "--format", "table", "--limit", "5"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4


def test_filters_are_checked_before_anything_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'f.db'}"
    assert _ingest(tmp_path, url, monkeypatch) == 0
    capsys.readouterr()
    for argv in (["events", "--country", "Atlantis"], ["timeline", "--text", '"'], ["export", "--format", "geojson", "--country", "Atlantis"]):
        assert main([*argv, "--db", url]) == 2
        out, err = capsys.readouterr()
        assert out == "" and len(err.splitlines()) == 1, argv
    old = tmp_path / "atl.csv"
    old.write_text("the previous export\n", encoding="utf-8")
    assert main(["export", "--country", "Atlantis", "--db", url, "-o", str(old)]) == 2
    assert old.read_text(encoding="utf-8") == "the previous export\n"
    assert main(["export", "--db", url, "-o", str(old)]) == 0
    assert old.read_text(encoding="utf-8").startswith("event_date,") and [p.name for p in tmp_path.iterdir() if p.name.startswith(".atl")] == []


@pytest.mark.parametrize(("name", "reason"), [("missing/events.csv", "does not exist"), (".", "is a folder")])
def test_export_to_an_unwritable_path_is_one_line_and_exit_2(name: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'o.db'}"
    assert _ingest(tmp_path, url, monkeypatch) == 0
    capsys.readouterr()
    assert main(["export", "--db", url, "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and reason in err


@pytest.mark.parametrize("argv", [["--limit", "-1"], ["--limit", "0"], ["--type", "Nonsense"]])
def test_bad_filter_values_are_bad_usage(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["events", *argv])
    assert done.value.code == 2 and argv[0] in capsys.readouterr().err


def test_show_jsonl_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    assert _ingest(tmp_path, url, monkeypatch) == 0
    capsys.readouterr()
    assert main(["events", "--db", url, "--actor", "blue"]) == 0
    [gamma] = json.loads(capsys.readouterr().out)
    assert main(["show", gamma["id"], "--db", url, "--format", "jsonl"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["id"] == gamma["id"]


def test_ingest_checks_its_options_before_creating_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    register_fake_stages(monkeypatch)
    db = tmp_path / "new.db"
    (tmp_path / "a.txt").write_text(DOCS["a.txt"], encoding="utf-8")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", f"sqlite:///{db}", "--stages", "bogus"]) == 2
    assert "unknown stage 'bogus'" in capsys.readouterr().err and not db.exists()
    with pytest.raises(SystemExit):
        build_parser().parse_args(["ingest", "a.txt", "--published", "yesterday"])
    assert "'yesterday' is not a YYYY-MM-DD date" in capsys.readouterr().err


def test_ingest_interrupted_keeps_what_was_committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import tidings.store.ingest as ingest_module
    from tidings.store import open_store

    register_fake_stages(monkeypatch)
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    real_run = ingest_module.run

    def interrupted(items: object, options: object) -> object:
        for n, item in enumerate(real_run(items, options)):  # type: ignore[arg-type]
            if n == 2:
                raise KeyboardInterrupt
            yield item

    url = f"sqlite:///{tmp_path / 'i.db'}"
    monkeypatch.setattr(ingest_module, "run", interrupted)
    try:
        code = main(["ingest", str(folder), "--db", url, "--stages", "fake", "--no-progress", "--batch-size", "1"])
    except KeyboardInterrupt:
        pytest.fail("Ctrl-C escaped main() as a KeyboardInterrupt")
    assert code == 130
    err = capsys.readouterr().err
    assert err.startswith("tidings: interrupted;") and "run the same command again" in err and len(err.splitlines()) == 1
    with open_store(url) as store:
        assert store.count("documents") == 2
    monkeypatch.setattr(ingest_module, "run", real_run)
    assert main(["ingest", str(folder), "--db", url, "--stages", "fake", "--no-progress"]) == 0
    assert "1 new documents stored, 2 already stored" in capsys.readouterr().err


def test_ingest_of_an_empty_file_is_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    register_fake_stages(monkeypatch)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main(["ingest", str(empty), "--db", f"sqlite:///{tmp_path / 'e.db'}", "--stages", "fake", "--no-progress"]) == 0
    assert f"tidings: no documents in {empty}\n" in capsys.readouterr().err


def test_a_refused_postgresql_connection_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("psycopg")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert main(["events", "--db", f"postgresql://nobody@127.0.0.1:{port}/none"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "cannot connect to" in err
