"""The command line under bad input and bad luck: one line of error, documented exit codes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from store_fakes import register_fake_stages

import tidings.cli as cli
from tidings.cli import build_parser, main
from tidings.errors import ConfigError, TidingsError
from tidings.writers import write_json

GOOD = '{"id": "g1", "text": "9 people were killed in Alphaville on 2020-05-03 by the Red Legion."}\n'


def _jsonl(path: Path, *lines: str) -> str:
    path.write_text("".join(lines), encoding="utf-8")
    return str(path)


def test_a_bad_tidings_processes_breaks_neither_help_nor_stages(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setenv("TIDINGS_PROCESSES", "abc")
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["extract", "--help"])
    assert done.value.code == 0
    assert main(["stages"]) == 0 and "nlp" in capsys.readouterr().out
    register_fake_stages(monkeypatch)
    assert main(["extract", _jsonl(tmp_path / "a.jsonl", GOOD), "--stages", "fake", "--format", "jsonl"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "TIDINGS_PROCESSES='abc' is not a whole number" in err
    monkeypatch.setenv("TIDINGS_PROCESSES", "1")
    assert main(["extract", _jsonl(tmp_path / "a.jsonl", GOOD), "--stages", "fake", "--format", "jsonl"]) == 0


@pytest.mark.parametrize("stages", ["", " , ", "fake,,fake"])
def test_an_empty_stage_list_or_name_is_bad_usage(stages: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["extract", "--stages", stages, "x.jsonl"])
    assert done.value.code == 2 and "--stages" in capsys.readouterr().err


def test_gazetteer_info_without_a_gazetteer_is_exit_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import tidings.geo.gazetteer as gazetteer

    monkeypatch.setattr(gazetteer, "default_path", lambda: tmp_path / "none.sqlite")
    assert main(["gazetteer", "info"]) == 2
    assert "run `tidings gazetteer build`" in capsys.readouterr().err


def test_empty_inputs_get_a_note_and_exit_0(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    register_fake_stages(monkeypatch)
    empty = _jsonl(tmp_path / "empty.jsonl")
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    assert main(["extract", empty, str(folder), "--stages", "fake", "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.splitlines() == [f"tidings: no documents in {empty}", f"tidings: no documents in {folder}"]


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    register_fake_stages(monkeypatch)

    def interrupted(items: Any, options: Any) -> Iterator[Any]:
        yield next(iter(items))
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", interrupted)
    try:
        code = main(["extract", _jsonl(tmp_path / "a.jsonl", GOOD, GOOD), "--stages", "fake", "--format", "jsonl"])
    except KeyboardInterrupt:
        pytest.fail("Ctrl-C escaped main() as a KeyboardInterrupt")
    assert code == 130
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1 and json.loads(out)["id"] == "g1"
    assert err == "tidings: interrupted\n"


def test_sigint_with_worker_processes_prints_no_traceback(tmp_path: Path) -> None:
    """A real Ctrl-C (SIGINT to the whole process group) while two workers run the nlp stage."""
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"text": f"Police arrested {i} men in Lagos on Friday."}) + "\n" for i in range(20000)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(cli.__file__).parents[1]), os.environ.get("PYTHONPATH", "")])}
    p = subprocess.Popen(
        [sys.executable, "-m", "tidings", "extract", str(big), "--stages", "nlp", "--processes", "2", "--batch-size", "4", "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert p.stdout is not None
    p.stdout.readline()  # the workers are up and running
    os.killpg(p.pid, signal.SIGINT)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    assert err.strip().splitlines() == ["tidings: interrupted"]


def test_json_output_starts_only_with_the_first_record() -> None:
    import io

    def failing() -> Iterator[dict[str, Any]]:
        raise TidingsError("spaCy model missing")
        yield {}

    out = io.StringIO()
    with pytest.raises(TidingsError):
        list(write_json(failing(), out))
    assert out.getvalue() == ""
    list(write_json(iter(()), out))
    assert json.loads(out.getvalue()) == []


@pytest.mark.parametrize("port", ["0", "70000", "-1", "http"])
def test_serve_port_is_checked_by_the_parser(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["serve", "--port", port])
    assert done.value.code == 2 and "--port" in capsys.readouterr().err


def test_serve_on_a_port_in_use_is_one_line() -> None:
    from tidings.cli_serve import check_address

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ConfigError) as err:
            check_address("127.0.0.1", port)
    assert f"cannot listen on 127.0.0.1:{port}: the port is in use" in str(err.value) and "\n" not in str(err.value)
