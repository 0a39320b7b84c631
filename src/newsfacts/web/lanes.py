"""Analysis in worker processes, in two lanes so that one long article never makes everyone wait.

Ordinary articles go to one pool of processes, long ones (over LONG_ARTICLE_CHARS) to another; each lane
takes a bounded number of articles in at once and answers "busy" beyond it, instead of queueing without
end. The request-answering process only waits: spaCy and the stages hold Python's interpreter lock for
seconds at a time on a long article, which in a thread froze every other request. A process that runs
over the time limit, or whose request is cancelled (SIGTERM), is killed and replaced by a fresh one.

Pebble's process pool does the per-task time limit and the killing, which concurrent.futures' pool
cannot do. A worker ends by itself when the server process ends, however it ended (`workers.start_worker`).
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from ..workers import start_worker
from .work import warm

# About 3,500 words: longer than nearly every news article (the development sets average 3,750
# characters), short enough that an ordinary article never waits behind a book-length one.
LONG_ARTICLE_CHARS = 20_000
# Articles each lane takes in at once per process (being analysed or waiting); more are told to come back.
# An ordinary article takes a fraction of a second, so a burst of 64 clears in seconds; a long one can take
# half a minute.
ORDINARY_PER_WORKER = 64
LONG_PER_WORKER = 2
DEFAULT_TIMEOUT = 120.0
Result = TypeVar("Result")


class Busy(RuntimeError):
    """A lane is full; the request may be sent again later."""


class TookTooLong(RuntimeError):
    """An analysis ran over the time limit and its process was stopped."""


class WorkerDied(RuntimeError):
    """A worker process ended in the middle of an analysis (killed, or out of memory)."""


class Lane:
    def __init__(self, name: str, workers: int, capacity: int, timeout: float, model: str) -> None:
        self.name = name
        self.capacity = capacity
        self.timeout = timeout
        self.waiting = 0
        # Fresh interpreters ("spawn"): forking the server would copy its threads' locks into the workers.
        self.pool = ProcessPool(max_workers=workers, initializer=start_worker, initargs=(model,),
                                context=multiprocessing.get_context("spawn"))

    async def run(self, function: Callable[..., Result], *args: Any) -> Result:
        if self.waiting >= self.capacity:
            raise Busy(f"the server is busy with {self.waiting} {self.name} articles; try again in a minute")
        self.waiting += 1
        try:
            # Cancelling the awaited future (a request cancelled at shutdown) cancels the task, which kills its process.
            return await asyncio.wrap_future(self.pool.schedule(function, args=args, timeout=self.timeout))
        except FutureTimeout:
            raise TookTooLong(f"the analysis took over {self.timeout:g} s and was stopped") from None
        except ProcessExpired as error:
            raise WorkerDied(f"the analysis process ended ({error})") from None
        finally:
            self.waiting -= 1

    def stop(self) -> None:
        self.pool.stop()
        self.pool.join()


class Lanes:
    """The two lanes; `run` sends a job to the one its size belongs in."""

    def __init__(self, model: str, workers: int = 1, long_workers: int = 1, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.model = model
        self.ordinary = Lane("ordinary", workers, workers * ORDINARY_PER_WORKER, timeout, model)
        self.long = Lane("long", long_workers, long_workers * LONG_PER_WORKER, timeout, model)

    def lane_for(self, size: int) -> Lane:
        return self.long if size > LONG_ARTICLE_CHARS else self.ordinary

    async def run(self, size: int, function: Callable[..., Result], *args: Any) -> Result:
        return await self.lane_for(size).run(function, *args)

    async def start(self) -> None:
        """Start the ordinary lane's processes and wait until they have loaded the model; the long lane starts
        loading behind it (its first article waits for that, not for the server's start-up)."""
        await self.ordinary.run(warm, self.model)
        self.long.pool.schedule(warm, args=(self.model,))

    def stop(self) -> None:
        for lane in (self.ordinary, self.long):
            lane.stop()
