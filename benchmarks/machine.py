"""What the benchmark ran on, and how much memory it took (peak RSS of this process tree)."""
from __future__ import annotations

import os
import platform
import resource
import threading
import time
from pathlib import Path


def machine_info(model: str | None) -> dict[str, str]:
    import spacy

    info = {
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count()),
        "ram": f"{_mem_total_gib():.1f} GiB",
        "python": platform.python_version(),
        "os": platform.platform(terse=True),
        "spacy": spacy.__version__,
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    if model:
        try:
            info["model"] = f"{model} {spacy.util.get_package_version(model)}"
        except Exception:  # noqa: BLE001 (a model not installed as a package: name only)
            info["model"] = model
    return info


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return 0.0


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            found.extend(int(c) for c in text)
    except OSError:
        pass
    return found


def tree_rss_kib(root: int | None = None) -> int:
    """RSS of a process and all its descendants, in KiB (Linux /proc; 0 elsewhere)."""
    root = root or os.getpid()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kib(pid)
        todo.extend(_children(pid))
    return total


class PeakRss:
    """Samples the process tree's total RSS every ``interval`` seconds while active."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kib = max(self.peak_kib, tree_rss_kib())
            time.sleep(self.interval)


def rusage_peaks_mib() -> tuple[float, float]:
    """(peak RSS of this process, peak RSS of its largest waited-for child), MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children
