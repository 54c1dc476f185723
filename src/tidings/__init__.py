"""tidings: news articles in; a sourced, dated, geolocated event record out.

>>> import tidings
>>> art = tidings.extract("Protesters marched in Lagos on Friday.", published="2021-02-26")
>>> record = tidings.to_record(art)
"""

from __future__ import annotations

from datetime import date

__version__ = "0.1.0"

from .contract import to_record, validate  # noqa: E402
from .errors import TidingsError  # noqa: E402
from .model import Article  # noqa: E402
from .pipeline import DEFAULT_STAGES, Pipeline  # noqa: E402
from .readers import ReadOptions, article_from_text  # noqa: E402


def extract(
    text: str,
    *,
    published: str | date | None = None,
    title: str | None = None,
    source: str = "-",
    pipeline: Pipeline | None = None,
) -> Article:
    """Run the default pipeline on one text, taken exactly as given."""
    pub = date.fromisoformat(published) if isinstance(published, str) else published
    art = article_from_text(text, source=source, options=ReadOptions(published=pub), clean=False, title=title)
    return (pipeline or Pipeline.from_names(DEFAULT_STAGES))(art)


__all__ = ["Article", "Pipeline", "TidingsError", "__version__", "extract", "to_record", "validate"]
