"""Progress for long work, on stderr, so stdout stays clean for summaries and --json."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

_current: Progress | None = None  # set by the CLI; flows started elsewhere stay silent


class Bar:
    def __init__(self, progress: Progress, label: str, total: int) -> None:
        self._progress, self._label, self._total = progress, label, total
        self._done = 0
        self._lock = threading.Lock()
        self._last_draw = 0.0
        self._draw(force=True)

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self._done += n
            self._draw()

    def done(self) -> None:
        with self._lock:
            self._draw(force=True, final=True)

    def _draw(self, *, force: bool = False, final: bool = False) -> None:
        stream = self._progress.stream
        if stream is None:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < self._progress.interval:
            return
        self._last_draw = now
        text = f"  {self._label}: {self._done}/{self._total}"
        if self._progress.interactive:
            stream.write("\r" + text + ("\n" if final else ""))
        elif final or force:
            stream.write(text + "\n")
        stream.flush()


class Progress:
    """Stage lines and counters; redraws in place on a terminal, plain lines otherwise."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.interactive = bool(stream is not None and stream.isatty())
        self.interval = 0.1 if self.interactive else 5.0

    @classmethod
    def silent(cls) -> Progress:
        return cls(None)

    @classmethod
    def stderr(cls) -> Progress:
        return cls(sys.stderr)

    @classmethod
    def current(cls) -> Progress:
        return _current or cls.silent()

    def activate(self) -> None:
        global _current
        _current = self

    def stage(self, message: str) -> None:
        if self.stream is not None:
            self.stream.write(f"  {message}\n")
            self.stream.flush()

    def bar(self, label: str, total: int) -> Bar:
        return Bar(self, label, total)
