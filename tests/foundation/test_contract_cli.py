from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tidings.cli import build_parser, main
from tidings.contract import schema, validate
from tidings.errors import InvalidRecord

CLI = [sys.executable, "-m", "tidings"]


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=300)


def test_schema_is_valid_draft_2020() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_example_record_is_valid_and_offsets_index_text(example_record: dict[str, Any]) -> None:
    validate(example_record)
    text = example_record["text"]
    assert len(example_record["entities"]) > 20
    for ent in example_record["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["text"]


def test_validate_rejects_a_wrong_offset(example_record: dict[str, Any]) -> None:
    bad = json.loads(json.dumps(example_record))
    bad["entities"][0]["start"] += 1
    with pytest.raises(ValueError):
        validate(bad)
    bad2 = json.loads(json.dumps(example_record))
    bad2["published"]["origin"] = "guess"
    with pytest.raises(InvalidRecord, match="published/origin"):  # the schema's error, in the one tree
        validate(bad2)


def test_example_document_fields(example_record: dict[str, Any]) -> None:
    r = example_record
    assert r["title"] == "Azerbaijani people will return back to Khojaly, says President Ilham Aliyev"
    assert r["published"] == {"value": "2021-02-26", "origin": "dateline"}
    assert "Read: 1448" not in r["text"] and "More about" not in r["text"]
    assert r["text"].count("Azerbaijani people will return back") == 1
    assert "1\u00a0December" in r["text"]  # characters inside lines are kept


def test_example_entities_share_canonical_names(example_record: dict[str, Any]) -> None:
    people = {e["canonical"] for e in example_record["entities"] if e["label"] == "PERSON"}
    assert "Ilham Aliyev" in people
    assert not any("President" in p for p in people)
    assert not any("\n" in e["text"] for e in example_record["entities"])


def test_cli_jsonl_exit_codes_and_rejections(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Strike hits depot\n\nA strike hit a fuel depot on Monday.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    p = run_cli("extract", str(bad), str(good), str(empty), "--format", "jsonl", "--published", "2022-01-10")
    assert p.returncode == 1
    lines = [json.loads(x) for x in p.stdout.splitlines()]
    assert len(lines) == 1 and lines[0]["title"] == "Strike hits depot"
    assert lines[0]["published"]["value"] == "2022-01-10"
    errs = [e for e in p.stderr.splitlines() if e.startswith("tidings: rejected")]
    assert len(errs) == 2
    assert str(bad) in errs[0] and str(empty) in errs[1]


def test_cli_stdin_json_and_no_text() -> None:
    p = run_cli("extract", "-", "--format", "json", "--no-text", stdin='{"id": "x1", "text": "Police arrested two men."}\n')
    assert p.returncode == 0, p.stderr
    arr = json.loads(p.stdout)
    assert [r["id"] for r in arr] == ["x1"] and "text" not in arr[0]


def test_bad_usage_exits_2() -> None:
    p = run_cli("extract", "--published", "26/02/2021", "x.txt")
    assert p.returncode == 2 and "YYYY-MM-DD" in p.stderr
    assert main(["extract", "--stages", "nlp,nonesuch", "-"]) == 2


def test_every_command_and_option_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, sp in sub.choices.items():  # type: ignore[union-attr]
        assert sp.description, name
        assert "example" in (sp.epilog or ""), f"{name} --help has no example"
        assert "exit codes" in (sp.epilog or ""), f"{name} --help lists no exit codes"
        assert "130" in (sp.epilog or "") or name == "serve", f"{name} --help does not say that Ctrl-C exits 130"
        for action in sp._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.dest} has no help"
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"tidings {name}" in readme, f"README does not mention `tidings {name}`"


def test_the_readme_shows_what_the_example_gives(example_record: dict[str, Any]) -> None:
    """The README's example block is the real table output (its first part), so docs match code."""
    from tidings.writers import render_table

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```\n== ", 1)[1].split("\n...\n```", 1)[0]
    shown = ("== " + block).splitlines()
    table = [line.rstrip() for line in render_table(example_record).splitlines()]
    source = next(i for i, line in enumerate(shown) if "source " in line)
    assert [line.rstrip() for line in shown[source + 1 :]] == table[source + 1 : source + 1 + len(shown) - source - 1]
    assert shown[0].rstrip() == table[0]
