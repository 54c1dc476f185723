"""The one place where spaCy objects become model objects. Nothing downstream imports spaCy."""

from __future__ import annotations

from typing import Any

from ..model import Article, Entity, Sentence, Span, Token
from .canonical import canonical_names


def tokens_of(doc: Any) -> tuple[Token, ...]:
    return tuple(
        Token(
            i=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            ent_type=t.ent_type_,
            is_space=t.is_space,
            like_num=t.like_num,
            morph=str(t.morph),
        )
        for t in doc
    )


def sentences_of(doc: Any) -> tuple[Sentence, ...]:
    out = []
    for s in doc.sents:
        # trim surrounding whitespace so sentence spans start and end on text
        toks = [t for t in s if not t.is_space]
        if not toks:
            continue
        out.append(Sentence(toks[0].idx, toks[-1].idx + len(toks[-1].text), s.start, s.end))
    return tuple(out)


def entities_of(doc: Any) -> tuple[Entity, ...]:
    raw = []
    for ent in doc.ents:
        text = ent.text
        start = ent.start_char
        # spaCy may include a leading "the" or trailing possessive; keep the name itself
        if "\n" in text.strip():  # an entity never runs across a line break
            text = text.lstrip()
            start = ent.start_char + len(ent.text) - len(text)
            text = text.split("\n", 1)[0]
        stripped = text.lstrip()
        start += len(text) - len(stripped)
        text = stripped.rstrip()
        if text.endswith("'s") or text.endswith("\u2019s"):
            text = text[:-2]
        if not text:
            continue
        raw.append((Span(start, start + len(text), text), ent.label_))
    names = canonical_names([(s.text, label) for s, label in raw])
    return tuple(
        Entity(id=f"e{i + 1}", span=span, label=label, canonical=names[i])
        for i, (span, label) in enumerate(raw)
    )


def to_article(article: Article, doc: Any) -> Article:
    """Attach tokens, sentences and entities from a parsed spaCy Doc."""
    return article.with_(
        tokens=tokens_of(doc), sentences=sentences_of(doc), entities=entities_of(doc)
    )
