"""What every worker process of newsfacts does first, the batch's (`corpus`) and the server's (`web.lanes`):
it ends when the process that started it ends, and loads the model once; and what their parent does last,
waiting for multiprocessing's helper process."""

from __future__ import annotations

import multiprocessing.resource_tracker
import multiprocessing.util
import os
import signal
import threading
from multiprocessing import parent_process
from multiprocessing.connection import wait

from .nlp import load_model


def start_worker(model: str) -> None:
    """A worker process's start: it watches the process that started it, and ends when that one does (a
    SIGKILL gives the parent no chance to stop its workers, and one in the middle of a long analysis would run
    on to its end for an answer no one reads; multiprocessing's resource tracker would wait for it); then it
    loads the model, once."""
    parent = parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), name="end-with-parent", daemon=True).start()
    # Ctrl-C reaches every process of the terminal's group; the parent stops the run, so a worker ignores it
    # rather than dying with a traceback in the middle of its work.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_model(model)


def _end_with(sentinel: int) -> None:
    wait([sentinel])  # ready when the parent process has ended
    os._exit(1)


def wait_for_helpers_at_exit() -> None:
    """Make this process, at its exit, stop and wait for multiprocessing's resource tracker. Spawned workers
    need that helper process; it ends only once every process sharing its pipe has closed it, so it would
    otherwise outlive its parent by a moment, and a process supervisor would see a stray process."""
    # Run by multiprocessing's own exit handler after every semaphore is released and every worker joined (those
    # run at priority 0 and above), so nothing starts the tracker again. The standard library has no public call
    # for stopping it; its own tests use this one.
    multiprocessing.util.Finalize(None, multiprocessing.resource_tracker._resource_tracker._stop, exitpriority=-100)
