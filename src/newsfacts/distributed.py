"""The Dask engine: the same per-chunk work as a local run, on a Dask cluster of any size.

The driver streams the input in chunks (Dask's partitions) to the cluster and writes results back into
the store as they return, so neither side ever holds the corpus. Workers need newsfacts and the spaCy
pipeline installed, not the input files.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from .nlp import DEFAULT_MODEL, load_model


class ClusterUnavailable(RuntimeError):
    pass


@contextmanager
def dask_executor(
    scheduler: str | None = None, workers: int = 2, model: str = DEFAULT_MODEL
) -> Iterator[tuple[Executor, int]]:
    """An executor on the cluster at `scheduler` (e.g. tcp://SCHEDULER:8786), or on a new LocalCluster,
    and how many tasks the cluster runs at once. A local cluster gets `workers` single-threaded processes.
    """
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        client = Client(scheduler or cluster)
    except OSError as error:
        raise ClusterUnavailable(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
    try:
        client.run(preload_model, model)  # once per worker up front, so a missing model fails fast
        yield client.get_executor(pure=False), sum(client.nthreads().values())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def preload_model(model: str) -> None:
    load_model(model)
