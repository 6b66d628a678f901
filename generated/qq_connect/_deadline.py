# Copied from generator/runtime/_deadline.py; do not edit here: edit that file and run `make generate`.
"""The sync client's deadline while reading: one thread that shuts overdue sockets down.

httpcore fixes the read timeout once per phase, and a blocking read cannot be interrupted
from Python, so a server sending a byte a second would keep a sync call alive whatever its
timeouts. The async client needs none of this: it cancels (``anyio.move_on_after``).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import math
import os
import socket
import threading
import time
from collections.abc import Mapping
from typing import Any, Self

__all__ = ["WATCHDOG", "Watch", "Watchdog"]


class Watch:
    """The sockets of one sync attempt, shut down if its deadline passes before ``stop()``."""

    def __init__(self, lock: threading.Condition) -> None:
        self._lock = lock
        self._sockets: list[socket.socket] = []
        self.active = True
        self.fired = False

    def add(self, stream: object) -> None:
        """Watch the socket of an httpcore network stream (nothing if it has none)."""
        get_extra_info = getattr(stream, "get_extra_info", None)
        found = get_extra_info("socket") if get_extra_info is not None else None
        if not isinstance(found, socket.socket):
            return
        with self._lock:
            if self.active:
                self._sockets.append(found)
                if self.fired:
                    _shut(found)

    def trace(self, event: str, info: Mapping[str, Any]) -> None:
        """httpcore's ``trace`` extension: the socket of a new connection, before its headers."""
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            self.add(info.get("return_value"))

    def expire(self) -> None:
        """The deadline passed: wake every blocked read (called with the lock held)."""
        if self.active:
            self.fired = True
            for sock in self._sockets:
                _shut(sock)

    def stop(self) -> None:
        """The attempt is over: its connection may serve another call from now on."""
        with self._lock:
            self.active = False
            self._sockets.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown: ssl.SSLSocket's own would also drop its SSL object
    # under the reading thread. A read blocked on the socket returns at once, at its end.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Watchdog:
    """One daemon thread that enforces the deadlines of sync calls on their sockets.

    httpcore fixes the read timeout once per phase, and a blocking read cannot be
    interrupted from Python: a server sending a byte a second would keep a sync call alive
    whatever its timeouts. At an attempt's deadline this shuts its sockets down, which ends
    the read. (The async client cancels instead: ``anyio.move_on_after``.)
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """No deadline watched, no thread yet (a forked child's state, whatever its parent's)."""
        self._lock = threading.Condition()
        self._due: list[tuple[float, int, Watch]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        self._wakes_at = math.inf

    def watch(self, deadline: float) -> Watch:
        """A watch of the sockets an attempt will use, armed until ``deadline``."""
        watch = Watch(self._lock)
        if math.isinf(deadline):
            return watch
        with self._lock:
            # Finished attempts are dropped from the top here, not by waking the thread.
            while self._due and not self._due[0][2].active:
                heapq.heappop(self._due)
            heapq.heappush(self._due, (deadline, next(self._order), watch))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="qq_connect deadlines",
                                                daemon=True)
                self._thread.start()
            if deadline < self._wakes_at:  # else the thread wakes in time: no switch per call
                self._lock.notify()
        return watch

    def _run(self) -> None:
        with self._lock:
            while True:
                now = time.monotonic()
                while self._due and (self._due[0][0] <= now or not self._due[0][2].active):
                    heapq.heappop(self._due)[2].expire()
                self._wakes_at = self._due[0][0] if self._due else math.inf
                self._lock.wait(self._wakes_at - now if self._due else None)


WATCHDOG = Watchdog()
# A forked child has no watchdog thread, whatever its parent had (servers that preload).
os.register_at_fork(after_in_child=WATCHDOG.reset)
