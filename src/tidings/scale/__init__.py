"""Scale-out: the same ingestion on a Dask cluster (``tidings ingest --engine dask``).

Inputs are cut into partitions (:mod:`.partitions`), workers extract them into Parquet files
in a staging folder (:mod:`.worker`, :mod:`.staging`), and the driver loads the finished files
into the store (:mod:`.engine`). Needs the ``dask`` extra: ``pip install 'tidings[dask]'``.
"""

from .partitions import Partition, plan
from .worker import Job

__all__ = ["Job", "Partition", "plan"]
