#!/usr/bin/env bash
# Speed benchmark (issue 16 item 7): builds the projects beside this script (Release), installs promptfoo 0.120.0 with
# ../shared/tools/peer_promptfoo.sh's method unless PROMPTFOO=0, and runs speed.py: in each round, interleaved, the bare
# client, EvalSpec on xUnit v3 (VSTest) and v2, xUnit v3 under Microsoft.Testing.Platform (v3mtp), promptfoo, and trivial rows
# against plain [Fact]s; prints medians and ratios.
# With FLOOR=1 (the default) it also times plain xUnit v3 tests making the same 1,000 calls (HttpFacts.V3): the runner's floor.
# Usage: [ROUNDS=2] [ADAPTERS="v3 v2 v3mtp"] [FLOOR=0] [PROMPTFOO=0] [PROMPTFOO_DIR=dir] [SPEED_TOOLS=dir-of-fake_openai.py] bench/Speed/run.sh
set -eu
here=$(dirname "$(readlink -f "$0")")
# fake_openai.py: ../shared/tools beside the repository (or beside the folder of a worktree), unless SPEED_TOOLS says.
tools=${SPEED_TOOLS:-}
for c in "$here/../../../shared/tools" "$here/../../../../shared/tools"; do
  [ -n "$tools" ] || { [ -f "$c/fake_openai.py" ] && tools=$(readlink -f "$c"); } || true
done
[ -n "$tools" ] || { echo "fake_openai.py not found: set SPEED_TOOLS to the folder that holds it"; exit 1; }
export SPEED_TOOLS=$tools
adapters=${ADAPTERS:-v3 v2 v3mtp}
projects="Bare"
for a in $adapters; do
  case $a in
    v3mtp) projects="$projects Suite.V3.Mtp" ;;   # xUnit v3 under Microsoft.Testing.Platform: its global.json, no facts project
    *) projects="$projects Suite.${a^^} Facts.${a^^}" ;;
  esac
done
[ "${FLOOR:-1}" = 0 ] || projects="$projects HttpFacts.V3"   # the runner's floor: plain xUnit v3 tests making the same calls
if [ "${NOBUILD:-0}" != 1 ]; then
  for p in $projects; do dotnet build "$here/$p" -c Release -v q -nologo >/dev/null || { echo "build of $p failed"; exit 1; }; done
fi
if [ "${PROMPTFOO:-1}" != 0 ]; then
  pf=${PROMPTFOO_DIR:-${TMPDIR:-/tmp}/evalspec-speed-promptfoo}
  mkdir -p "$pf"
  # As peer_promptfoo.sh: install once, then a config of 1,000 cases against fake_openai.py (here on port 18092).
  if [ ! -x "$pf/node_modules/.bin/promptfoo" ]; then
    (cd "$pf" && echo '{"name":"peer","private":true}' > package.json && npm install promptfoo@0.120.0 >install.log 2>&1) || { echo "npm install promptfoo failed: $pf/install.log"; exit 1; }
  fi
  [ -e "$pf/node_modules/promptfoo/drizzle" ] || ln -s dist/drizzle "$pf/node_modules/promptfoo/drizzle"
  python3 - "$pf" <<'PY'
import sys, yaml
prov = {"id": "openai:chat:fake-model", "config": {"apiBaseUrl": "http://127.0.0.1:18092/v1", "apiKey": "sk-fake"}}
yaml.safe_dump({"prompts": ["Reply to: {{q}}"], "providers": [prov],
                "tests": [{"vars": {"q": f"question number {i}"}, "assert": [{"type": "contains", "value": "Answer"}]} for i in range(1, 1001)]},
               open(sys.argv[1] + "/bench.yaml", "w"))
PY
  export PROMPTFOO_DIR=$pf
fi
ADAPTERS=$adapters exec python3 "$here/speed.py"
