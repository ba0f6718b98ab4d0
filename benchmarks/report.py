"""The benchmark's Markdown report (docs/performance.md is one of these, plus prose around it)."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

BEGIN = "<!-- benchmark:begin -->"
END = "<!-- benchmark:end -->"


def render(r: dict) -> str:
    run, n, words = r["run"], r["n"], r["words"]
    wall = run["wall"]
    lines = [
        f"Command: `python benchmarks/run.py {shlex.join(r['argv'])}`".replace(" `", " `", 1),
        "",
        "| machine | |", "|---|---|",
        *[f"| {k} | {v} |" for k, v in r["info"].items()],
        "",
        f"Corpus: {n} articles, {words:,} words ({words / max(n, 1):.0f} words per article); "
        f"processes {r['args'].processes}, prefilter {'on' if r['args'].prefilter else 'off'}, "
        f"nlp.pipe batch {r['args'].batch_size}, chunk {r['args'].chunk_size}, "
        f"store batch {r['args'].store_batch}.",
        "",
        "| run | seconds | articles/s | words/s | vs floor (1 process) | CPU s per article |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    base = r["floors"].get("1 process", (None,))[0]
    for name, (seconds, cpu) in r["floors"].items():
        lines.append(_row(f"floor: bare spaCy parse, {name}", seconds, n, words, base, cpu))
    lines.append(_row("end to end: files -> DuckDB (wall, incl. worker start)", wall, n, words, base,
                      run["cpu"]))
    lines.append(_row("end to end, excl. worker start", wall - run["startup"], n, words, base))
    lines += ["", f"Worker start (spawn + model load): {run['startup']:.1f} s.", "",
              "| stage | seconds | share |", "|---|---:|---:|"]
    total = sum(v for k, v in r["stages"].items() if not k.startswith(" "))
    for stage, seconds in r["stages"].items():
        name = f"&nbsp;&nbsp;{stage.strip()}" if stage.startswith(" ") else stage
        lines.append(f"| {name} | {seconds:.1f} | {seconds / total:.0%} |")
    lines += ["", "Parse, resolve and extract are summed over the worker processes (they overlap in "
              "wall time). Read and clean run in the main process, in a reader thread during the "
              "end-to-end run; their row is from a separate pass over the same files. Store is the "
              "DuckDB writer in the main process.", ""]
    lines += _prefilter_lines(run["counts"])
    own, child = r["rusage_mib"]
    lines += [f"Peak RSS of the process tree (sampled every 0.2 s): **{r['peak_rss_mib']:.0f} MiB**; "
              f"getrusage maxima: main process {own:.0f} MiB, largest child {child:.0f} MiB.", "",
              "Rows stored: " + ", ".join(f"{k} {v:,}" for k, v in run["rows"].items())
              + f"; failures {len(run['summary'].failures)}.", ""]
    if r["linearity"]:
        lines += ["| linearity: articles | seconds | articles/s |", "|---:|---:|---:|"]
        lines += [f"| {n_:,} | {s:.1f} | {rate:.2f} |" for n_, s, rate in r["linearity"]]
        lines.append("")
    return "\n".join(lines)


def _row(name: str, seconds: float, n: int, words: int, base: float | None, cpu: float | None = None) -> str:
    ratio = f"{base / seconds:.2f}x" if base else "n/a"
    per_article = f"{cpu / n:.3f}" if cpu is not None else ""
    return f"| {name} | {seconds:.1f} | {n / seconds:.2f} | {words / seconds:,.0f} | {ratio} | {per_article} |"


def _prefilter_lines(counts: dict[str, int]) -> list[str]:
    if not counts.get("sentences"):
        return []
    return [f"Prefilter: kept {counts['sentences_kept']:,} of {counts['sentences']:,} sentences "
            f"({counts['sentences_kept'] / counts['sentences']:.0%}), "
            f"{counts['chars_kept'] / counts['chars']:.0%} of the characters; "
            f"fallbacks to a whole parse: {counts.get('prefilter_fallbacks', 0)}.", ""]


def write_report(results: dict, out: str | None) -> str:
    """The report text; with ``out``, also put it between the markers in that file (or create it)."""
    text = render(results)
    if out:
        path = Path(out)
        block = f"{BEGIN}\n{text}\n{END}"
        if path.exists() and BEGIN in path.read_text(encoding="utf-8"):
            old = path.read_text(encoding="utf-8")
            new = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, old, flags=re.S)
        else:
            new = f"# Performance\n\n{block}\n"
        path.write_text(new, encoding="utf-8")
    return text
