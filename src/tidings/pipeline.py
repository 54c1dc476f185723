"""Stages, the stage registry, and the pipeline that runs them in batches.

A stage reads some layers of an :class:`~tidings.model.Article` and returns a new article with
more layers. It declares both (``requires``/``assigns``) and the pipeline checks the order when
it is built, so a misordered configuration fails at once with a message, not halfway through a
corpus.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from itertools import islice
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from .errors import PipelineOrderError, UnknownStage
from .model import Article

#: Layers every article has when it leaves a reader.
BASE_LAYERS = frozenset({"text", "title", "published"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def process(self, articles: Sequence[Article]) -> list[Article]:
        """Return one new article per input article, in order."""
        ...


class ArticleStage:
    """Convenience base for stages that work one article at a time."""

    name = "stage"
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()

    def process(self, articles: Sequence[Article]) -> list[Article]:
        return [self(a) for a in articles]

    def __call__(self, article: Article) -> Article:  # pragma: no cover - abstract
        raise NotImplementedError


#: Built-in stages: name -> "module:factory". Third-party packages add stages through the
#: ``tidings.stages`` entry-point group; a factory takes keyword options and returns a Stage.
BUILTIN_STAGES: Mapping[str, str] = MappingProxyType(
    {
        "nlp": "tidings.nlp.stage:NlpStage",
        "times": "tidings.timex.stage:TimeStage",
        "quantities": "tidings.quantities.stage:QuantityStage",
        "places": "tidings.geo.stage:PlaceStage",
        "quotes": "tidings.quotes.stage:QuoteStage",
        "events": "tidings.events.stage:EventStage",
    }
)

#: The default order of ``tidings extract``.
DEFAULT_STAGES: tuple[str, ...] = ("nlp", "times", "quantities", "places", "quotes", "events")


@dataclass(frozen=True)
class Registry:
    """Resolves stage names to factories: built-ins first, then entry points."""

    stages: Mapping[str, str] = field(default_factory=lambda: BUILTIN_STAGES)

    def names(self) -> list[str]:
        plugin = [ep.name for ep in entry_points(group="tidings.stages")]
        return sorted(set(self.stages) | set(plugin))

    def create(self, name: str, **options: Any) -> Stage:
        target = self.stages.get(name)
        if target is not None:
            module, _, attr = target.partition(":")
            factory = getattr(importlib.import_module(module), attr)
        else:
            found = [ep for ep in entry_points(group="tidings.stages") if ep.name == name]
            if not found:
                raise UnknownStage(name, self.names())
            factory = found[0].load()
        stage = factory(**options)
        if not isinstance(stage, Stage):
            raise UnknownStage(name, self.names())
        return stage


def check_order(stages: Sequence[Stage], provided: frozenset[str] = BASE_LAYERS) -> None:
    """Raise PipelineOrderError if a stage requires a layer no earlier stage assigns."""
    have = set(provided)
    for stage in stages:
        missing = stage.requires - have
        if missing:
            raise PipelineOrderError(
                f"stage {stage.name!r} requires {', '.join(sorted(missing))}, which no earlier "
                f"stage assigns (available: {', '.join(sorted(have))}); put a stage that "
                "assigns them before it"
            )
        have |= stage.assigns


class Pipeline:
    """An ordered, checked list of stages, run over articles in batches."""

    def __init__(
        self, stages: Sequence[Stage], *, batch_size: int = 64, provided: frozenset[str] = BASE_LAYERS
    ) -> None:
        check_order(stages, provided)
        self.stages = tuple(stages)
        self.batch_size = batch_size

    @classmethod
    def from_names(
        cls,
        names: Iterable[str] = DEFAULT_STAGES,
        *,
        registry: Registry | None = None,
        options: Mapping[str, Mapping[str, Any]] | None = None,
        batch_size: int = 64,
        provided: frozenset[str] = BASE_LAYERS,
    ) -> Pipeline:
        reg = registry or Registry()
        opts = options or {}
        stages = [reg.create(n, **dict(opts.get(n, {}))) for n in names]
        return cls(stages, batch_size=batch_size, provided=provided)

    def process(self, articles: Sequence[Article]) -> list[Article]:
        out = list(articles)
        for stage in self.stages:
            out = stage.process(out)
        return out

    def __call__(self, article: Article) -> Article:
        return self.process([article])[0]

    def stream(self, articles: Iterable[Article]) -> Iterator[Article]:
        it = iter(articles)
        while batch := list(islice(it, self.batch_size)):
            yield from self.process(batch)
