"""Bounds on what one input may cost: a size cap per article and a time budget per step.

- `max_file_bytes`: a landed file larger than this is never read; it is rejected as
  `too_large` with its size and sha256 (hashed in chunks, so memory stays flat).
- `max_article_bytes`: one article (a plain file's bytes, or a JSON record's canonical
  UTF-8 form) larger than this is rejected as `too_large` in the raw step, so parse and
  extract never see it. A 200 KB live blog is far below it and is read in full.
- `article_seconds`: the time one article (or one landed file) may take in one step
  (read, parse, extract). Past it the work is interrupted, the article is quarantined
  with reason `timeout` and the partition carries on.

The budget is enforced with SIGALRM, so it interrupts pure-Python loops and regular
expressions (the `re` engine checks for signals while it backtracks). A signal can only be
handled in a process's main thread: `can_interrupt()` says whether this thread can, and
`newsfacts.parallel` sends the work to worker processes (whose main thread runs it) when
it cannot. Each limit can be set in the environment (see the *_ENV names).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsfacts.records import RawArticle, RejectedInput

MAX_FILE_BYTES_ENV = "NEWSFACTS_MAX_FILE_BYTES"
MAX_ARTICLE_BYTES_ENV = "NEWSFACTS_MAX_ARTICLE_BYTES"
ARTICLE_SECONDS_ENV = "NEWSFACTS_ARTICLE_SECONDS"

# A whole landed file: JSON exports hold many articles, so this is above the article cap.
DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024
# One article: 4 MiB is some 600,000 words, twenty times a long (200 KB) live blog. Parse
# plus extract measured 0.8 s for 200 KB of news text and 4.7 s for 4 MB, on one core.
DEFAULT_MAX_ARTICLE_BYTES = 4 * 1024 * 1024
# Per article and step: six times what a 4 MB article needs, room for a busy shared machine.
DEFAULT_ARTICLE_SECONDS = 30.0

TIMEOUT_REASON = "timeout"
TOO_LARGE_REASON = "too_large"
HASH_CHUNK_BYTES = 1024 * 1024
RETRY_SECONDS = 0.05  # once the budget is spent, the alarm repeats until the work stops


class LimitsConfigError(ValueError):
    """A limit in the environment is not a positive number."""


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    article_seconds: float = DEFAULT_ARTICLE_SECONDS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        env = os.environ if environ is None else environ
        return cls(
            max_file_bytes=int(_positive(env, MAX_FILE_BYTES_ENV, DEFAULT_MAX_FILE_BYTES)),
            max_article_bytes=int(_positive(env, MAX_ARTICLE_BYTES_ENV, DEFAULT_MAX_ARTICLE_BYTES)),
            article_seconds=_positive(env, ARTICLE_SECONDS_ENV, DEFAULT_ARTICLE_SECONDS),
        )


def _positive(env: Mapping[str, str], name: str, default: float) -> float:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise LimitsConfigError(f"{name}={value!r} is not a number") from None
    if not number > 0:
        raise LimitsConfigError(f"{name}={value!r} must be above zero")
    return number


class ArticleTimeout(Exception):
    """One input took longer than its time budget."""


class _Expired(BaseException):
    """Raised by the alarm inside the work: a BaseException, so `except Exception` in a
    parser cannot swallow it; `time_budget` turns it into ArticleTimeout on the way out."""


def can_interrupt() -> bool:
    """True when this thread can take SIGALRM (the main thread, on a POSIX system)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_budget(seconds: float | None, what: str = "the work") -> Iterator[None]:
    """Interrupt the block after `seconds` with ArticleTimeout (no budget: None or not main thread).

    Python drops an exception raised while a weakref callback or a __del__ runs (it only
    reports it to sys.unraisablehook), so once the budget is spent the alarm repeats every
    RETRY_SECONDS until the work is interrupted, and those dropped reports are silenced.
    """
    if not seconds or not can_interrupt():
        yield
        return
    state = {"armed": True}

    def expire(signum: int, frame: Any) -> None:
        if state["armed"]:
            raise _Expired

    def unraisable(report: Any) -> None:
        if not isinstance(report.exc_value, _Expired):
            previous_hook(report)

    previous_hook = sys.unraisablehook
    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_timer = signal.setitimer(signal.ITIMER_REAL, seconds, RETRY_SECONDS)
    sys.unraisablehook = unraisable
    try:
        yield
    except _Expired:
        state["armed"] = False
        raise ArticleTimeout(f"{what} took more than {seconds:g} s") from None
    finally:
        state["armed"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        sys.unraisablehook = previous_hook
        if previous_timer[0]:  # an outer budget keeps running
            signal.setitimer(signal.ITIMER_REAL, *previous_timer)


def run_with_budget(function: Callable[[Any], Any], item: Any, seconds: float | None) -> Any:
    """function(item), interrupted after `seconds` with ArticleTimeout."""
    try:
        with time_budget(seconds, getattr(function, "__name__", "the work")):
            return function(item)
    except _Expired:  # the alarm went off between the block's end and the timer's reset
        raise ArticleTimeout(
            f"{getattr(function, '__name__', 'the work')} took more than {seconds:g} s"
        ) from None


def is_timeout(error: str | None) -> bool:
    """True for the error text `newsfacts.parallel.apply_each` gives a timed-out item."""
    return bool(error) and error.startswith(f"{ArticleTimeout.__name__}:")


def too_large_detail(size: int, limit: int, sha256: str, what: str) -> str:
    return f"{what} is {size:,} bytes, over the {limit:,}-byte limit; sha256 {sha256}; not read further"


def cap_articles(
    articles: list[RawArticle], limits: Limits, now: datetime
) -> tuple[list[RawArticle], list[RejectedInput]]:
    """(articles within `max_article_bytes`, `too_large` rejections for the others)."""
    kept: list[RawArticle] = []
    rejected: list[RejectedInput] = []
    for article in articles:
        if article.size_bytes <= limits.max_article_bytes:
            kept.append(article)
        else:
            rejected.append(too_large_article(article, limits, now))
    return kept, rejected


def too_large_article(article: RawArticle, limits: Limits, now: datetime) -> RejectedInput:
    """The rejection of an article over the cap: its size and hash, not its bytes."""
    record = article.content_type == "application/json"
    record_index = article.record_index if record else None
    key = f"{article.source_file}#{record_index}:{article.article_id}".encode()
    return RejectedInput(
        rejected_id=hashlib.sha256(key).hexdigest(),
        landed_date=article.landed_date,
        source_file=article.source_file,
        record_index=record_index,
        size_bytes=article.size_bytes,
        content=b"",
        reason=TOO_LARGE_REASON,
        detail=too_large_detail(
            article.size_bytes,
            limits.max_article_bytes,
            article.article_id,
            "the JSON record" if record else "the article",
        ),
        rejected_at=now,
    )
