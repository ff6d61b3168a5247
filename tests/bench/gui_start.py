#!/usr/bin/env python3
"""GUI cold start to the first painted window, and the GUI's peak memory after opening a
patient with a 10-exercise plan, under Xvfb (issue 11). Each run is a fresh process of
build/bin/stretchplan with SP_STARTUP_PROBE set (app/gui/StartupProbe.h): the app writes
the wall-clock time of its first paint, which is compared with the time this script
started it, then quits.

Usage: gui_start.py BENCH_BIN_DIR PLUGINS_20K RUNS   (prints one JSON line of medians)
Must run inside an X server (perf.py runs it under xvfb-run).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def start_once(app, db, probe, extra_args, env, patient=None):
    env = dict(env, SP_STARTUP_PROBE=str(probe))
    if patient is not None:
        env["SP_STARTUP_PROBE_PATIENT"] = str(patient)
    if probe.exists():
        probe.unlink()
    t0 = time.time_ns()
    subprocess.run([str(app), "--db", str(db), *extra_args], env=env, check=True, timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = json.loads(probe.read_text())
    return (result["painted_at_ns"] - t0) / 1e6, result["peak_rss_kb"] / 1024


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    bin_dir, plugins, runs = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    app, cli = bin_dir / "stretchplan", bin_dir / "stretchplan-cli"
    with tempfile.TemporaryDirectory(prefix="sp-gui-start-") as tmp:
        home = Path(tmp)
        env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
        db = home / "clinic.db"
        run = lambda *args: subprocess.run([str(cli), "--db", str(db), *args], env=env, check=True,
                                           capture_output=True, text=True).stdout.strip()
        patient = run("patient", "add", "--name", "Bench Patient", "--dob", "1980-01-01",
                      "--preference", "extension-relieves")
        run("patient", "screen", patient, "--red-flags", "none")
        run("plan", "create", "--patient", patient, "--title", "Full routine", "--template", "lumbar-full-routine")
        probe = home / "probe.json"
        # One start of each kind first, not counted: it fills the page cache as any later start finds it.
        start_once(app, db, probe, [], env)
        start_once(app, db, probe, ["--plugins-dir", plugins], env)
        builtin = [start_once(app, db, probe, [], env)[0] for _ in range(runs)]
        big = [start_once(app, db, probe, ["--plugins-dir", plugins], env)[0] for _ in range(runs)]
        memory = [start_once(app, db, probe, [], env, patient=patient)[1] for _ in range(runs)]
    print(json.dumps({"start_builtin_ms": statistics.median(builtin), "start_20k_ms": statistics.median(big),
                      "patient_peak_mb": statistics.median(memory)}))


if __name__ == "__main__":
    main()
