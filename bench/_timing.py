"""Shared timing helpers for the benchmarks: medians of repeats, ratios against a baseline.

Absolute times drift on these machines, so every benchmark reports a ratio against a
baseline measured in the same run.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(fn: Callable[[], object], repeats: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(label: str, value: float, baseline: float, goal: str = "") -> float:
    """Print ``label``: value, baseline and their ratio; return the ratio."""
    ratio = value / baseline if baseline else float("inf")
    suffix = f"  (goal: {goal})" if goal else ""
    print(f"{label}: {value * 1e3:.3f} ms vs {baseline * 1e3:.3f} ms -> ratio {ratio:.3f}{suffix}")
    return ratio
