"""Worker processes end with the process that started them, and that process leaves no helper behind."""

from __future__ import annotations

import subprocess
import sys

import psutil

# A parent with a pool of one spawned worker (as the batch and the server start theirs) busy for two minutes.
BUSY_PARENT = """
import sys, time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from newsfacts.workers import start_worker
pool = ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=start_worker, initargs=(sys.argv[1],))
pool.submit(time.sleep, 120)
print("started", flush=True)
time.sleep(120)
"""
# A parent whose pool has done its work, exiting; it says which process is multiprocessing's resource tracker.
DONE_PARENT = """
import psutil
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from newsfacts.workers import wait_for_helpers_at_exit
wait_for_helpers_at_exit()
with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
    assert pool.submit(abs, -1).result() == 1
print(*[child.pid for child in psutil.Process().children() if "resource_tracker" in " ".join(child.cmdline())])
"""


def test_a_worker_ends_when_its_parent_is_killed():
    from newsfacts.nlp import DEFAULT_MODEL

    parent = subprocess.Popen([sys.executable, "-c", BUSY_PARENT, DEFAULT_MODEL], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().strip() == "started"
        children = psutil.Process(parent.pid).children()
        assert any("multiprocessing-fork" in " ".join(child.cmdline()) for child in children)
        parent.kill()  # nothing of the parent's own runs: no clean-up
        parent.wait()
        _, alive = psutil.wait_procs(children, timeout=15)
        assert alive == []  # the worker's two minutes of work, and the tracker that waited for it, are cut short
    finally:
        if parent.poll() is None:
            parent.kill()


def test_the_parent_waits_for_multiprocessings_helper_before_it_exits():
    parent = subprocess.run([sys.executable, "-c", DONE_PARENT], capture_output=True, text=True, check=True, timeout=60)
    tracker = int(parent.stdout)
    assert not psutil.pid_exists(tracker)  # ended and reaped by the parent, not left to end on its own afterwards
