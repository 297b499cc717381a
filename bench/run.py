"""Benchmark gulag against its floors and against jq; print a Markdown report (issue 7).

    python bench/run.py                 # full run: 4 sizes up to 1,000,000 events (~10 minutes)
    python bench/run.py --quick         # a smoke run in well under a minute
    python bench/run.py --sizes 1000,100000 --repeat 30 --scale-repeat 5

Run it with the interpreter of the virtualenv to measure: the `gulag` next to ``sys.executable``
is the one timed, so ``/tmp/v/bin/python bench/run.py`` benchmarks the install in /tmp/v.

Three parts, each over repeated runs, reported as medians:

1. Start-up on the bundled store: `gulag show kengir --json`, `show kengir --format table`
   (the panel), `timeline` (plain, as in a pipe), `timeline --format table`, `timeline --json`
   and `search amnesty --json`, next to two floors measured in the same loop: the interpreter
   (`python -c pass`) and the framework (bench/typer_floor.py, two Typer commands). Each median
   is divided by both floors and judged against the issue's targets.
2. Scale: stores of N events from bench/generate.py (written once to bench/out/, regenerated
   when generate.py changes), filtered with
   `gulag timeline --data FILE --from 1953 --to 1954 --place "Ozerny Zaton" --json` and with
   bench/timeline.jq (the same filter in jq). Both must return the same events, or the run fails.
3. Peak memory (max RSS from ``wait4``) of every child process above.

Exit status: 0 when every correctness check passes, however slow; 1 when a command fails or
gulag and jq disagree; 2 when the set-up is wrong (no gulag next to the interpreter, no jq).
The report is also written to bench/out/results.md and, with every sample, results.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
PYCACHE = OUT / "pycache"
sys.path.insert(0, str(BENCH))
import generate  # noqa: E402  (bench/generate.py, beside this file)

FROM, TO = "1953", "1954"  # the --from/--to of the scale filter ...
LO, HI = "1953-01-01", "1954-12-31"  # ... and the inclusive day range they stand for
PLACE = generate.TARGET_NAME

# Targets from issue 7, as ratios of a command's median to a floor's median.
JSON_VS_TYPER, JSON_VS_PYTHON, TABLE_VS_TYPER = 1.15, 6.0, 1.8
LINEAR_EXPONENT = 1.10  # cost "no worse than linear": t ~ N^k with k at most this, measurement slack included


@dataclass
class Sample:
    seconds: float  # wall clock
    rss_kb: int
    cpu: float = 0.0  # user + system seconds of the child: less disturbed than wall time on a busy machine


@dataclass
class Measure:
    """Repeated runs of one command line."""

    name: str
    argv: list[str]
    kind: str = ""  # floor | json | table
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def best(self) -> float:
        return min(s.seconds for s in self.samples)

    @property
    def cpu_median(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss_mb(self) -> float:
        return statistics.median(s.rss_kb for s in self.samples) / 1024


class CheckFailed(Exception):
    """A correctness check failed: a command exited non-zero or gulag and jq disagree."""


# Peak RSS is read with wait4 on the child. A child forked from a big parent inherits the parent's
# high-water mark (Linux copies it on fork and keeps the larger one across exec), so children are
# not started from this process but from a fresh, minimal interpreter, which times the child
# between fork and reaping and prints "seconds maxrss_kib exit_code". Its own floor (about 5 MB)
# is reported: a child that really peaks below it reads as the floor.
_LAUNCHER = """
import os, sys, time
out, err, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
fds = (os.open(os.devnull, os.O_RDONLY), os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
       os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644))
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - t0
sys.stdout.write(f"{elapsed!r} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} "
                 f"{usage.ru_utime + usage.ru_stime!r}\\n")
"""


def run_once(argv: list[str], *, stdout: Path | None = None, env: dict[str, str] | None = None) -> Sample:
    """Run one child to completion: its wall time and its own peak RSS (KiB on Linux)."""
    with tempfile.NamedTemporaryFile(prefix="gulag-bench-", suffix=".err") as err:
        launcher = [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(stdout or os.devnull), err.name, *argv]
        done = subprocess.run(launcher, env=env, capture_output=True, text=True, check=False)
        try:
            seconds, rss, code, cpu = done.stdout.split()
        except ValueError:
            raise CheckFailed(f"the launcher failed for `{' '.join(argv)}`: {done.stderr.strip()}") from None
        if int(code) != 0:
            msg = Path(err.name).read_text(encoding="utf-8", errors="replace").strip()[-2000:]
            raise CheckFailed(f"`{' '.join(argv)}` exited {code}:\n{msg}")
    return Sample(float(seconds), int(rss), float(cpu))


def launcher_floor() -> float:
    """Peak RSS in MB that the launcher reports for a child doing nothing (`true`)."""
    true = shutil.which("true")
    if true is None:
        return float("nan")
    return statistics.median(run_once([true]).rss_kb for _ in range(3)) / 1024


def measure_round_robin(measures: list[Measure], repeat: int, *, env: dict[str, str], seed: int) -> None:
    """One warm-up run each (page cache, .pyc), then `repeat` rounds in a shuffled order per round,
    so drift on a busy machine is spread over every command instead of landing on one."""
    rng = random.Random(seed)
    for m in measures:
        run_once(m.argv, env=env)
    for _ in range(repeat):
        order = measures[:]
        rng.shuffle(order)
        for m in order:
            m.samples.append(run_once(m.argv, env=env))


def child_env(**extra: str) -> dict[str, str]:
    """The environment every timed child gets.

    Byte-code caching is forced on, with the cache under bench/out/pycache: a user's install has
    its .pyc files (pip compiles them), but an environment with PYTHONDONTWRITEBYTECODE=1 and an
    editable install never writes gulagcli's, and every run would then compile all of gulag's
    modules from source. The floors run with the same cache, so the comparison stays fair.
    """
    drop = ("GULAG_DATA", "NO_COLOR", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX",
            "PYTHONPROFILEIMPORTTIME", "PYTHONDEVMODE", "PYTHONWARNINGS")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env.update(extra)
    return env


# --- part 1: start-up -------------------------------------------------------------------------


def startup(py: str, gulag: str, repeat: int, seed: int) -> list[Measure]:
    env = child_env(COLUMNS="100")  # tables and panels get a fixed width, not the caller's
    measures = [
        Measure("python -c pass", [py, "-c", "pass"], "floor"),
        Measure("typer floor (bench/typer_floor.py hello)", [py, str(BENCH / "typer_floor.py"), "hello", "world"],
                "floor"),
        Measure("gulag show kengir --json", [gulag, "show", "kengir", "--json"], "json"),
        Measure("gulag timeline --json", [gulag, "timeline", "--json"], "json"),
        Measure("gulag search amnesty --json", [gulag, "search", "amnesty", "--json"], "json"),
        Measure("gulag show kengir --format table (panel)", [gulag, "show", "kengir", "--format", "table"], "table"),
        Measure("gulag timeline --format table", [gulag, "timeline", "--format", "table"], "table"),
        Measure("gulag timeline (piped: plain)", [gulag, "timeline"], "table"),
    ]
    check_startup_outputs(measures, env)
    measure_round_robin(measures, repeat, env=env, seed=seed)
    # For reference, not judged: the same command as it runs with PYTHONDONTWRITEBYTECODE=1 and no
    # cache prefix (as some sandboxes and CI set): .pyc files beside the sources are used, none is
    # written; with an editable install that has no __pycache__, gulag's modules compile every run.
    nopyc_env = {k: v for k, v in env.items() if k != "PYTHONPYCACHEPREFIX"}
    nopyc_env["PYTHONDONTWRITEBYTECODE"] = "1"
    nopyc = Measure(f"gulag timeline --json with PYTHONDONTWRITEBYTECODE=1 (gulagcli .pyc beside "
                    f"the source: {'yes' if _source_pyc() else 'none'}; info)", [gulag, "timeline", "--json"], "info")
    measure_round_robin([nopyc], max(3, repeat // 2), env=nopyc_env, seed=seed)
    return [*measures, nopyc]


def _source_pyc() -> bool:
    """Whether gulagcli has byte-code beside its sources (found without importing it)."""
    from importlib.util import find_spec

    spec = find_spec("gulagcli")
    if spec is None or not spec.submodule_search_locations:
        return False
    return any(any(Path(loc, "__pycache__").glob("cli.*.pyc")) for loc in spec.submodule_search_locations)


def check_startup_outputs(measures: list[Measure], env: dict[str, str]) -> None:
    """The timed commands must work: JSON parses and holds what was asked for."""
    OUT.mkdir(parents=True, exist_ok=True)
    for m in measures:
        if m.kind != "json":
            continue
        dest = OUT / "startup-check.json"
        run_once(m.argv, stdout=dest, env=env)
        data = json.loads(dest.read_text(encoding="utf-8"))
        if not data:
            raise CheckFailed(f"`{m.name}` printed an empty result on the bundled store")
        dest.unlink()


def startup_table(measures: list[Measure]) -> tuple[str, list[tuple[str, bool]]]:
    py, ty = measures[0], measures[1]
    rows = ["| command | median ms | min ms | × python | × typer | CPU ms | CPU × typer | peak RSS MB | "
            "RSS × typer | target | |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    verdicts = []
    for m in measures:
        rp, rt = m.median / py.median, m.median / ty.median
        if m.kind == "json":
            ok = rt <= JSON_VS_TYPER and rp <= JSON_VS_PYTHON
            target = f"≤ {JSON_VS_TYPER}× typer, ≤ {JSON_VS_PYTHON:g}× python"
        elif m.kind == "table":
            ok = rt <= TABLE_VS_TYPER
            target = f"≤ {TABLE_VS_TYPER}× typer"
        else:
            ok, target = True, m.kind  # floor | info: not judged
        mark = "" if m.kind in ("floor", "info") else ("PASS" if ok else "**FAIL**")
        if m.kind not in ("floor", "info"):
            verdicts.append((f"start-up: {m.name}", ok))
        rows.append(f"| `{m.name}` | {m.median * 1e3:.0f} | {m.best * 1e3:.0f} | {rp:.2f} | {rt:.2f} | "
                    f"{m.cpu_median * 1e3:.0f} | {m.cpu_median / ty.cpu_median:.2f} | "
                    f"{m.rss_mb:.1f} | {m.rss_mb / ty.rss_mb:.2f} | {target} | {mark} |")
    return "\n".join(rows), verdicts


# --- part 2: scale ----------------------------------------------------------------------------


def ensure_store(n: int, seed: int) -> Path:
    """bench/out/store-N.json, generated in a child process when missing or older than generate.py."""
    path = generate.default_path(n, seed)
    if not path.exists() or path.stat().st_mtime < Path(generate.__file__).stat().st_mtime:
        print(f"  generating {n:,} events -> {path.relative_to(REPO)} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, generate.__file__, str(n), "--seed", str(seed)], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"  generated in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return path


@dataclass
class ScaleRow:
    n: int
    mb: float
    matches: int
    gulag: Measure
    jq: Measure
    parse: Measure  # python json.load of the same file: the floor of any stdlib-json loader


def scale_one(n: int, *, py: str, gulag: str, jq: str, repeat: int, seed: int) -> ScaleRow:
    store = ensure_store(n, seed)
    env = child_env()
    g = Measure("gulag", [gulag, "timeline", "--data", str(store), "--from", FROM, "--to", TO,
                          "--place", PLACE, "--json"])
    j = Measure("jq", [jq, "-c", "--arg", "lo", LO, "--arg", "hi", HI, "--arg", "place", PLACE,
                       "-f", str(BENCH / "timeline.jq"), str(store)])
    p = Measure("json.load", [py, "-c", "import json,sys; json.load(open(sys.argv[1], 'rb'))", str(store)])
    g_out, j_out = OUT / f"result-gulag-{n}.json", OUT / f"result-jq-{n}.json"
    rng = random.Random(seed + n)
    for i in range(repeat):
        order = [(g, g_out), (j, j_out), (p, None)]
        rng.shuffle(order)
        for m, dest in order:
            # Only the first run's output is kept and checked; later runs write to /dev/null.
            m.samples.append(run_once(m.argv, stdout=dest if i == 0 else None, env=env))
    matches = compare(n, g_out, j_out)
    return ScaleRow(n, store.stat().st_size / 1e6, matches, g, j, p)


def compare(n: int, gulag_out: Path, jq_out: Path) -> int:
    """Both tools must return the same events: same count, same ids."""
    got = json.loads(gulag_out.read_bytes())
    want = json.loads(jq_out.read_bytes())
    if len(got) != len(want):
        raise CheckFailed(f"{n:,} events: gulag returned {len(got)} events, jq {len(want)} "
                          f"(outputs kept in {gulag_out.name} and {jq_out.name})")
    g_ids, j_ids = {e["id"] for e in got}, {e["id"] for e in want}
    if g_ids != j_ids:
        only_g, only_j = sorted(g_ids - j_ids)[:5], sorted(j_ids - g_ids)[:5]
        raise CheckFailed(f"{n:,} events: same count but different events; "
                          f"only gulag: {only_g}, only jq: {only_j}")
    if not got:
        raise CheckFailed(f"{n:,} events: the filter matched nothing; the comparison would prove nothing")
    gulag_out.unlink()
    jq_out.unlink()
    return len(got)


def scale_table(rows: list[ScaleRow]) -> tuple[str, list[tuple[str, bool]]]:
    lines = ["| events | file MB | matches | gulag s | jq s | gulag / jq | gulag µs/event | growth k | "
             "gulag RSS MB | jq RSS MB | RSS gulag / jq | json.load s | json.load RSS MB |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    verdicts: list[tuple[str, bool]] = []
    prev: ScaleRow | None = None
    for r in rows:
        k = growth(prev, r)
        lines.append(
            f"| {r.n:,} | {r.mb:.1f} | {r.matches:,} | {r.gulag.median:.3f} | {r.jq.median:.3f} | "
            f"{r.gulag.median / r.jq.median:.2f} | {r.gulag.median / r.n * 1e6:.1f} | "
            f"{'' if k is None else f'{k:.2f}'} | {r.gulag.rss_mb:.0f} | {r.jq.rss_mb:.0f} | "
            f"{r.gulag.rss_mb / r.jq.rss_mb:.2f} | {r.parse.median:.3f} | {r.parse.rss_mb:.0f} |")
        if r.n == 100_000:
            verdicts.append(("scale: at 100,000 events gulag is faster than jq", r.gulag.median < r.jq.median))
            verdicts.append(("scale: at 100,000 events gulag's peak RSS is below jq's", r.gulag.rss_mb < r.jq.rss_mb))
        prev = r
    big = [r for r in rows if r.n >= 100_000]
    if len(big) >= 2:
        k = growth(big[-2], big[-1])
        assert k is not None
        verdicts.append((f"scale: cost grows no worse than linearly from {big[-2].n:,} to {big[-1].n:,} "
                         f"events (k = {k:.3f}, target ≤ {LINEAR_EXPONENT:.2f})", k <= LINEAR_EXPONENT))
    return "\n".join(lines), verdicts


def growth(a: ScaleRow | None, b: ScaleRow) -> float | None:
    """k in time ∝ N^k between two sizes: 1 is linear; below 1 while start-up still dominates."""
    if a is None:
        return None
    return math.log(b.gulag.median / a.gulag.median) / math.log(b.n / a.n)


# --- the report -------------------------------------------------------------------------------


def machine(py: str, gulag: str, jq: str | None) -> list[str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024**2:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    def out(argv: list[str]) -> str:
        try:
            return subprocess.run(argv, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return "?"

    commit = out(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]) or "?"
    dirty = out(["git", "-C", str(REPO), "status", "--porcelain", "--", "src", "data", "pyproject.toml"])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return [
        f"- Machine: {cpu}, {os.cpu_count()} CPUs{mem}; {platform.system()} {platform.release()}; "
        f"load average {load:.2f} at start",
        f"- Python {platform.python_version()} ({py}); typer {version('typer')}, rich {version('rich')}, "
        f"orjson {version('orjson')}; {out([jq, '--version']) if jq else 'no jq'}",
        f"- Measured: {out([gulag, '--version'])} at {gulag}, commit {commit}"
        f"{' with uncommitted changes in src/, data/ or pyproject.toml' if dirty else ''}; "
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: --repeat 5 --sizes 1000,10000 --scale-repeat 1 unless given")
    ap.add_argument("--repeat", type=int, help="runs of each start-up command (default 20)")
    ap.add_argument("--sizes", help="comma-separated store sizes (default 1000,10000,100000,1000000)")
    ap.add_argument("--scale-repeat", type=int, help="runs of each command per size (default 3)")
    ap.add_argument("--seed", type=int, default=generate.DEFAULT_SEED, help="generator and shuffle seed")
    ap.add_argument("--skip-startup", action="store_true", help="only the scale part")
    ap.add_argument("--skip-scale", action="store_true", help="only the start-up part")
    ap.add_argument("--jq", default=shutil.which("jq") or "/usr/bin/jq", help="the jq to compare with")
    args = ap.parse_args(argv)
    repeat = args.repeat or (5 if args.quick else 20)
    scale_repeat = args.scale_repeat or (1 if args.quick else 3)
    sizes_text = args.sizes or ("1000,10000" if args.quick else "1000,10000,100000,1000000")
    try:
        sizes = sorted({int(s.replace("_", "")) for s in sizes_text.split(",") if s.strip()})
    except ValueError:
        ap.error(f"--sizes takes numbers separated by commas, not {sizes_text!r}")
    if repeat < 1 or scale_repeat < 1 or any(n < 1 for n in sizes):
        ap.error("repeats and sizes must be at least 1")

    py = sys.executable
    gulag = str(Path(py).parent / "gulag")
    if not os.access(gulag, os.X_OK):
        print(f"error: no gulag next to {py}; install the project in that environment "
              f"(pip install -e .) or run this file with the environment's python", file=sys.stderr)
        return 2
    jq = args.jq if shutil.which(args.jq) else None
    if jq is None and not args.skip_scale:
        print(f"error: jq not found ({args.jq}); install it or pass --skip-scale", file=sys.stderr)
        return 2

    OUT.mkdir(parents=True, exist_ok=True)
    report = ["## gulag benchmark", "", *machine(py, gulag, jq),
              f"- Times are wall clock from fork to exit; peak RSS is the child's max RSS (wait4), read "
              f"through a launcher whose floor is {launcher_floor():.1f} MB (a smaller peak reads as that)", ""]
    verdicts: list[tuple[str, bool]] = []
    results: dict[str, Any] = {"startup": [], "scale": []}
    failures: list[str] = []
    t_start = time.perf_counter()

    if not args.skip_startup:
        print(f"start-up: 8 commands (+1 for reference) x {repeat} runs ...", file=sys.stderr, flush=True)
        try:
            ms = startup(py, gulag, repeat, args.seed)
            table, v = startup_table(ms)
            verdicts += v
            report += [f"### Start-up on the bundled store (median of {repeat} runs, wall time and peak RSS "
                       "of the child; COLUMNS=100, stdout to /dev/null)", "", table, ""]
            results["startup"] = [{"name": m.name, "argv": m.argv, "kind": m.kind,
                                   "seconds": [s.seconds for s in m.samples], "cpu": [s.cpu for s in m.samples],
                                   "rss_kb": [s.rss_kb for s in m.samples]} for m in ms]
        except CheckFailed as exc:
            failures.append(str(exc))

    if not args.skip_scale and jq is not None:
        rows: list[ScaleRow] = []
        for n in sizes:
            print(f"scale: {n:,} events x {scale_repeat} runs ...", file=sys.stderr, flush=True)
            try:
                row = scale_one(n, py=py, gulag=gulag, jq=jq, repeat=scale_repeat, seed=args.seed)
            except CheckFailed as exc:
                failures.append(str(exc))
                continue
            rows.append(row)
            print(f"  gulag {row.gulag.median:.2f} s {row.gulag.rss_mb:.0f} MB, jq {row.jq.median:.2f} s "
                  f"{row.jq.rss_mb:.0f} MB, {row.matches} matching events", file=sys.stderr, flush=True)
            results["scale"].append({"n": n, "mb": row.mb, "matches": row.matches, **{
                m.name: {"argv": m.argv, "seconds": [s.seconds for s in m.samples], "cpu": [s.cpu for s in m.samples],
                         "rss_kb": [s.rss_kb for s in m.samples]} for m in (row.gulag, row.jq, row.parse)}})
        if rows:
            table, v = scale_table(rows)
            verdicts += v
            report += [f"### Scale: `gulag timeline --data FILE --from {FROM} --to {TO} --place "
                       f"\"{PLACE}\" --json` vs `jq -f bench/timeline.jq` (median of {scale_repeat} runs)",
                       "", table, "",
                       "growth k: time ∝ events^k from the previous size (1 = linear; < 1 while fixed "
                       "start-up cost dominates). json.load: `python -c 'json.load(f)'` on the same file, "
                       "the floor for a loader built on the standard library.", ""]

    if verdicts:
        report += ["### Targets (issue 7)", ""]
        report += [f"- {'PASS' if ok else '**FAIL**'}: {what}" for what, ok in verdicts]
        report.append("")
    if failures:
        report += ["### CORRECTNESS FAILURES", ""] + [f"- {f}" for f in failures] + [""]
    report.append(f"_Benchmark took {time.perf_counter() - t_start:.1f} s._")

    text = "\n".join(report)
    print(text)
    (OUT / "results.md").write_text(text + "\n", encoding="utf-8")
    results.update(verdicts=[{"target": w, "pass": ok} for w, ok in verdicts], failures=failures)
    (OUT / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if failures:
        print("\nFAILED: " + "; ".join(f.splitlines()[0] for f in failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
