"""Benchmark what users run, against jq and the Typer floor in the same run (issue 10).

    python bench/users.py                      # lean and rich stores of 10k and 100k events
    python bench/users.py --sizes 10000 --repeat 1 --kinds lean   # a smoke run
    python bench/users.py --million            # adds 1,000,000 lean events (several GB, minutes)
    python bench/users.py --wheel --sizes 0    # start-up only, on the installed wheel (what users run)
    python bench/users.py --rows search --sizes 100000 --kinds rich --repeat 1   # one row only

``--rows`` times only the rows named (comma-separated, from the table below) and skips the
start-up part; each command still gets one untimed warm-up run (which compiles the store), so
``--repeat 1`` runs jq twice.

For each store (bench/generate.py, lean or --rich), with a warm compiled store unless noted:

| row | gulag | jq |
|---|---|---|
| full | `timeline --json` | `jq -c .events` |
| range | `timeline --from 1953 --to 1954 --json` | bench/timeline.jq with no place |
| show id | `show event-K --json` | `select(.id == ...)` over the events |
| show name | `show "<title of event K>" --json` | `select(.title == ...)` |
| search | `search amnesty --json` | title, summary or description containing "amnest" |
| validate | `validate` | `jq empty` |
| compile | first use with an empty cache (`timeline --from 1953 --to 1954 --json`) | `jq empty` |

and start-up on the bundled store: `show kengir --json`, `timeline --json` and
`timeline --format table` against bench/typer_floor.py. Times are medians of wall clock (and of
the child's CPU time, less disturbed by a busy machine); memory is the child's peak RSS (wait4).
The report (Markdown) goes to stdout and bench/out/users.md, every sample to users.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import generate  # noqa: E402
from run import OUT, CheckFailed, Measure, child_env, measure_round_robin, run_once  # noqa: E402

TARGETS = {  # issue 10, at the rich 100k store: the most gulag's time may be, as a share of jq's
    "full": 0.5, "range": 0.1, "show id": 0.1, "show name": 0.1, "search": 0.1, "validate": 3.0, "compile": 2.0,
}
MEMORY_TARGETS = {"full": 0.5}
STARTUP_TARGETS = {"show kengir --json": 1.10, "timeline --json": 1.10, "timeline --format table": 1.6}
TYPER_LAYER = "(Typer layer)"
TYPER_MAIN = "from gulagcli.cli import main; main()"


def store_path(n: int, rich: bool) -> Path:
    path = generate.default_path(n, rich=rich)
    if not path.exists() or path.stat().st_mtime < Path(generate.__file__).stat().st_mtime:
        print(f"  generating {n:,} {'rich' if rich else 'lean'} events -> {path} ...", file=sys.stderr, flush=True)
        generate.write(n, rich=rich, path=path)
    return path


def title_of(path: Path, index: int) -> str:
    """The title of event-INDEX, read without loading the whole store into this process."""
    import re

    needle = f'"id": "event-{index}",'
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if needle in line:
                title = next(fh)
                found = re.search(r'"title": (".*"),?$', title.rstrip())
                if found:
                    return str(json.loads(found.group(1)))
    raise CheckFailed(f"no event-{index} in {path}")


def store_rows(gulag: str, jq: str, path: Path, n: int, repeat: int, seed: int,
               only: set[str] | None = None) -> dict[str, tuple[Measure, Measure]]:
    cache = OUT / f"cache-{path.stem}"
    shutil.rmtree(cache, ignore_errors=True)
    env = child_env(GULAG_CACHE_DIR=str(cache))
    data = ["--data", str(path)]
    k = n // 2
    title = title_of(path, k)
    jq_range = [jq, "-c", "--arg", "lo", "1953-01-01", "--arg", "hi", "1954-12-31", "--arg", "place", "",
                "-f", str(BENCH / "timeline.jq"), str(path)]
    rows = {
        "full": ([gulag, "timeline", "--json", *data], [jq, "-c", ".events", str(path)]),
        "range": ([gulag, "timeline", "--from", "1953", "--to", "1954", "--json", *data], jq_range),
        "show id": ([gulag, "show", f"event-{k}", "--json", *data],
                    [jq, "-c", "--arg", "id", f"event-{k}", ".events[] | select(.id == $id)", str(path)]),
        "show name": ([gulag, "show", title, "--json", *data],
                      [jq, "-c", "--arg", "t", title, ".events[] | select(.title == $t)", str(path)]),
        "search": ([gulag, "search", "amnesty", "--json", *data],
                   [jq, "-c", '[.events[] | select((.title + " " + .summary + " " + (.description // ""))'
                    ' | ascii_downcase | test("amnest"))]', str(path)]),
        "validate": ([gulag, "validate", str(path)], [jq, "empty", str(path)]),
    }
    rows = {name: pair for name, pair in rows.items() if only is None or name in only}
    # First use: an empty cache each time, so every sample compiles.
    compile_g = Measure("compile", [gulag, "timeline", "--from", "1953", "--to", "1954", "--json", *data])
    compile_j = Measure("compile jq", [jq, "empty", str(path)])
    for _ in range(repeat if only is None or "compile" in only else 0):
        shutil.rmtree(cache, ignore_errors=True)
        compile_g.samples.append(run_once(compile_g.argv, env=env))
        compile_j.samples.append(run_once(compile_j.argv, env=env))
    measures = {name: (Measure(name, g), Measure(name + " jq", j)) for name, (g, j) in rows.items()}
    measure_round_robin([m for pair in measures.values() for m in pair], repeat, env=env, seed=seed)
    if compile_g.samples:
        measures["compile"] = (compile_g, compile_j)
    shutil.rmtree(cache, ignore_errors=True)
    return measures


def startup(py: str, gulag: str, repeat: int, seed: int) -> tuple[Measure, list[Measure]]:
    cache = OUT / "cache-bundled"
    env = child_env(GULAG_CACHE_DIR=str(cache))
    floor = Measure("typer floor", [py, str(BENCH / "typer_floor.py"), "hello"])
    cmds = [Measure(name, [gulag, *name.split()]) for name in STARTUP_TARGETS]
    # The same commands through the Typer layer alone (gulagcli.cli.main), for information: the
    # installed command answers these forms before Typer loads (gulagcli/quick.py).
    python = Path(gulag).with_name("python")
    cmds += [Measure(f"{name} {TYPER_LAYER}", [str(python if python.exists() else py), "-c", TYPER_MAIN, *name.split()])
             for name in STARTUP_TARGETS]
    measure_round_robin([floor, *cmds], repeat, env=env, seed=seed)
    return floor, cmds


def install_wheel() -> Path:
    """The wheel of this checkout, built and installed (not editable) in bench/out/wheel-venv,
    with its dependencies: byte-code compiled by pip and the compiled store shipped inside, as a
    user's `pip install .` has them. Returns that environment's interpreter."""
    import venv

    dist, env_dir = OUT / "dist", OUT / "wheel-venv"
    shutil.rmtree(dist, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist),
                    str(BENCH.parent)], check=True, capture_output=True)
    [wheel] = dist.glob("gulag-*.whl")
    if not (env_dir / "bin" / "python").exists():
        venv.create(env_dir, with_pip=True)
    pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", "--force-reinstall"]
    subprocess.run([*pip, "--no-deps", str(wheel)], check=True)
    subprocess.run([*pip[:-1], str(wheel)], check=True)  # its dependencies, from the package index
    return env_dir / "bin" / "python"


def target(name: str) -> str:
    return f"≤ {STARTUP_TARGETS[name]:.2f}×" if name in STARTUP_TARGETS else "info"


def fmt_ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def report(results: dict[str, dict[str, tuple[Measure, Measure]]], sizes: dict[str, int],
           start: tuple[Measure, list[Measure]] | None) -> str:
    lines = ["# gulag against jq (bench/users.py)", ""]
    if start is not None:
        floor, cmds = start
        lines += ["## Start-up on the bundled store", "",
                  "| command | median | CPU | vs Typer floor | target |", "|---|---|---|---|---|",
                  f"| typer floor | {floor.median * 1e3:.1f} ms | {floor.cpu_median * 1e3:.1f} ms | 1.00× | |"]
        for m in cmds:
            lines.append(f"| `gulag {m.name}` | {m.median * 1e3:.1f} ms | {m.cpu_median * 1e3:.1f} ms | "
                         f"{fmt_ratio(m.median, floor.median)} (CPU {fmt_ratio(m.cpu_median, floor.cpu_median)}) "
                         f"| {target(m.name)} |")
        lines.append("")
    for name, rows in results.items():
        lines += [f"## {name} ({sizes[name]:,} events)", "",
                  "| command | gulag | jq | time ratio | CPU ratio | gulag MB | jq MB | memory ratio |",
                  "|---|---|---|---|---|---|---|---|"]
        for row, (g, j) in rows.items():
            lines.append(f"| {row} | {g.median:.3f} s | {j.median:.3f} s | {fmt_ratio(g.median, j.median)} | "
                         f"{fmt_ratio(g.cpu_median, j.cpu_median)} | {g.rss_mb:.0f} | {j.rss_mb:.0f} | "
                         f"{fmt_ratio(g.rss_mb, j.rss_mb)} |")
        lines.append("")
    lines += growth_lines(results, sizes)
    return "\n".join(lines) + "\n"


def growth_lines(results: dict[str, dict[str, tuple[Measure, Measure]]], sizes: dict[str, int]) -> list[str]:
    """k in time ∝ N^k between successive sizes of the same kind: 1 is linear."""
    out = ["## Growth exponents (gulag's median time and peak memory, between sizes)", "",
           "| store kind | sizes | " + " | ".join(TARGETS) + " |", "|---|---|" + "---|" * len(TARGETS)]
    for kind in ("lean", "rich"):
        names = sorted((k for k in results if k.startswith(kind)), key=lambda k: sizes[k])
        for a, b in itertools.pairwise(names):
            span = math.log(sizes[b] / sizes[a])
            cells = []
            for row in TARGETS:
                if row not in results[a] or row not in results[b]:
                    cells.append("–")
                    continue
                ga, gb = results[a][row][0], results[b][row][0]
                t = math.log(gb.median / ga.median) / span
                m = math.log(gb.rss_mb / ga.rss_mb) / span
                cells.append(f"{t:.2f} (mem {m:.2f})")
            out.append(f"| {kind} | {sizes[a]:,} → {sizes[b]:,} | " + " | ".join(cells) + " |")
    return [*out, ""]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000", help="event counts (default 10000,100000)")
    ap.add_argument("--kinds", default="lean,rich", help="lean, rich or both (default)")
    ap.add_argument("--million", action="store_true", help="also 1,000,000 lean events")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each command per store (default 3)")
    ap.add_argument("--startup-repeat", type=int, default=20, help="runs of each start-up command (default 20)")
    ap.add_argument("--seed", type=int, default=1953)
    ap.add_argument("--jq", default=shutil.which("jq"))
    ap.add_argument("--wheel", action="store_true",
                    help="build the wheel, install it in bench/out/wheel-venv and run there: what users install")
    ap.add_argument("--rows", help=f"only these rows, comma-separated ({', '.join(TARGETS)}); no start-up part")
    args = ap.parse_args(argv)
    if args.wheel:
        py = install_wheel()
        rest = [a for a in (sys.argv[1:] if argv is None else argv) if a != "--wheel"]
        return subprocess.run([str(py), __file__, *rest], check=False).returncode
    if args.sizes in ("", "0"):
        args.sizes, args.kinds = "", ""
    only = set(args.rows.split(",")) if args.rows else None
    if only is not None and not only <= set(TARGETS):
        ap.error(f"--rows: unknown {', '.join(sorted(only - set(TARGETS)))}; choose from {', '.join(TARGETS)}")
    gulag = str(Path(sys.executable).with_name("gulag"))
    if not Path(gulag).exists() or not args.jq:
        print("bench: need `gulag` beside this interpreter and jq on the PATH", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    timed_startup = args.startup_repeat and only is None
    start = startup(sys.executable, gulag, args.startup_repeat, args.seed) if timed_startup else None
    results: dict[str, dict[str, tuple[Measure, Measure]]] = {}
    sizes: dict[str, int] = {}
    plan = [(n, kind) for kind in filter(None, args.kinds.split(","))
            for n in map(int, filter(None, args.sizes.split(",")))]
    if args.million:
        plan.append((1_000_000, "lean"))
    try:
        for n, kind in plan:
            name = f"{kind} {n:,}"
            print(f"  {name} ...", file=sys.stderr, flush=True)
            path = store_path(n, kind == "rich")
            results[name] = store_rows(gulag, args.jq, path, n, args.repeat, args.seed, only)
            sizes[name] = n
    except CheckFailed as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    text = report(results, sizes, start)
    sys.stdout.write(text)
    (OUT / "users.md").write_text(text, encoding="utf-8")
    samples: dict[str, Any] = {name: {row: [[s.seconds, s.cpu, s.rss_kb] for s in g.samples] + [[s.seconds, s.cpu,
                               s.rss_kb] for s in j.samples] for row, (g, j) in rows.items()}
                               for name, rows in results.items()}
    (OUT / "users.json").write_text(json.dumps(samples, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
