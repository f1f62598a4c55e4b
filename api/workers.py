"""Worker processes that run queries on the embedded store, so a query can really be stopped.

pyoxigraph cannot cancel a running query from another thread, so every query runs in a
forked worker that shares the loaded store with the parent copy-on-write; a worker whose
query passes the timeout is killed and replaced by a fresh fork of the parent. Writes are
applied to the parent's store (after a trial run in a worker, under the timeout) and all
workers are re-forked, so every worker answers from the same data.

All methods block: the engine calls them from a thread, never on the event loop.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import threading
from typing import Any

from antq.graph.store import (
    OxigraphStore,
    QueryTimeoutError,
    StoreError,
    StoreUnavailableError,
)


def _serve(conn: Any, store: OxigraphStore, parent_pid: int, inherited: list[int]) -> None:
    """Worker loop: run (operation, kwargs) requests until the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for fd in inherited:  # the parent's ends of sibling pipes: holding them would hide EOF
        try:
            os.close(fd)
        except OSError:
            pass
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent_pid:
                return
            continue
        try:
            op, kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", getattr(store, op)(**kwargs)))
        except StoreError as e:
            conn.send(("error", e))
        except Exception as e:  # noqa: BLE001 - report, keep serving
            conn.send(("error", StoreError(f"{type(e).__name__}: {e}")))


class _Worker:
    def __init__(self, ctx: Any, store: OxigraphStore, inherited: list[int]) -> None:
        parent, child = ctx.Pipe()
        inherited = [*inherited, parent.fileno()]
        self.proc = ctx.Process(target=_serve, args=(child, store, os.getpid(), inherited), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        self.broken = False

    def ask(self, op: str, kwargs: dict[str, Any], timeout: float) -> Any:
        """Send one request; raises QueryTimeoutError if no answer comes in time (caller kills us)."""
        try:
            self.conn.send((op, kwargs))
            if not self.conn.poll(timeout):
                raise QueryTimeoutError(f"stopped after {timeout:g} s, the configured query timeout")
            status, value = self.conn.recv()
        except (EOFError, OSError):
            self.broken = True
            self.proc.join(1)
            raise StoreError(f"query worker {self.proc.pid} died (exit code {self.proc.exitcode})") from None
        if status == "error":
            raise value
        return value

    def kill(self) -> None:
        self.conn.close()
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)


class WorkerPool:
    """``size`` forked workers over ``store``; ``run`` and ``write`` block, with a timeout."""

    def __init__(self, store: OxigraphStore, size: int, timeout: float) -> None:
        self.store, self.size, self.timeout = store, max(1, size), timeout
        self._ctx = mp.get_context("fork")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._guard = threading.Lock()  # protects _workers while forking
        self._writer = threading.Lock()
        self.restarts = 0
        for _ in range(self.size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        with self._guard:
            w = _Worker(self._ctx, self.store, [x.conn.fileno() for x in self._workers if not x.conn.closed])
            self._workers.add(w)
            return w

    def _retire(self, w: _Worker) -> None:
        with self._guard:
            self._workers.discard(w)
        w.kill()

    def _take(self, timeout: float) -> _Worker:
        try:
            return self._idle.get(timeout=timeout)
        except queue.Empty:
            raise StoreUnavailableError(
                f"all {self.size} query workers stayed busy for {timeout:g} s; try again later") from None

    def run(self, op: str, kwargs: dict[str, Any], timeout: float | None = None) -> Any:
        """Run ``store.<op>(**kwargs)`` in a worker; kill and replace it past the timeout.

        A worker found dead (killed from outside, out of memory) is replaced and the
        request retried, at most once per worker, so it ends on a fresh fork at worst.
        """
        timeout = self.timeout if timeout is None else timeout
        attempts = self.size + 1
        for attempt in range(1, attempts + 1):
            w = self._take(timeout)
            try:
                result = w.ask(op, kwargs, timeout)
            except QueryTimeoutError:
                self._replace(w)
                raise
            except StoreError:
                if not w.broken and w.proc.is_alive():
                    self._idle.put(w)
                    raise
                self._replace(w)
                if attempt == attempts:
                    raise
                continue
            self._idle.put(w)
            return result
        raise AssertionError("unreachable")

    def _replace(self, w: _Worker) -> None:
        self._retire(w)
        self.restarts += 1
        self._idle.put(self._spawn())

    def write(self, op: str, kwargs: dict[str, Any], trial: bool = True) -> None:
        """Apply a change to the parent store and re-fork every worker from it.

        With ``trial`` the change first runs in a worker under the timeout, so a runaway
        update is stopped there before the (uncancellable) parent store runs it.
        """
        with self._writer:
            held: list[_Worker] = []
            try:
                for _ in range(self.size):
                    held.append(self._take(self.timeout))
                if trial:
                    try:
                        held[0].ask(op, kwargs, self.timeout)
                    except QueryTimeoutError:
                        self._retire(held.pop(0))
                        self.restarts += 1
                        held.insert(0, self._spawn())
                        raise
                getattr(self.store, op)(**kwargs)
                for w in held:
                    self._retire(w)
                held = [self._spawn() for _ in range(self.size)]
            finally:
                for w in held:
                    self._idle.put(w)

    def close(self) -> None:
        with self._guard:
            workers, self._workers = list(self._workers), set()
        for w in workers:
            w.kill()
