"""Run a pipeline over a stream of read items, in batches, optionally in worker processes.

Input order is kept. Rejected inputs pass through as :class:`InputError` values; an article
that a stage fails on becomes an ``InputError`` too (the batch is retried one by one), so one
bad document never takes the batch down.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice

from .errors import InputError, TidingsError, WorkerDied
from .model import Article
from .pipeline import DEFAULT_STAGES, Pipeline

Item = Article | InputError


class StageFailed(InputError):
    """A stage raised on one document; the document is reported and skipped."""


@dataclass(frozen=True)
class RunOptions:
    stages: tuple[str, ...] = field(default=DEFAULT_STAGES)
    batch_size: int = 32
    processes: int = 1


@lru_cache(maxsize=4)
def _pipeline(stages: tuple[str, ...], batch_size: int) -> Pipeline:
    return Pipeline.from_names(stages, batch_size=batch_size)


def check_stages(stages: tuple[str, ...], batch_size: int = 32) -> None:
    """Build the pipeline once (stages load their models lazily), so that a bad stage list
    fails before any input is read."""
    _pipeline(stages, batch_size)


def process_batch(batch: Sequence[Item], stages: tuple[str, ...], batch_size: int) -> list[Item]:
    pipe = _pipeline(stages, batch_size)
    articles = [a for a in batch if isinstance(a, Article)]
    try:
        done: list[Item] = list(pipe.process(articles))
    except TidingsError:
        raise
    except Exception:
        done = [_one(pipe, a) for a in articles]
    it = iter(done)
    return [next(it) if isinstance(x, Article) else x for x in batch]


def _one(pipe: Pipeline, article: Article) -> Item:
    try:
        return pipe(article)
    except TidingsError:
        raise
    except Exception as exc:  # reported per document, with the stage's error type
        where = article.source if article.source == article.id else f"{article.source} (id {article.id})"
        return StageFailed(where, f"extraction failed ({type(exc).__name__}: {exc}); please report it with this document")


def _worker(args: tuple[list[Item], tuple[str, ...], int]) -> list[Item]:
    """Process a batch in a worker. The parse (tokens, sentences) is dropped before the result
    is sent back: it is most of an article's size, no record field needs it, and pickling it
    across processes cost more than the extraction itself."""
    done = process_batch(*args)
    return [x.with_(tokens=(), sentences=()) if isinstance(x, Article) else x for x in done]


def run(items: Iterable[Item], options: RunOptions | None = None) -> Iterator[Item]:
    """Yield processed articles and rejections, in input order."""
    opts = options or RunOptions()
    it = iter(items)
    # the first batch holds one document, so that the first record comes out quickly
    first = list(islice(it, 1))
    rest = iter(lambda: list(islice(it, opts.batch_size)), [])
    batches = chain([first] if first else [], rest)
    if opts.processes <= 1:
        for batch in batches:
            yield from process_batch(batch, opts.stages, opts.batch_size)
        return
    yield from _run_pool(batches, opts)


def _run_pool(batches: Iterator[list[Item]], opts: RunOptions) -> Iterator[Item]:
    """Batches to worker processes, at most two in flight per worker, results in input order.
    A worker that dies (killed, out of memory) stops the run with an error instead of a hang."""
    window = 2 * opts.processes
    with ProcessPoolExecutor(opts.processes, mp_context=mp.get_context("spawn"), initializer=_ignore_interrupts) as pool:
        pending: deque[Future[list[Item]]] = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(_worker, (batch, opts.stages, opts.batch_size)))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            raise WorkerDied(
                "a worker process died (killed, or out of memory); what was written so far is "
                "complete: rerun with fewer --processes or a smaller --batch-size"
            ) from None
        except BaseException:  # interrupted, or the consumer stopped: drop the batches not started
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C (SIGINT, sent to the whole process group) to the main process,
    which stops the run; without this each worker would print its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
