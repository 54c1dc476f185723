from __future__ import annotations

from collections.abc import Sequence

import pytest

from tidings.errors import PipelineOrderError, UnknownStage
from tidings.model import Article
from tidings.nlp.canonical import canonical_names
from tidings.pipeline import Pipeline, Registry
from tidings.runner import RunOptions, StageFailed, run


class Marker:
    name = "marker"
    requires = frozenset({"tokens"})
    assigns = frozenset({"marks"})

    def process(self, articles: Sequence[Article]) -> list[Article]:
        return [a.with_(title="marked") for a in articles]


def test_order_is_checked_when_built() -> None:
    with pytest.raises(PipelineOrderError, match="requires tokens"):
        Pipeline([Marker()])


def test_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(UnknownStage, match="nlp"):
        Registry().create("nope")


def test_run_keeps_order_and_passes_errors_through() -> None:
    from tidings.errors import EmptyInput

    arts = [Article(id=str(i), source="t", text=f"Doc {i}.") for i in range(5)]
    items = [arts[0], EmptyInput("x", "empty"), *arts[1:]]
    out = list(run(items, RunOptions(stages=("nlp",), batch_size=2)))
    assert [getattr(o, "id", None) for o in out] == ["0", None, "1", "2", "3", "4"]
    assert all(isinstance(o, Article) and o.tokens for o in out if not isinstance(o, EmptyInput))


def test_two_processes_give_the_same_records() -> None:
    from tidings.contract import to_record

    arts = [Article(id=str(i), source="t", text=f"Rebels attacked the town of Goma on day {i}.") for i in range(6)]
    one = [to_record(a) for a in run(arts, RunOptions(batch_size=2)) if isinstance(a, Article)]
    two = [to_record(a) for a in run(arts, RunOptions(batch_size=2, processes=2)) if isinstance(a, Article)]
    assert one == two and len(one) == 6


def test_a_failing_stage_rejects_only_its_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings import runner

    class Boom:
        name = "boom"
        requires: frozenset[str] = frozenset()
        assigns: frozenset[str] = frozenset()

        def process(self, articles: Sequence[Article]) -> list[Article]:
            if any("bad" in a.text for a in articles):
                raise RuntimeError("kaput")
            return list(articles)

    monkeypatch.setattr(runner, "_pipeline", lambda s, b: Pipeline([Boom()]))
    arts = [Article(id="1", source="a", text="fine"), Article(id="2", source="b", text="bad one")]
    out = list(run(arts, RunOptions(stages=("boom",))))
    assert isinstance(out[0], Article)
    assert isinstance(out[1], StageFailed) and "kaput" in str(out[1]) and str(out[1]).startswith("b (id 2): ")


def test_canonical_names_titles_surnames_acronyms() -> None:
    names = canonical_names(
        [
            ("President Maria Lopez", "PERSON"),
            ("Lopez", "PERSON"),
            ("World Health Organization", "ORG"),
            ("WHO", "ORG"),
            ("Gen. Ali Musa", "PERSON"),
            ("Musa", "PERSON"),
        ]
    )
    assert names == ["Maria Lopez", "Maria Lopez", "World Health Organization", "World Health Organization", "Ali Musa", "Ali Musa"]


def test_rejections_survive_pickling_between_processes() -> None:
    import pickle

    from tidings.errors import EmptyInput
    from tidings.runner import StageFailed

    for err in (EmptyInput("a.txt", "no text"), StageFailed("b.txt", "extraction failed (X: y)")):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err) and back.reason == err.reason


def test_two_processes_pass_rejections_through(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tidings.readers import read_paths

    f = tmp_path / "mix.jsonl"
    f.write_text('{"text": "Troops clashed near Goma."}\n{"text": ""}\nnot json\n{"text": "Police arrested two men."}\n')
    out = list(run(read_paths([str(f)]), RunOptions(batch_size=1, processes=2)))
    assert [type(o).__name__ for o in out] == ["Article", "EmptyInput", "MalformedInput", "Article"]
    assert all(not o.tokens for o in out if isinstance(o, Article))


def test_records_do_not_depend_on_the_hash_seed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys

    text = (
        "The Associated Press and the Associates Press Club both reported on the vote. "
        "AP said turnout was high. The United Nations and the Union of Nurses met; the UN said little."
    )
    f = tmp_path / "seed.jsonl"
    f.write_text(json.dumps({"id": "s", "text": text, "published": "2020-01-02"}) + "\n")
    outs = []
    for seed in ("1", "2", "3"):
        env = {"PYTHONHASHSEED": seed, "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
        p = subprocess.run([sys.executable, "-m", "tidings", "extract", str(f), "--format", "jsonl"], capture_output=True, text=True, env=env, timeout=300)
        assert p.returncode == 0, p.stderr
        outs.append(p.stdout)
    assert outs[0] == outs[1] == outs[2]
