"""Build throughput of ``govkg build`` against raw ``jieba.lcut`` on the same text, in the same run.

    .venv/bin/python benchmarks/throughput/run.py                     # ≥ 5M characters, 1 and 2 workers
    .venv/bin/python benchmarks/throughput/run.py --chars 1000000 --runs 1

The corpus is real articles: the bundled seed page and the dev pages (read from the shared
corpus folder at run time, never copied into the repository), written again and again as
separate files until it holds ``--chars`` characters. Each measurement is a fresh process:

- jieba: ``jieba.lcut`` over every file's text, after ``jieba.initialize()`` (not timed);
- govkg: the installed ``govkg build CORPUS --full --no-html --workers N`` command, timed from
  start to exit (start-up, extraction, writing every output). Its last progress line gives the
  extraction phase alone.

Peak memory is the largest sum of RSS over the build's process tree (parent, forkserver and
workers), sampled every 50 ms with psutil; CPU seconds are the user + system time of every
process of the tree, which other jobs on a shared machine do not inflate. Runs alternate
jieba and govkg so drift hits both; the load average at the end of each build is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[2]
JIEBA = """
import json, sys, time
from pathlib import Path
import jieba
jieba.setLogLevel(60)
jieba.initialize()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir())]
started = time.perf_counter()
tokens = sum(len(jieba.lcut(t)) for t in texts)
print(json.dumps({"seconds": time.perf_counter() - started, "chars": sum(map(len, texts)), "tokens": tokens}))
"""
PROGRESS = re.compile(r"progress: (\d+)/(\d+) documents, (\d+)k chars/s")
REUSED = re.compile(r"reused: (\d+) unchanged")


def make_corpus(folder: Path, shared: Path, chars: int) -> tuple[int, int]:
    """Real pages written as many files; returns (files, characters)."""
    sources = [REPO / "data" / "corpus" / "seed.txt", *sorted((shared / "dev").glob("*.txt"))]
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources]
    folder.mkdir(parents=True)
    total = count = 0
    while total < chars:
        name, text = texts[count % len(texts)]
        (folder / f"{count:05d}-{name}.txt").write_text(text, encoding="utf-8")
        total += len(text)
        count += 1
    return count, total


def watch_tree(proc: psutil.Popen) -> tuple[int, float, float]:
    """Wait for the process, sampling its whole tree every 50 ms.

    Returns the peak of the summed RSS, the wall seconds and the CPU seconds (user + system of
    every process seen, at its last sample: forkserver workers are not the command's children).
    """
    started = time.perf_counter()
    peak = 0
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        rss = 0
        for p in [proc, *_children(proc)]:
            try:
                with p.oneshot():
                    rss += p.memory_info().rss
                    times = p.cpu_times()
                    cpu[p.pid] = times.user + times.system
            except psutil.Error:
                continue
        peak = max(peak, rss)
        time.sleep(0.05)
    return peak, time.perf_counter() - started, sum(cpu.values())


def _children(proc: psutil.Process) -> list[psutil.Process]:
    try:
        return proc.children(recursive=True)
    except psutil.Error:
        return []


def run_jieba(corpus: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", JIEBA, str(corpus)], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    result["chars_per_s"] = result["chars"] / result["seconds"]
    return result


def run_govkg(corpus: Path, out: Path, workers: int, full: bool = True) -> dict:
    exe = shutil.which("govkg", path=str(Path(sys.executable).parent)) or "govkg"
    args = [exe, "build", str(corpus), "--out", str(out), "--no-html", "--workers", str(workers)]
    proc = psutil.Popen(args + (["--full"] if full else []), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        text=True)
    peak, seconds, cpu = watch_tree(proc)
    stdout, stderr = proc.communicate()
    if proc.returncode not in (0, 2):
        raise RuntimeError(f"govkg build failed ({proc.returncode}): {stderr[-2000:]}")
    progress = PROGRESS.findall(stderr)
    return {"workers": workers, "seconds": seconds, "cpu_seconds": cpu, "load_average": os.getloadavg()[0],
            "peak_rss_mib": peak / 2**20,
            "extraction_chars_per_s": int(progress[-1][2]) * 1000 if progress else None,
            "reused": int(m.group(1)) if (m := REUSED.search(stdout)) else 0,
            "summary": stdout.strip().splitlines()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=5_000_000)
    parser.add_argument("--shared", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="govkg-throughput-") as tmp:
        corpus = Path(tmp) / "corpus"
        files, chars = make_corpus(corpus, args.shared, args.chars)
        print(f"corpus: {files} files, {chars} characters", flush=True)
        jieba_runs, builds = [], {w: [] for w in args.workers}
        for _ in range(args.runs):
            jieba_runs.append(run_jieba(corpus))
            print(f"jieba.lcut: {jieba_runs[-1]['chars_per_s']:,.0f} chars/s", flush=True)
            for workers in args.workers:
                run = run_govkg(corpus, Path(tmp) / f"out-{workers}", workers)
                run["chars_per_s"] = chars / run["seconds"]
                builds[workers].append(run)
                print(f"govkg build --workers {workers}: {run['seconds']:.1f} s, {run['chars_per_s']:,.0f} chars/s "
                      f"(extraction {run['extraction_chars_per_s'] or 0:,} chars/s), "
                      f"{run['cpu_seconds']:.1f} CPU-s, peak {run['peak_rss_mib']:.0f} MiB, "
                      f"load average {run['load_average']:.1f}", flush=True)
        incremental = run_govkg(corpus, Path(tmp) / f"out-{args.workers[-1]}", args.workers[-1], full=False)
        print(f"unchanged rebuild (--workers {args.workers[-1]}): {incremental['seconds']:.1f} s, "
              f"{incremental['reused']} of {files} documents reused", flush=True)

    best_jieba = max(r["chars_per_s"] for r in jieba_runs)
    best = {w: max(runs, key=lambda r: r["chars_per_s"]) for w, runs in builds.items()}
    report = {"files": files, "chars": chars, "jieba_chars_per_s": best_jieba, "builds": best,
              "incremental_seconds": incremental["seconds"]}
    print("\n| measure | chars/s | vs jieba.lcut | vs 1 worker | CPU-s (tree) | peak RSS (tree) |\n"
          "|---|---|---|---|---|---|")
    print(f"| raw `jieba.lcut` (best of {args.runs}) | {best_jieba:,.0f} | 1.00× | – | "
          f"{chars / best_jieba:.1f} | – |")
    one = best.get(1)
    for workers, run in best.items():
        vs_one = f"{run['chars_per_s'] / one['chars_per_s']:.2f}×" if one else "–"
        print(f"| `govkg build --workers {workers}` (whole command) | {run['chars_per_s']:,.0f} | "
              f"{run['chars_per_s'] / best_jieba:.2f}× | {vs_one} | {run['cpu_seconds']:.1f} | "
              f"{run['peak_rss_mib']:.0f} MiB |")
        if run["extraction_chars_per_s"]:
            vs_one = (f"{run['extraction_chars_per_s'] / one['extraction_chars_per_s']:.2f}×"
                      if one and one["extraction_chars_per_s"] else "–")
            print(f"| … up to the last document extracted | {run['extraction_chars_per_s']:,} | "
                  f"{run['extraction_chars_per_s'] / best_jieba:.2f}× | {vs_one} | | |")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
