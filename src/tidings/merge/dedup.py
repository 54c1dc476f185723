"""Near-duplicate documents (syndicated copies, updated versions) by MinHash and LSH bands.

A document's MinHash signature (word 5-shingles, :mod:`datasketch`) is cut into bands; two
documents that share a band bucket are candidates, and a candidate pair whose estimated
Jaccard similarity reaches :data:`DUPLICATE_THRESHOLD` is a duplicate pair. Whether a pair is
linked depends only on the two texts, so the links do not depend on the order of ingestion.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
SEED = 7
#: Estimated Jaccard similarity of word 5-shingles from which two documents are duplicates.
DUPLICATE_THRESHOLD = 0.6

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes
    buckets: tuple[str, ...]  # one per band


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def fingerprint(text: str) -> Fingerprint:
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update_batch(list(shingles(text)))
    values = np.asarray(mh.hashvalues, dtype=np.uint64)
    sig = values.astype("<u8").tobytes()
    buckets = tuple(
        hashlib.blake2b(sig[b * ROWS * 8 : (b + 1) * ROWS * 8], digest_size=8).hexdigest() for b in range(BANDS)
    )
    return Fingerprint(sig, buckets)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    x = np.frombuffer(a, dtype="<u8")
    y = np.frombuffer(b, dtype="<u8")
    return float(np.count_nonzero(x == y)) / len(x)


def earlier(a: tuple[str | None, str], b: tuple[str | None, str]) -> bool:
    """Order of (published, id) keys: the earlier document is the original."""
    return (a[0] or "9999", a[1]) < (b[0] or "9999", b[1])


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Connected components: node -> smallest node of its component."""
    parent = {n: n for n in nodes}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {n: find(n) for n in parent}
