"""Worker processes that run queries on the embedded store, so a query can really be stopped.

pyoxigraph cannot cancel a running query from another thread, so every query runs in a
forked worker that shares the loaded store with the parent copy-on-write; a worker whose
query passes the timeout is killed and replaced by a fresh fork of the parent. Writes are
applied to the parent's store (after a trial run in a worker, under the timeout) and all
workers are re-forked, so every worker answers from the same data.

The parent talks to each worker over a socket pair awaited on the event loop itself (no
thread hop per query): a request is one pickled (operation, arguments) frame; the answer
is a small pickled header plus the result's bytes as they are (a query's response body,
serialised in the worker), so rows are never turned into Python objects on the way. The
bytes of an answer that fits are put in memory each worker shares with the server, not
through the socket: one copy instead of two through the kernel and the many wake-ups of a
multi-MB transfer (a 6.9 MB answer came back 1.2 ms sooner).
"""

from __future__ import annotations

import asyncio
import collections
import mmap
import multiprocessing as mp
import os
import pickle
import signal
import socket
import struct
import threading
from typing import Any

from antq.graph.store import (
    OxigraphStore,
    QueryResult,
    QueryTimeoutError,
    StoreError,
    StoreUnavailableError,
)

_FRAME = struct.Struct("!IQ")  # header length, body length
# Each worker shares this much memory with the server (pages are used only once written):
# an answer that fits is handed over there, a larger one goes through the socket.
SHARED_BYTES = 64 << 20
# What a worker's shared memory keeps resident after an answer: pages past it are given back
# once read, so a rare 60 MB answer does not pin 60 MB per worker for the server's lifetime,
# while the common answer skips the page faults of fresh memory.
KEEP_BYTES = 8 << 20


def _frame(head: Any, body: bytes = b"") -> bytes:
    return b"".join(_frame_parts(head, body))


def _frame_parts(head: Any, body: bytes = b"") -> tuple[bytes, bytes]:
    """(lengths and pickled header, body): sent one after the other, the body is never copied."""
    h = pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL)
    return _FRAME.pack(len(h), len(body)) + h, body


def _recv_exactly(sock: socket.socket, n: int) -> bytearray:
    buf = bytearray(n)
    view, got = memoryview(buf), 0
    while got < n:
        k = sock.recv_into(view[got:])
        if not k:
            raise EOFError
        got += k
    return buf


def _answer(store: OxigraphStore, op: str, kwargs: dict[str, Any], shared: mmap.mmap) -> tuple[bytes, bytes]:
    try:
        value = getattr(store, op)(**kwargs)
    except StoreError as e:
        return _frame_parts(("error", e))
    except Exception as e:  # noqa: BLE001 - report, keep serving
        return _frame_parts(("error", StoreError(f"{type(e).__name__}: {e}")))
    if isinstance(value, QueryResult):
        meta = ("result", value.kind, value.format, value.truncated, value.elapsed)
        if len(value.data) > len(shared):
            return _frame_parts((*meta, None), value.data)
        shared[: len(value.data)] = value.data  # one copy, against two through the kernel
        return _frame_parts((*meta, len(value.data)))
    return _frame_parts(("ok", value))


def _serve(sock: socket.socket, store: OxigraphStore, shared: mmap.mmap, inherited: list[int],
           siblings: list[mmap.mmap]) -> None:
    """Worker loop: answer requests until the parent's end of the socket closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for fd in inherited:  # the parent's ends of sibling sockets: holding them would hide EOF
        try:
            os.close(fd)
        except OSError:
            pass
    for memory in siblings:  # other workers' shared memory: holding it would keep its pages alive
        memory.close()
    while True:
        try:
            head_len, body_len = _FRAME.unpack(_recv_exactly(sock, _FRAME.size))
            op, kwargs = pickle.loads(_recv_exactly(sock, head_len + body_len))
        except (EOFError, OSError):
            return
        for part in _answer(store, op, kwargs, shared):
            sock.sendall(part)


class _Worker:
    def __init__(self, ctx: Any, store: OxigraphStore, siblings: list[_Worker], shared_bytes: int,
                 keep_bytes: int, paths: collections.Counter[str]) -> None:
        parent, child = socket.socketpair()
        self.shared = mmap.mmap(-1, shared_bytes)  # anonymous and shared: the forked child writes, we read
        self.keep_bytes = keep_bytes - keep_bytes % mmap.PAGESIZE
        self.paths = paths
        inherited = [w.sock.fileno() for w in siblings if w.sock.fileno() >= 0]
        memories = [w.shared for w in siblings if not w.shared.closed]
        self.proc = ctx.Process(target=_serve, args=(child, store, self.shared, [*inherited, parent.fileno()],
                                                     memories), daemon=True)
        self.proc.start()
        child.close()
        parent.setblocking(False)
        self.sock = parent

    async def ask(self, op: str, kwargs: dict[str, Any]) -> Any:
        """One request and its answer: a QueryResult, or what the operation returned."""
        loop = asyncio.get_running_loop()
        try:
            await loop.sock_sendall(self.sock, _frame((op, kwargs)))
            data = await loop.sock_recv(self.sock, 1 << 16)
            while len(data) < _FRAME.size:
                data += await self._more(loop)
            head_len, body_len = _FRAME.unpack_from(data)
            start = _FRAME.size + head_len
            while len(data) < start:
                data += await self._more(loop)
            status, *meta = pickle.loads(memoryview(data)[_FRAME.size : start])
            # the body is received straight into the buffer the response is sent from: no copy
            body = bytearray(body_len)
            got = len(data) - start
            body[:got] = memoryview(data)[start:]
            await self._fill(loop, memoryview(body), got)
        except (EOFError, OSError):
            await asyncio.to_thread(self.proc.join, 1)
            raise _Died(f"query worker {self.proc.pid} died (exit code {self.proc.exitcode})") from None
        if status == "error":
            raise meta[0]
        if status == "result":
            if meta[4] is not None:  # the answer is in the shared memory, until our next request
                body = bytearray(memoryview(self.shared)[: meta[4]])
                if meta[4] > self.keep_bytes:
                    self.shared.madvise(mmap.MADV_REMOVE, self.keep_bytes, meta[4] - self.keep_bytes)
            self.paths["shared memory" if meta[4] is not None else "socket"] += 1
            return QueryResult(meta[0], body, meta[1], meta[2], meta[3])
        return meta[0]

    async def _more(self, loop: asyncio.AbstractEventLoop) -> bytes:
        data = await loop.sock_recv(self.sock, 1 << 16)
        if not data:
            raise EOFError
        return data

    async def _fill(self, loop: asyncio.AbstractEventLoop, view: memoryview, got: int) -> None:
        while got < len(view):
            k = await loop.sock_recv_into(self.sock, view[got:])
            if not k:
                raise EOFError
            got += k

    def kill(self) -> None:
        self.sock.close()
        self.shared.close()
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)


class _Died(StoreError):
    """The worker process went away (killed from outside, out of memory)."""


class WorkerPool:
    """``size`` forked workers over ``store``; ``run`` and ``write`` are awaited, with a timeout.

    Idle workers and waiting requests are kept under a thread lock and waiters are woken
    through their own event loop, so the pool serves any loop (the server's, or a test's).
    """

    def __init__(self, store: OxigraphStore, size: int, timeout: float, shared_bytes: int = SHARED_BYTES,
                 keep_bytes: int = KEEP_BYTES) -> None:
        self.store, self.size, self.timeout = store, max(1, size), timeout
        self.shared_bytes, self.keep_bytes = shared_bytes, keep_bytes
        self.answer_paths: collections.Counter[str] = collections.Counter()  # how answers came back
        self._ctx = mp.get_context("fork")
        self._lock = threading.Lock()
        self._idle: collections.deque[_Worker] = collections.deque()
        self._waiters: collections.deque[asyncio.Future] = collections.deque()
        self._workers: set[_Worker] = set()
        self._writer = threading.Lock()
        self._tasks: set[asyncio.Task] = set()
        self.restarts = 0
        for _ in range(self.size):
            self._release(self._spawn())

    def _spawn(self) -> _Worker:
        with self._lock:
            w = _Worker(self._ctx, self.store, list(self._workers), self.shared_bytes, self.keep_bytes,
                        self.answer_paths)
            self._workers.add(w)
            return w

    def _retire(self, w: _Worker) -> None:
        with self._lock:
            self._workers.discard(w)
        w.kill()

    def _release(self, w: _Worker) -> None:
        with self._lock:
            while self._waiters:
                fut = self._waiters.popleft()
                if not fut.done():
                    fut.get_loop().call_soon_threadsafe(self._hand_over, fut, w)
                    return
            self._idle.append(w)

    def _hand_over(self, fut: asyncio.Future, w: _Worker) -> None:
        if fut.done():  # the waiter gave up meanwhile: next one
            self._release(w)
        else:
            fut.set_result(w)

    async def _take(self, timeout: float) -> _Worker:
        with self._lock:
            if self._idle:
                return self._idle.popleft()
            fut = asyncio.get_running_loop().create_future()
            self._waiters.append(fut)
        try:
            return await asyncio.wait_for(fut, timeout)
        except TimeoutError:
            raise StoreUnavailableError(
                f"all {self.size} query workers stayed busy for {timeout:g} s; try again later") from None

    async def _replace(self, w: _Worker) -> None:
        self._retire(w)
        self.restarts += 1
        self._release(await asyncio.to_thread(self._spawn))

    async def _ask(self, w: _Worker, op: str, kwargs: dict[str, Any], timeout: float) -> Any:
        """Ask one worker; past the timeout (or if the caller gives up) it is killed and replaced."""
        try:
            async with asyncio.timeout(timeout):  # no extra task, unlike wait_for
                return await w.ask(op, kwargs)
        except TimeoutError:
            await self._replace(w)
            raise QueryTimeoutError(f"stopped after {timeout:g} s, the configured query timeout") from None
        except _Died:
            raise
        except StoreError:
            self._release(w)
            raise
        except BaseException:  # cancelled mid-answer: the worker's state is unknown
            task = asyncio.get_running_loop().create_task(self._replace(w))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            raise

    async def run(self, op: str, kwargs: dict[str, Any], timeout: float | None = None) -> Any:
        """Run ``store.<op>(**kwargs)`` in a worker; kill and replace it past the timeout.

        A worker found dead (killed from outside, out of memory) is replaced and the
        request retried, at most once per worker, so it ends on a fresh fork at worst.
        """
        timeout = self.timeout if timeout is None else timeout
        attempts = self.size + 1
        for attempt in range(1, attempts + 1):
            w = await self._take(timeout)
            try:
                result = await self._ask(w, op, kwargs, timeout)
            except _Died:
                await self._replace(w)
                if attempt == attempts:
                    raise
                continue
            self._release(w)
            return result
        raise AssertionError("unreachable")

    async def write(self, op: str, kwargs: dict[str, Any], trial: bool = True) -> None:
        """Apply a change to the parent store and re-fork every worker from it.

        With ``trial`` the change first runs in a worker under the timeout, so a runaway
        update is stopped there before the (uncancellable) parent store runs it.
        """
        await asyncio.to_thread(self._writer.acquire)
        held: list[_Worker] = []
        try:
            for _ in range(self.size):
                held.append(await self._take(self.timeout))
            if trial:
                try:
                    async with asyncio.timeout(self.timeout):
                        await held[0].ask(op, kwargs)
                except StoreError as e:
                    if isinstance(e, _Died):
                        await self._renew(held)
                    raise
                except TimeoutError:
                    await self._renew(held)
                    raise QueryTimeoutError(f"stopped after {self.timeout:g} s, the configured query timeout") from None
                except BaseException:
                    await self._renew(held)
                    raise
            await asyncio.to_thread(getattr(self.store, op), **kwargs)
            for w in held:
                self._retire(w)
            held = [await asyncio.to_thread(self._spawn) for _ in range(self.size)]
        finally:
            for w in held:
                self._release(w)
            self._writer.release()

    async def _renew(self, held: list[_Worker]) -> None:
        """Replace the first held worker (its trial run was stopped) by a fresh fork, still held."""
        self._retire(held[0])
        self.restarts += 1
        held[0] = await asyncio.to_thread(self._spawn)

    def close(self) -> None:
        with self._lock:
            workers, self._workers = list(self._workers), set()
            self._idle.clear()
        for w in workers:
            w.kill()
