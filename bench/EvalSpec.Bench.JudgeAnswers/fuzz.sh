#!/usr/bin/env bash
# Fuzzes the LLM judges' answer reader (src/EvalSpec/Judging/Llm/JudgeAnswers.cs) with AFL++ through SharpFuzz for a
# bounded time, then fails if any input made an exception escape the reader (or broke its invariants) or hung it.
#
#   bench/EvalSpec.Bench.JudgeAnswers/fuzz.sh [seconds]      default 60
#
# Needs AFL++ (Debian's afl++; installed here when missing, as root or with sudo) and the SharpFuzz.CommandLine
# dotnet tool (installed into the work folder). Work folder: $EVALSPEC_FUZZ_WORK, default ${TMPDIR:-/tmp}/evalspec-fuzz;
# findings are left in <work>/findings/default/{crashes,hangs}. Not part of the test suite: run it by hand or nightly.
set -euo pipefail

seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
work="${EVALSPEC_FUZZ_WORK:-${TMPDIR:-/tmp}/evalspec-fuzz}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null 2>&1; then
    echo "Installing AFL++ (Debian package afl++)..."
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi

rm -rf "$work/bin" "$work/plain" "$work/findings"
mkdir -p "$work"
if [ ! -x "$work/tools/sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
fi

dotnet build "$here/EvalSpec.Bench.JudgeAnswers.csproj" -c Release -o "$work/bin" -nologo -v quiet
# An instrumented assembly writes to AFL's shared memory, which exists only under afl-fuzz: findings are replayed
# through an uninstrumented copy.
cp -r "$work/bin" "$work/plain"
# Coverage feedback from the judging code only (the reader, its scanner and the judges around it).
"$work/tools/sharpfuzz" "$work/bin/EvalSpec.dll" EvalSpec.Judging

# dotnet is not an AFL-instrumented binary (SharpFuzz instruments the assembly); no UI on a terminal-less run; the
# machine may be shared, so no CPU binding and no CPU-governor check.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
echo "Fuzzing for ${seconds} s..."
afl-fuzz -V "$seconds" -i "$here/corpus" -o "$work/findings" -t 10000 -m none -- dotnet "$work/bin/EvalSpec.Bench.JudgeAnswers.dll" fuzz >"$work/afl.log" 2>&1 || {
    echo "afl-fuzz failed; its log:" >&2
    tail -n 40 "$work/afl.log" >&2
    exit 2
}

stats="$work/findings/default/fuzzer_stats"
stat() { grep -E "^$1 *:" "$stats" | sed 's/.*: *//'; }
crashes=$(find "$work/findings/default/crashes" -type f ! -name README.txt | wc -l)
hangs=$(find "$work/findings/default/hangs" -type f ! -name README.txt | wc -l)
echo "Executions: $(stat execs_done) ($(stat execs_per_sec)/s), corpus: $(stat corpus_count), edges found: $(stat edges_found), crashes: $crashes, hangs: $hangs"

if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
    echo "Findings (replayed through the entry point):" >&2
    dotnet "$work/plain/EvalSpec.Bench.JudgeAnswers.dll" replay "$work/findings/default/crashes" "$work/findings/default/hangs" >&2 || true
    exit 1
fi

echo "No exception escaped the reader."
