#!/usr/bin/env bash
# Build-cost benchmark (issue #13 item 7): generates a suite of METHODS eval methods (50 per class) x 5 prompt variants x
# (identity + 3 relations) = 20 rows per method (20,000 rows for 1,000 methods), the same project without the [Eval]
# attributes (NoEval: issue #13's baseline, no rows) and the same methods without any EvalSpec attribute (plain), builds
# them side by side, cold (--no-incremental) and after editing one unrelated file, and prints the wall times, the rows
# project's ratio to each, and -p:ReportAnalyzer=true figures: EvalSpec's generator, EvalSpec's analyzers, and the
# third-party analyzers (xUnit's) that inspect the generated tests. Reported, not asserted (a shared, noisy machine).
# OLD_GENERATOR=<path of another build's EvalSpec.Generators.dll> also builds the rows project with that generator in
# place of this repository's (RowsOld), to compare two versions of the generator side by side.
# Usage: [XUNIT=v3] [SERVER=1] bench/BuildCost/run.sh [methods] [repeats]     (defaults 1000 and 2; needs only the .NET SDK)
# SERVER=1 compiles through the compiler server (VBCSCompiler), as a developer's `dotnet build` and the IDE do by default,
# after WARMUP (default 3) unmeasured rebuilds of each project, so the compiler, the generator and the analyzers are
# already compiled to machine code; the default (SERVER unset) starts a fresh compiler process for every build, as a CI
# job's first build does (and as this repository's machines do: they set UseSharedCompilation=false).
# FLOOR=1 also builds three more projects from the rows project's files, EvalSpec's generator and analyzers removed:
# - the floor: in the generator's place, the least any generator must add (per eval method one attribute and a one-line
#   test method, no descriptor), so the ratio EvalSpec's own output costs above it is seen apart from the cost of the
#   attributes and test methods;
# - attributes only: nothing in the generator's place (no test methods at all), which shows what the attributes users
#   write cost by themselves (their binding, and third-party analyzers that visit every attribute);
# - attributes only, without xUnit's analyzers too, so that the wall time xUnit's analyzers add to that is seen.
# Each round builds the projects in a rotated order, so that no project always comes last on a machine whose load changes.
# A build that fails stops the benchmark (its log is named); so does a dropped analyzer that still ran.
# XUNIT=v3 builds every project on xUnit v3 (xunit.v3.mtp-off, EvalSpec.Xunit.V3); the default is xUnit v2.
set -euo pipefail
old_generator="${OLD_GENERATOR:-}"
if [ -n "$old_generator" ]; then   # resolved where the caller stands, before the cd
    [ -f "$old_generator" ] || { echo "OLD_GENERATOR names no file: $old_generator" >&2; exit 2; }
    old_generator=$(readlink -f "$old_generator")
fi
cd "$(dirname "$0")/../.."
methods="${1:-1000}"
repeats="${2:-2}"
xunit="${XUNIT:-v2}"
case "$xunit" in v2|v3) ;; *) echo "XUNIT must be v2 or v3, not '$xunit'" >&2; exit 2 ;; esac
root="bench/BuildCost/generated"   # inside the repository so Directory.Build.props and the in-repo targets apply; git-ignored
rm -rf "$root"
mkdir -p "$root/Rows" "$root/Plain" "$root/NoEval" "$root/Floor" "$root/Attrs" "$root/AttrsNoXunit"
if [ -n "$old_generator" ]; then mkdir -p "$root/RowsOld"; fi

python3 - "$root" "$methods" "$xunit" "$old_generator" <<'PY'
import os, sys
root, methods, xunit, old_generator = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
per_class = 50
def csproj(name):
    v3 = xunit == "v3"
    extra = "\n    <OutputType>Exe</OutputType>\n    <EvalSpecXunit>v3</EvalSpecXunit>" if v3 else ""
    framework = "xunit.v3.mtp-off" if v3 else "xunit"
    return f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <IsPackable>false</IsPackable>
    <IsTestProject>true</IsTestProject>
    <NoWarn>$(NoWarn);CS1591</NoWarn>{extra}
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" />
    <PackageReference Include="{framework}" />
    <PackageReference Include="xunit.runner.visualstudio" />
  </ItemGroup>
  <Import Project="$(RepoRoot)eng/EvalSpec.InRepo.targets" />{drop(dropped.get(name, []), old_generator if name == "RowsOld" else "")}
</Project>
"""
def drop(names, add=""):
    if not names:
        return ""
    condition = " or ".join(f"$([System.String]::Copy('%(Filename)').Contains('{n}'))" for n in names)
    return f"""
  <Target Name="DropAnalyzers" BeforeTargets="CoreCompile">
    <ItemGroup><Analyzer Remove="@(Analyzer)" Condition="{condition}" />{f'<Analyzer Include="{add}" />' if add else ""}</ItemGroup>
  </Target>"""
dropped = {"Floor": ["EvalSpec.Generators", "EvalSpec.Analyzers"], "Attrs": ["EvalSpec.Generators", "EvalSpec.Analyzers"],
           "AttrsNoXunit": ["EvalSpec.Generators", "EvalSpec.Analyzers", "xunit.analyzers"], "RowsOld": ["EvalSpec.Generators"]}
# NoEval is issue #13's baseline, "the same project without [Eval] attributes": every other attribute, EvalSpec's generator
# and analyzers stay, so no rows are generated and what the rows cost is seen apart from what the attributes users write cost.
for name, rows in (("Rows", True), ("Plain", False), ("NoEval", True), ("Floor", True), ("Attrs", True), ("AttrsNoXunit", True)) + ((("RowsOld", True),) if old_generator else ()):
    d = os.path.join(root, name)
    open(os.path.join(d, name + ".csproj"), "w").write(csproj(name))
    # The analyzers this project must not run, as a pattern the benchmark checks each build's analyzer report against.
    # (RowsOld runs a generator of the same name, so nothing can be checked by name there.)
    open(os.path.join(d, "dropped.pattern"), "w").write("" if name == "RowsOld" else "|".join(n.replace(".", "\\.") for n in dropped.get(name, [])))
    open(os.path.join(d, "Unrelated.cs"), "w").write("namespace Bench;\n\npublic static class Unrelated\n{\n    public static int Value => 0;\n}\n")
    for c in range((methods + per_class - 1) // per_class):
        lines = ["using System.Threading.Tasks;", "using EvalSpec;", "using EvalSpec.Metamorphic;", "", "namespace Bench;", "", f"public partial class Evals{c:03d}", "{"]
        for m in range(c * per_class, min(methods, (c + 1) * per_class)):
            if rows:
                lines += [] if name == "NoEval" else ["    [Eval]"]
                lines += [f'    [Prompt("v{v}", "Variant {v}: what is the refund window for {{product}}? ({m})")]' for v in range(5)]
                lines += ['    [Case("laptop")]', "    [Invariant<Lowercase>]", "    [Invariant<WhitespaceNoise>]", "    [Invariant<PunctuationNoise>]"]
            lines += [f"    public Task<string> Method{m:04d}(EvalInput input, string product) => Task.FromResult(input.Prompt);", ""]
        lines += ["}", ""]
        open(os.path.join(d, f"Evals{c:03d}.cs"), "w").write("\n".join(lines))
        if name == "Floor":
            attribute = "global::EvalSpec.XunitV3.EvalRowsAttribute" if xunit == "v3" else "global::EvalSpec.Execution.EvalRowsAttribute"
            floor = ["// <auto-generated/>", "namespace Bench;", "", f"partial class Evals{c:03d}", "{"]
            for m in range(c * per_class, min(methods, (c + 1) * per_class)):
                floor += [f'    [{attribute}("none", "Method{m:04d}")]',
                          f"    public global::System.Threading.Tasks.Task Method{m:04d}__EvalRows(string caseId, string variantKey, string relationKey) => global::System.Threading.Tasks.Task.CompletedTask;"]
            floor += ["}", ""]
            open(os.path.join(d, f"Evals{c:03d}.g.cs"), "w").write("\n".join(floor))
PY

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server="${SERVER:-0}"
if [ "$server" = 1 ]; then
    export UseSharedCompilation=true
    compiler="-p:UseSharedCompilation=true"
    trap 'dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT
else
    export UseSharedCompilation=false
    compiler="-p:UseSharedCompilation=false"
fi
projects="Rows Plain NoEval"
if [ "${FLOOR:-0}" = 1 ]; then projects="Rows Plain NoEval Floor Attrs AttrsNoXunit"; fi
if [ -n "$old_generator" ]; then projects="$projects RowsOld"; fi
for p in $projects; do dotnet build "$root/$p" -v q -nodeReuse:false >/dev/null; done   # restore, build the references once
if [ "$server" = 1 ]; then
    for w in $(seq 1 "${WARMUP:-3}"); do
        for p in $projects; do dotnet build "$root/$p" --no-restore --no-incremental -p:BuildProjectReferences=false $compiler -v q -nodeReuse:false >/dev/null; done
    done
fi

# Wall seconds of one build; its detailed log is kept for the analyzer figures.
build() { # project, mode (cold|edit), log
    local start end
    if [ "$2" = edit ]; then echo "// edit $(date +%s%N)" >> "$1/Unrelated.cs"; fi
    start=$(date +%s.%N)
    local incremental=""
    # Cold: a full rebuild of the project itself; its references (EvalSpec, the generator) were built once before.
    if [ "$2" = cold ]; then incremental="--no-incremental -p:BuildProjectReferences=false"; fi
    # shellcheck disable=SC2086
    if ! dotnet build "$1" --no-restore $incremental $compiler -p:ReportAnalyzer=true -v:detailed -nodeReuse:false > "$3"; then
        echo "The build of $1 failed: see $3" >&2
        return 1
    fi
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

# ReportAnalyzer's per-assembly lines "<seconds> <percent> <Assembly>, Version=..." of the assemblies whose name matches
# the pattern (the per-type lines under them are not matched).
analyzer_lines() { # log, pattern
    grep -E "^\s+[0-9.<]+\s+[0-9<]+\s+($2), Version=" "$1"
}

# Seconds reported for the analyzer or generator assemblies whose name matches the pattern.
seconds() { # log, pattern
    { analyzer_lines "$1" "$2" || true; } | awk '{ v = $1; gsub("<", "", v); s += v } END { printf "%.2f", s + 0 }'
}

total() { # log, "analyzer"|"generator"
    grep -E "Total $2 execution time: [0-9.]+ seconds" "$1" | head -1 | sed -E 's/.*: ([0-9.]+) seconds.*/\1/'
}

header="| build | run | rows project (s) | without [Eval] (s) | ratio to it | plain project (s) | ratio |"
separator="| --- | --- | ---: | ---: | ---: | ---: | ---: |"
if [ -n "$old_generator" ]; then
    header="$header rows, OLD_GENERATOR (s) | its ratio to without [Eval] |"
    separator="$separator ---: | ---: |"
fi
if [ "${FLOOR:-0}" = 1 ]; then
    header="$header floor (s) | floor ratio | attributes only (s) | attributes-only ratio | attributes only, no xUnit analyzers (s) | its ratio |"
    separator="$separator ---: | ---: | ---: | ---: | ---: | ---: |"
fi
printf '%s\n' "$header EvalSpec generator (s) | EvalSpec analyzers (s) | xUnit analyzers on rows (s) | all analyzers, rows (s) | xUnit analyzers, attributes only (s) |"
printf '%s\n' "$separator ---: | ---: | ---: | ---: | ---: |"
declare -A seconds_of
round=0
for mode in cold edit; do
    for r in $(seq 1 "$repeats"); do
        # Interleaved, so all projects see about the same machine load; the order turns by one each round.
        read -r -a order <<< "$projects"
        n=${#order[@]}
        for i in $(seq 0 $((n - 1))); do
            p=${order[$(((i + round) % n))]}
            log="$root/$p-$mode-$r.log"
            seconds_of[$p]=$(build "$root/$p" "$mode" "$log") || exit 1
            if ! grep -qE "Total analyzer execution time" "$log"; then
                echo "No analyzer report in $log: did $p compile?" >&2
                exit 1
            fi
            if [ "$p" = RowsOld ] && { ! grep -qF "/analyzer:$old_generator" "$log" || grep -qF "/analyzer:$PWD/src/EvalSpec.Generators/bin/" "$log"; }; then
                echo "RowsOld did not compile with OLD_GENERATOR alone: see the csc command line in $log" >&2
                exit 1
            fi
            gone=$(cat "$root/$p/dropped.pattern")
            if [ -n "$gone" ] && analyzer_lines "$log" "$gone" >/dev/null; then
                echo "An analyzer removed from $p ran in it ($gone): see $log" >&2
                exit 1
            fi
        done
        round=$((round + 1))
        rows=${seconds_of[Rows]} plain=${seconds_of[Plain]} noeval=${seconds_of[NoEval]}
        line=$(printf '| %s | %s | %.1f | %.1f | %.2fx | %.1f | %.2fx |' "$mode" "$r" "$rows" "$noeval" "$(echo "$rows / $noeval" | bc -l)" "$plain" "$(echo "$rows / $plain" | bc -l)")
        if [ -n "$old_generator" ]; then
            line="$line $(printf '%.1f | %.2fx |' "${seconds_of[RowsOld]}" "$(echo "${seconds_of[RowsOld]} / $noeval" | bc -l)")"
        fi
        attrsxunit="-"
        if [ "${FLOOR:-0}" = 1 ]; then
            for p in Floor Attrs AttrsNoXunit; do
                line="$line $(printf '%.1f | %.2fx |' "${seconds_of[$p]}" "$(echo "${seconds_of[$p]} / $plain" | bc -l)")"
            done
            attrsxunit=$(seconds "$root/Attrs-$mode-$r.log" 'xunit\.analyzers')
        fi
        log="$root/Rows-$mode-$r.log"
        printf '%s %s | %s | %s | %s | %s |\n' "$line" "$(seconds "$log" 'EvalSpec\.Generators')" "$(seconds "$log" 'EvalSpec\.Analyzers')" "$(seconds "$log" 'xunit\.analyzers')" "$(total "$log" analyzer)" "$attrsxunit"
    done
done
echo
echo "xUnit $xunit, $([ "$server" = 1 ] && echo "through the compiler server after ${WARMUP:-3} warm-up rebuilds" || echo "a fresh compiler process per build"). Rows project: $methods eval methods x 5 variants x (identity + 3 relations) = $((methods * 20)) rows; without [Eval]: the rows project's files without the [Eval] attributes (issue #13's baseline: no rows, every other attribute, EvalSpec's generator and analyzers kept); plain project: the same methods without EvalSpec attributes."
echo "Generator and analyzer seconds are -p:ReportAnalyzer=true figures of the rows project's compilation (summed over analyzer threads, so they can exceed the wall time)."
