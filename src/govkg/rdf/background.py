"""A consumer thread fed through a queue bounded in bytes, for the build's writers.

pyoxigraph releases the GIL while it loads or writes, and so does file and pipe I/O: such work
put on a :class:`Background` runs on another core while the producer goes on.
"""

from __future__ import annotations

import io
import threading
from collections import deque
from collections.abc import Callable, Iterator


class Background:
    """A consumer thread fed through a queue bounded in bytes; its error is raised again in the producer.

    The bound lets the producer run ahead of one slow step (a block being bulk-loaded) without
    holding more than ``limit`` bytes.
    """

    def __init__(self, consume: Callable[[Iterator], None], limit: int) -> None:
        self.items: deque = deque()
        self.size = 0
        self.limit = limit
        self.closed = False
        self.error: BaseException | None = None
        self.ready = threading.Condition()
        self.thread = threading.Thread(target=self._run, args=(consume,), daemon=True)
        self.thread.start()

    def put(self, item) -> None:
        size = _item_size(item)
        with self.ready:
            while self.items and self.size + size > self.limit and self.error is None:
                self.ready.wait()
            if self.error is not None:
                raise self.error
            self.items.append(item)
            self.size += size
            self.ready.notify_all()

    def _take(self) -> Iterator:
        while True:
            with self.ready:
                while not self.items and not self.closed:
                    self.ready.wait()
                if not self.items:
                    return
                item = self.items.popleft()
                self.size -= _item_size(item)
                self.ready.notify_all()
            yield item

    def _run(self, consume: Callable[[Iterator], None]) -> None:
        try:
            consume(self._take())
        except BaseException as exc:
            with self.ready:
                self.error = exc
                self.items.clear()
                self.ready.notify_all()

    def stop(self) -> None:
        with self.ready:
            self.closed = True
            self.ready.notify_all()
        self.thread.join()

    def join(self) -> None:
        """Wait until everything put has been consumed; raise what went wrong in the thread."""
        self.stop()
        if self.error is not None:
            raise self.error


def _item_size(item: bytes | tuple) -> int:
    """The bytes an item of a queue holds: the data, alone or paired with its format or path."""
    if isinstance(item, tuple):
        return len(next(part for part in item if isinstance(part, bytes)))
    return len(item)


class ChunkReader(io.RawIOBase):
    """A readable stream over an iterator of byte chunks, for a streaming parser."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            self.pending = memoryview(next(self.chunks, b""))
            if not self.pending:
                return 0
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n
