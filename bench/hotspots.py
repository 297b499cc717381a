"""Where gulag's time goes: imports at start-up, and the phases of a timeline on a large store.

    python bench/hotspots.py imports                      # -X importtime of the CLI and of each command
    python bench/hotspots.py phases bench/out/store-100000.json [--cprofile 25]

A diagnostic to go with bench/run.py, not a benchmark: it calls gulag's internals (store.read_json,
store.build, query.filter_events, render.records.event_record), so it follows them when they change.
Run it with the interpreter of the environment to profile.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
COMMANDS = (["show", "kengir", "--json"], ["timeline", "--json"], ["search", "amnesty", "--json"],
            ["show", "kengir", "--format", "table"], ["timeline", "--format", "table"])
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def importtime(args: list[str], runs: int = 5) -> list[tuple[str, int, int, int]]:
    """(module, self µs, cumulative µs, depth) for every import a child makes, via -X importtime.

    Median per module over `runs` runs, after one run that may write byte-code.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "GULAG_DATA")}
    env.setdefault("PYTHONPYCACHEPREFIX", str(BENCH / "out" / "pycache"))
    samples: dict[str, list[tuple[int, int]]] = defaultdict(list)
    order: dict[str, int] = {}
    for i in range(runs + 1):
        done = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True,
                              env=env | {"COLUMNS": "100"}, check=False)
        for line in done.stderr.splitlines():
            m = _LINE.match(line)
            if m and i:
                samples[m[4]].append((int(m[1]), int(m[2])))
                order.setdefault(m[4], len(m[3]) // 2)
    return [(name, int(statistics.median(s for s, _ in v)), int(statistics.median(c for _, c in v)), order[name])
            for name, v in samples.items()]


def total(rows: list[tuple[str, int, int, int]]) -> int:
    """Self time of all imports in µs."""
    return sum(r[1] for r in rows)


def report_imports(top: int) -> None:
    base = importtime(["-c", "import typer"])
    cli = importtime(["-c", "import gulagcli.cli"])
    print(f"## import gulagcli.cli: {total(cli) / 1e3:.1f} ms of imports "
          f"(import typer alone: {total(base) / 1e3:.1f} ms)\n")
    typer_mods = {r[0] for r in base}
    own = [r for r in cli if r[0] not in typer_mods]
    print(f"Modules beyond `import typer`: {len(own)}, {total(own) / 1e3:.1f} ms self time. "
          "By top-level package:\n")
    by_pkg: dict[str, int] = defaultdict(int)
    for name, self_us, _, _ in own:
        by_pkg[name.split(".")[0]] += self_us
    for pkg, us in sorted(by_pkg.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {us / 1e3:7.1f} ms  {pkg}")
    print("\nSlowest imports beyond typer (cumulative, µs; a parent's figure includes its children):\n")
    for name, self_us, cum, depth in sorted(own, key=lambda r: -r[2])[:top]:
        print(f"  {cum:8d} {self_us:8d}  {'  ' * depth}{name}")
    for cmd in COMMANDS:
        rows = importtime(["-m", "gulagcli", *cmd])
        later = [r for r in rows if r[0] not in {c[0] for c in cli}]
        print(f"\n## gulag {' '.join(cmd)}: {total(rows) / 1e3:.1f} ms of imports, "
              f"{total(later) / 1e3:.1f} ms of them after `import gulagcli.cli`")
        for name, self_us, cum, depth in sorted((r for r in later if r[3] <= 2), key=lambda r: -r[2])[:8]:
            print(f"  {cum:8d} {self_us:8d}  {'  ' * depth}{name}")


def _rss_mb() -> float:
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return float("nan")


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report_phases(path: Path, cprofile: int, gc_off: bool) -> None:
    import gc
    from datetime import date

    t = time.perf_counter()
    from gulagcli import store as store_mod
    from gulagcli.dates import parse_edtf
    from gulagcli.query import figures_by_event, filter_events
    from gulagcli.render.output import write_json
    from gulagcli.render.records import event_record

    phases: list[tuple[str, float]] = [("import gulag modules", time.perf_counter() - t)]

    rss: list[tuple[float, float]] = [(_rss_mb(), _peak_mb())]
    if gc_off:
        gc.disable()  # what the loader would gain by pausing the cyclic GC while it allocates
    gc_before = [g["collections"] for g in gc.get_stats()]

    def phase(name: str, fn: Callable[..., Any], *a: Any, **kw: Any) -> Any:
        t0 = time.perf_counter()
        result = fn(*a, **kw)
        phases.append((name, time.perf_counter() - t0))
        rss.append((_rss_mb(), _peak_mb()))
        return result

    raw_bytes = phase("read file", path.read_bytes)
    text = phase("decode UTF-8", raw_bytes.decode, "utf-8")
    del raw_bytes
    import json

    raw = phase("json.loads", json.loads, text)
    del text
    parse_edtf.cache_clear()
    store, problems = phase("build Store (check + dataclasses + sort)", store_mod.build, raw, path=str(path))
    info = parse_edtf.cache_info()
    assert store is not None and not problems, problems[:3]
    events = phase("filter_events", filter_events, store, start=date(1953, 1, 1), end=date(1954, 12, 31),
                   place="Ozerny Zaton")
    figs = phase("figures_by_event", figures_by_event, store)
    records = phase("event_record x matches", lambda: [event_record(store, e, figures=figs.get(e.id, []))
                                                       for e in events])

    class Null:
        def write(self, s: str) -> int:
            return len(s)

    phase("write_json", write_json, records, Null(), pretty=False)
    gc_runs = [g["collections"] - b for g, b in zip(gc.get_stats(), gc_before, strict=True)]
    total = sum(s for _, s in phases)
    print(f"## phases of `timeline --from 1953 --to 1954 --place ... --json` on {path.name} "
          f"({len(raw['events']):,} events, {len(events)} matches; cyclic GC "
          f"{'disabled' if gc_off else f'ran {gc_runs[0]}/{gc_runs[1]}/{gc_runs[2]} times (gen 0/1/2)'})\n")
    print("         time   share   RSS after   peak RSS so far (MB)")
    for (name, s), (now, peak) in zip(phases, rss, strict=True):
        print(f"  {s * 1e3:9.1f} ms  {s / total:6.1%}  {now:8.0f}  {peak:8.0f}   {name}")
    print(f"  {total * 1e3:9.1f} ms  total in-process (no interpreter start-up)")
    distinct = len({e["date"] for e in raw["events"]} | {f["date"] for f in raw.get("figures", []) if "date" in f})
    print(f"\n  parse_edtf cache during build: {info.hits:,} hits, {info.misses:,} misses, "
          f"maxsize {info.maxsize}, {distinct:,} distinct event/figure dates in the store")
    if cprofile:
        print(f"\n## cProfile of load + build, top {cprofile} by own time (cProfile inflates Python-level calls)\n")
        prof = cProfile.Profile()
        parse_edtf.cache_clear()
        prof.enable()
        store_mod.build(raw, path=str(path))
        prof.disable()
        pstats.Stats(prof).strip_dirs().sort_stats("tottime").print_stats(cprofile)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    imp = sub.add_parser("imports", help="-X importtime of `import gulagcli.cli` and of each command")
    imp.add_argument("--top", type=int, default=15)
    ph = sub.add_parser("phases", help="time each phase of a timeline query on a store")
    ph.add_argument("store", type=Path)
    ph.add_argument("--cprofile", type=int, default=0, metavar="N", help="also cProfile the build, top N")
    ph.add_argument("--gc-off", action="store_true", help="disable the cyclic GC first, to see what it costs")
    args = ap.parse_args()
    if args.what == "imports":
        report_imports(args.top)
    else:
        report_phases(args.store, args.cprofile, args.gc_off)
    return 0


if __name__ == "__main__":
    sys.exit(main())
