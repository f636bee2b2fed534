"""Where documents are extracted: in this process, in worker processes, or on a dask cluster.

Every engine runs the same pure function (:func:`govkg.pipeline.extract_document`) on
``(path, doc_id)`` tasks and yields the compact results as they complete: a document's
quads come back as N-Quads text, never as object graphs. At most a few tasks per worker
are in flight, so memory follows the work in progress, not the size of the corpus.
Each worker process loads its :class:`~govkg.pipeline.Extractor` (jieba, gazetteer) once.
"""

from __future__ import annotations

import importlib
import multiprocessing
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from govkg.errors import GovkgError

if TYPE_CHECKING:
    from govkg.pipeline import DocumentResult, Extractor

Task = tuple[str, str]  # (path, doc_id)
IN_FLIGHT_PER_WORKER = 4
ENGINES = ("local", "dask")


@dataclass(frozen=True)
class Job:
    """What a worker needs besides the document; small and picklable."""

    extractor: str  # "module:QualName" of the extractor class, imported by the worker
    base: str
    max_chars: int


def class_path(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


_LOAD_LOCK = threading.Lock()


@cache
def _cached_extractor(extractor: str) -> Extractor:
    module, _, name = extractor.partition(":")
    cls = importlib.import_module(module)
    for part in name.split("."):
        cls = getattr(cls, part)
    extractor = cls()
    warm = getattr(extractor, "warm", None)
    return warm() if callable(warm) else extractor


def worker_extractor(extractor: str) -> Extractor:
    """This process's extractor, loaded on first use (threads of a dask worker share it).

    The class travels by name: a worker imports it once its ``sys.path`` is set up.
    """
    with _LOAD_LOCK:
        return _cached_extractor(extractor)


def run_task(job: Job, task: Task) -> DocumentResult:
    """A worker's entry point: the document extracted with this process's extractor."""
    from govkg.pipeline import extract_document

    return extract_document(task[0], task[1], worker_extractor(job.extractor), job.base, job.max_chars)


def run_serial(tasks: Iterable[Task], job: Job, extractor: Extractor) -> Iterator[DocumentResult]:
    from govkg.pipeline import extract_document

    for path, doc_id in tasks:
        yield extract_document(path, doc_id, extractor, job.base, job.max_chars)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver (spawn where there is none): jieba and a forked parent's threads do not mix."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["govkg.pipeline", "govkg.forkserver"])
        return ctx
    return multiprocessing.get_context("spawn")


def run_processes(tasks: Iterable[Task], job: Job, workers: int) -> Iterator[DocumentResult]:
    """Extract in ``workers`` processes; a worker that dies costs its own document, not the build.

    When a worker dies, the pool breaks and every document in flight is retried alone in
    a one-worker pool, which tells the document that killed it from its innocent neighbours.
    """
    pending = iter(tasks)
    while True:
        executor = _pool(job, workers)
        in_flight: dict[Future, Task] = {}
        try:
            for task in islice(pending, workers * IN_FLIGHT_PER_WORKER):
                in_flight[executor.submit(run_task, job, task)] = task
            while in_flight:
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    result = future.result()
                    del in_flight[future]
                    yield result
                    for task in islice(pending, 1):
                        in_flight[executor.submit(run_task, job, task)] = task
            return
        except BrokenProcessPool:
            suspects = list(in_flight.values())
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
        yield from _one_by_one(suspects, job)


def _pool(job: Job, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=worker_extractor,
                               initargs=(job.extractor,))


def _one_by_one(tasks: list[Task], job: Job) -> Iterator[DocumentResult]:
    from govkg.pipeline import DocumentResult

    executor = None
    try:
        for task in tasks:
            executor = executor or _pool(job, 1)
            try:
                yield executor.submit(run_task, job, task).result()
            except BrokenProcessPool:
                executor.shutdown(wait=True)
                executor = None
                yield DocumentResult.failed(*task, "a worker process died while extracting it (out of memory?)")
    finally:
        if executor is not None:
            executor.shutdown(wait=True)


def run_dask(tasks: Iterable[Task], job: Job, workers: int, scheduler: str | None) -> Iterator[DocumentResult]:
    """Extract on a dask.distributed cluster (``scheduler`` address), or a local one on 127.0.0.1.

    Workers read the files by path: on a real cluster they need the same file system.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise GovkgError("--engine dask needs dask.distributed: pip install 'govkg[dask]'") from exc
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            yield from _run_on(client, as_completed, tasks, job, workers)
    finally:
        if cluster is not None:
            cluster.close()


def _run_on(client, as_completed, tasks: Iterable[Task], job: Job, workers: int) -> Iterator[DocumentResult]:
    from govkg.pipeline import DocumentResult

    limit = max(1, sum(client.nthreads().values()) or workers) * IN_FLIGHT_PER_WORKER
    pending = iter(tasks)
    submitted: dict = {}

    def submit(task: Task):
        future = client.submit(run_task, job, task, pure=False)
        submitted[future.key] = task
        return future

    futures = as_completed([submit(task) for task in islice(pending, limit)])
    for future in futures:
        task = submitted.pop(future.key)
        try:
            result = future.result()
        except Exception as exc:  # a worker lost with the document (KilledWorker), not the build
            result = DocumentResult.failed(*task, f"the dask worker failed while extracting it: {exc}")
        future.release()
        for more in islice(pending, 1):
            futures.add(submit(more))
        yield result
