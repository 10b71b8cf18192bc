#!/usr/bin/env python3
"""Speed benchmark driver (bench/Speed/run.sh builds, then runs this). Interleaves, in each round:
the bare client, EvalSpec on xUnit v3 (VSTest), v2 and v3 under Microsoft.Testing.Platform (200 rows at concurrency 16; 1,000 rows at 64), promptfoo 0.120
(1,000 cases at -j 64, on its own fake server), and 1,000 trivial rows against 1,000 plain [Fact]s. Prints medians
and ratios. Timings are reported, never asserted."""
import glob, json, os, re, shutil, statistics, subprocess, sys, tempfile, time, socket

here = os.path.dirname(os.path.abspath(__file__))
tools = os.environ["SPEED_TOOLS"]  # set by run.sh
rounds = int(os.environ.get("ROUNDS", "2"))
adapters = os.environ.get("ADAPTERS", "v3 v2 v3mtp").split()
pf_dir = os.environ.get("PROMPTFOO_DIR", "")
floor = os.environ.get("FLOOR", "1") != "0"  # plain xUnit v3 tests making the same calls (HttpFacts.V3): the runner's floor
work = tempfile.mkdtemp(prefix="evalspec-speed-")
OURS, PEER = 18091, 18092


def free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def server(port):
    if not free(port):
        sys.exit(f"port {port} is in use: stop what listens there (a fake_openai.py of an earlier run?)")
    p = subprocess.Popen([sys.executable, os.path.join(tools, "fake_openai.py"), str(port), "--latency-ms", "100"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if not free(port):
            return p
        time.sleep(0.1)
    sys.exit(f"fake_openai.py did not start on {port}")


def run(cmd, env=None, cwd=None):
    e = dict(os.environ)
    e.update(env or {})
    t = time.monotonic()
    r = subprocess.run(cmd, env=e, cwd=cwd, capture_output=True, text=True)
    wall = (time.monotonic() - t) * 1000
    return r, wall


results = {}  # key -> list of (phase_ms, process_ms)
first_calls = {}  # key -> medians of the first C calls' latency (the start-up cost of each concurrency slot)


def add(key, phase, process, first=None):
    results.setdefault(key, []).append((phase, process))
    if first is not None:
        first_calls.setdefault(key, []).append(first)
    print(f"  {key:<28} phase {phase:8.0f} ms   process {process:8.0f} ms" + (f"   first {first:.0f} ms" if first is not None else ""), flush=True)


def evalspec(adapter, method, n, conc, rnd):
    run_id = f"{adapter}-{method}-{conc}-{rnd}"
    env = {"SPEED_URL": f"http://127.0.0.1:{OURS}/v1", "EVALSPEC_MAXCONCURRENCY": str(conc),
           "EVALSPEC_RESULTSDIRECTORY": work, "EVALSPEC_RUNID": run_id}
    if adapter == "v3mtp":
        # Microsoft.Testing.Platform: `dotnet test` run from the project's folder, whose global.json selects MTP.
        proj = os.path.join(here, "Suite.V3.Mtp")
        r, wall = run(["dotnet", "test", "-c", "Release", "--no-build", "--filter-trait", f"EvalMethod={method}"], env, cwd=proj)
    else:
        proj = os.path.join(here, f"Suite.{adapter.upper()}")
        r, wall = run(["dotnet", "test", proj, "-c", "Release", "--no-build", "--filter", f"EvalMethod={method}"], env)
    summary = os.path.join(work, run_id, "summary.json")
    if r.returncode != 0 or not os.path.exists(summary):
        sys.exit(f"dotnet test {proj} ({method}) failed ({r.returncode}):\n{r.stdout[-3000:]}\n{r.stderr[-2000:]}")
    s = json.load(open(summary))
    rows = s["rows"]
    if rows["total"] != n or rows.get("pass", rows.get("passed")) not in (n, None):
        sys.exit(f"{run_id}: expected {n} passing rows, summary says {rows}")
    first = None
    if method != "Trivial":
        # The calls of the first C rows to start: sourceLatencyMs is timed from when the call got its slot.
        lines = [json.loads(line) for line in open(os.path.join(work, run_id, "results.jsonl"), encoding="utf-8")]
        lines.sort(key=lambda r: r["startedAt"])
        first = statistics.median(r["sourceLatencyMs"] for r in lines[:conc])
    add(f"evalspec-{adapter} {n}@{conc}" if method != "Trivial" else f"trivial-{adapter}", s["wallTimeMs"], wall, first)


def bare(n, conc):
    r, wall = run(["dotnet", os.path.join(here, "Bare", "bin", "Release", "net10.0", "Bare.dll"), f"http://127.0.0.1:{OURS}/v1", str(n), str(conc)])
    m = re.search(r" ms=([0-9.]+) first-calls-median-ms=([0-9.]+)", r.stdout)
    if r.returncode != 0 or not m:
        sys.exit(f"bare failed: {r.stdout}{r.stderr}")
    add(f"bare {n}@{conc}", float(m.group(1)), wall, float(m.group(2)))


def facts(adapter):
    proj = os.path.join(here, f"Facts.{adapter.upper()}")
    trx_dir = os.path.join(work, f"facts-{adapter}-{time.monotonic_ns()}")
    r, wall = run(["dotnet", "test", proj, "-c", "Release", "--no-build", "--logger", "trx", "--results-directory", trx_dir])
    if r.returncode != 0:
        sys.exit(f"facts {adapter} failed:\n{r.stdout[-3000:]}")
    add(f"facts-{adapter}", trx_phase(trx_dir), wall)


def trx_phase(folder):
    """First test start to last test end in a TRX file (VSTest's per-test times)."""
    from datetime import datetime
    text = open(glob.glob(os.path.join(folder, "*.trx"))[0], encoding="utf-8").read()
    def parse(v):
        v = re.sub(r"(\.\d{6})\d*", r"\1", v)
        return datetime.fromisoformat(v)
    starts = [parse(v) for v in re.findall(r'startTime="([^"]+)"', text)]
    ends = [parse(v) for v in re.findall(r'endTime="([^"]+)"', text)]
    return (max(ends) - min(starts)).total_seconds() * 1000


def http_facts(n, conc):
    """The runner's floor: the same calls made by plain xUnit v3 tests under VSTest (HttpFacts.V3), phase from the TRX."""
    proj = os.path.join(here, "HttpFacts.V3")
    trx_dir = os.path.join(work, f"httpfacts-{time.monotonic_ns()}")
    subset = ["--filter", "Set=200"] if n == 200 else []
    r, wall = run(["dotnet", "test", proj, "-c", "Release", "--no-build", "--logger", "trx", "--results-directory", trx_dir, *subset,
                   "--", f"xUnit.MaxParallelThreads={conc}"], {"SPEED_URL": f"http://127.0.0.1:{OURS}/v1"})
    m = re.search(r"Failed:\s+(\d+), Passed:\s+(\d+)", r.stdout)
    if r.returncode != 0 or not m or m.group(1) != "0" or int(m.group(2)) != n:
        sys.exit(f"plain xUnit v3 HTTP facts failed or did not run {n} tests:\n{r.stdout[-3000:]}")
    add(f"plain-v3 {n}@{conc}", trx_phase(trx_dir), wall)


def promptfoo():
    r, wall = run(["npx", "promptfoo", "eval", "-c", "bench.yaml", "--no-cache", "--no-progress-bar", "-j", "64", "-o", "out.json"], cwd=pf_dir,
                  env={"PROMPTFOO_DISABLE_TELEMETRY": "1", "PROMPTFOO_DISABLE_UPDATE": "1", "PROMPTFOO_DISABLE_SHARING": "1", "PROMPTFOO_CONFIG_DIR": os.path.join(pf_dir, ".pf")})
    m = re.search(r"Duration:\s*(?:(\d+)m\s*)?([0-9.]+)s", r.stdout + r.stderr)
    if not m:
        sys.exit(f"promptfoo printed no Duration:\n{r.stdout[-3000:]}{r.stderr[-2000:]}")
    add("promptfoo 1000@64", (int(m.group(1) or 0) * 60 + float(m.group(2))) * 1000, wall)


ours = server(OURS)
peer = server(PEER) if pf_dir else None
try:
    print(f"load average at start: {os.getloadavg()}; cores: {os.cpu_count()}; rounds: {rounds}; adapters: {adapters}; work: {work}", flush=True)
    for rnd in range(rounds):
        print(f"round {rnd + 1}", flush=True)
        bare(200, 16)
        for a in adapters:
            evalspec(a, "Http200", 200, 16, rnd)
        if floor:
            http_facts(200, 16)
        bare(1000, 64)
        for a in adapters:
            evalspec(a, "Http1000", 1000, 64, rnd)
        if floor:
            http_facts(1000, 64)
        if pf_dir:
            promptfoo()
        for a in adapters:
            if a != "v3mtp":  # no plain-[Fact] project under MTP: its trivial rows are printed without that comparison
                facts(a)
            evalspec(a, "Trivial", 1000, 64, rnd)
    print(f"load average at end: {os.getloadavg()}", flush=True)
finally:
    ours.terminate()
    if peer:
        peer.terminate()

med = lambda key, i=0: statistics.median(x[i] for x in results[key])
print("\nmedians (phase = EvalSpec: first row start to last row end, summary.json wallTimeMs; bare: client built to last call end;"
      "\n promptfoo: its Duration line; facts: first test start to last test end in the TRX; process = the whole command;"
      "\n first calls = median latency of the first C calls, the start-up cost of each concurrency slot)")
for key in results:
    first = f"   first calls {statistics.median(first_calls[key]):.0f} ms" if key in first_calls else ""
    print(f"  {key:<28} phase {med(key):8.0f} ms   process {med(key, 1):8.0f} ms   (n={len(results[key])}: {', '.join(f'{p:.0f}' for p, _ in results[key])}){first}")
print("\nratios (target in brackets)")
if floor:
    for n, conc in ((200, 16), (1000, 64)):
        # xUnit runs a class's tests one after another: 8 per class make 16 calls in a row at both sizes, against the bare
        # client's busiest slot's 13 (200 at 16) and 16 (1,000 at 64), so only the 1,000-call figure is a floor.
        layout = " (its layout: 16 calls in a row against 13, not a floor)" if n == 200 else " (its layout: 16 calls in a row, as the bare client's busiest slot)"
        print(f"  the runner's floor{layout}: plain xUnit v3 tests (VSTest) making the {n} calls at {conc} / bare = {med(f'plain-v3 {n}@{conc}') / med(f'bare {n}@{conc}'):.2f}x"
              + (f"; EvalSpec v3 (VSTest) / plain = {med(f'evalspec-v3 {n}@{conc}') / med(f'plain-v3 {n}@{conc}'):.2f}x" if "v3" in adapters else ""))
for a in adapters:
    r16 = med(f"evalspec-{a} 200@16") / med("bare 200@16")
    r64 = med(f"evalspec-{a} 1000@64") / med("bare 1000@64")
    print(f"  {a}: 200 rows @16  EvalSpec / bare = {r16:.2f}x [<= 1.1]   EvalSpec / ideal = {med(f'evalspec-{a} 200@16') / 1250:.2f}x")
    print(f"  {a}: 1000 rows @64 EvalSpec / bare = {r64:.2f}x [<= 1.2]   EvalSpec / ideal = {med(f'evalspec-{a} 1000@64') / 1600:.2f}x")
    if pf_dir:
        print(f"  {a}: 1000 rows @64 promptfoo / EvalSpec = {med('promptfoo 1000@64') / med(f'evalspec-{a} 1000@64'):.2f}x [>= 3]"
              f"   (process times: {med('promptfoo 1000@64', 1) / med(f'evalspec-{a} 1000@64', 1):.2f}x)")
    per_row = med(f"trivial-{a}") / 1000
    if f"facts-{a}" not in results:
        print(f"  {a}: trivial row {per_row:.2f} ms per row (phase); no plain [Fact]s measured on this runner")
        continue
    fact_row = med(f"facts-{a}") / 1000
    over = (med(f"trivial-{a}", 1) - med(f"facts-{a}", 1)) / 1000
    print(f"  {a}: trivial row {per_row:.2f} ms per row (phase) vs plain [Fact] {fact_row:.2f} ms [<= 0.6];"
          f" whole dotnet test over the facts' run: {over:+.2f} ms per row")
shutil.rmtree(work, ignore_errors=True)
