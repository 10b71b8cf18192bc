#!/usr/bin/env bash
# Build-cost benchmark (issue #13 item 7): generates a suite of METHODS eval methods x 5 prompt variants x (identity + 3
# relations) = 20 rows per method (20,000 rows for 1,000 methods) and the same project without EvalSpec's attributes
# (the same methods, plain), builds both side by side, cold (--no-incremental) and after editing one unrelated file, and
# prints the wall times, their ratio, and -p:ReportAnalyzer=true figures: EvalSpec's generator, EvalSpec's analyzers, and
# the third-party analyzers (xUnit's) that inspect the generated tests. Reported, not asserted (a shared, noisy machine).
# Usage: [XUNIT=v3] [SERVER=1] bench/BuildCost/run.sh [methods] [repeats]     (defaults 1000 and 2; needs only the .NET SDK)
# SERVER=1 compiles through the compiler server (VBCSCompiler), as a developer's `dotnet build` and the IDE do by default,
# after WARMUP (default 3) unmeasured rebuilds of each project, so the compiler, the generator and the analyzers are
# already compiled to machine code; the default (SERVER unset) starts a fresh compiler process for every build, as a CI
# job's first build does (and as this repository's machines do: they set UseSharedCompilation=false).
# FLOOR=1 also builds a third project, the floor: the rows project's files with EvalSpec's generator removed and, in its
# place, the least any generator must add (per eval method one attribute and a one-line test method, no descriptor), so
# the ratio EvalSpec's own output costs above that floor is seen apart from the cost of the attributes and test methods.
# It also builds the attributes-only project: the rows project's files with EvalSpec's generator removed and nothing in its
# place (no test methods at all), which shows what the attributes users write cost by themselves (their binding, and
# analyzers that visit every attribute, such as xUnit's xUnit3004 check on v3).
# XUNIT=v3 builds both projects on xUnit v3 (xunit.v3.mtp-off, EvalSpec.Xunit.V3: one generated method and a row table
# per eval method instead of one [Fact] per row); the default is xUnit v2.
set -euo pipefail
cd "$(dirname "$0")/../.."
methods="${1:-1000}"
repeats="${2:-2}"
xunit="${XUNIT:-v2}"
case "$xunit" in v2|v3) ;; *) echo "XUNIT must be v2 or v3, not '$xunit'" >&2; exit 2 ;; esac
root="bench/BuildCost/generated"   # inside the repository so Directory.Build.props and the in-repo targets apply; git-ignored
rm -rf "$root"
mkdir -p "$root/Rows" "$root/Plain" "$root/Floor" "$root/Attrs"

python3 - "$root" "$methods" "$xunit" <<'PY'
import os, sys
root, methods, xunit = sys.argv[1], int(sys.argv[2]), sys.argv[3]
per_class = 50
def csproj(with_evalspec, floor=False):
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
  <Import Project="$(RepoRoot)eng/EvalSpec.InRepo.targets" />{drop if floor else ""}
</Project>
"""
drop = """
  <Target Name="DropEvalSpecGenerator" BeforeTargets="CoreCompile">
    <ItemGroup><Analyzer Remove="@(Analyzer)" Condition="$([System.String]::Copy('%(Filename)').Contains('EvalSpec.Generators'))" /></ItemGroup>
  </Target>"""
for name, rows in (("Rows", True), ("Plain", False), ("Floor", True), ("Attrs", True)):
    d = os.path.join(root, name)
    open(os.path.join(d, name + ".csproj"), "w").write(csproj(rows, floor=name in ("Floor", "Attrs")))
    open(os.path.join(d, "Unrelated.cs"), "w").write("namespace Bench;\n\npublic static class Unrelated\n{\n    public static int Value => 0;\n}\n")
    for c in range((methods + per_class - 1) // per_class):
        lines = ["using System.Threading.Tasks;", "using EvalSpec;", "using EvalSpec.Metamorphic;", "", "namespace Bench;", "", f"public partial class Evals{c:03d}", "{"]
        for m in range(c * per_class, min(methods, (c + 1) * per_class)):
            if rows:
                lines += ["    [Eval]"]
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
projects="Rows Plain"
if [ "${FLOOR:-0}" = 1 ]; then projects="Rows Plain Floor Attrs"; fi
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
    if [ "$2" = cold ]; then
        # A full rebuild of the project itself; its references (EvalSpec, the generator) were built once before.
        dotnet build "$1" --no-restore --no-incremental -p:BuildProjectReferences=false $compiler -p:ReportAnalyzer=true -v:detailed -nodeReuse:false > "$3"
    else
        dotnet build "$1" --no-restore $compiler -p:ReportAnalyzer=true -v:detailed -nodeReuse:false > "$3"
    fi
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

# Seconds reported for the analyzer or generator assembly whose name matches the pattern (ReportAnalyzer's per-assembly
# line "<seconds> <percent> <Assembly>, Version=..."; the per-type lines under it are not counted again).
seconds() { # log, pattern
    grep -E "^\s+[0-9.<]+\s+[0-9<]+\s+$2, Version=" "$1" | awk '{ v = $1; gsub("<", "", v); s += v } END { printf "%.2f", s + 0 }'
}

total() { # log, "analyzer"|"generator"
    grep -E "Total $2 execution time: [0-9.]+ seconds" "$1" | head -1 | sed -E 's/.*: ([0-9.]+) seconds.*/\1/'
}

printf '%s\n' "| build | run | rows project (s) | plain project (s) | ratio | floor (s) | floor ratio | attributes only (s) | attributes-only ratio | EvalSpec generator (s) | EvalSpec analyzers (s) | xUnit analyzers on rows (s) | all analyzers, rows (s) | xUnit analyzers, attributes only (s) |"
printf '%s\n' "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for mode in cold edit; do
    for r in $(seq 1 "$repeats"); do
        # Interleaved, so both projects see the same machine load.
        rows=$(build "$root/Rows" "$mode" "$root/rows-$mode-$r.log")
        plain=$(build "$root/Plain" "$mode" "$root/plain-$mode-$r.log")
        floor="" floorratio="" attrs="" attrsratio=""
        if [ "${FLOOR:-0}" = 1 ]; then
            floor=$(build "$root/Floor" "$mode" "$root/floor-$mode-$r.log")
            floorratio=$(printf '%.2fx' "$(echo "$floor / $plain" | bc -l)")
            floor=$(printf '%.1f' "$floor")
            attrs=$(build "$root/Attrs" "$mode" "$root/attrs-$mode-$r.log")
            attrsratio=$(printf '%.2fx' "$(echo "$attrs / $plain" | bc -l)")
            attrs=$(printf '%.1f' "$attrs")
        fi
        log="$root/rows-$mode-$r.log"
        printf '| %s | %s | %.1f | %.1f | %.2fx | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$mode" "$r" "$rows" "$plain" "$(echo "$rows / $plain" | bc -l)" "${floor:--}" "${floorratio:--}" "${attrs:--}" "${attrsratio:--}" \
            "$(seconds "$log" 'EvalSpec\.Generators')" "$(seconds "$log" 'EvalSpec\.Analyzers')" "$(seconds "$log" 'xunit\.analyzers')" "$(total "$log" analyzer)" \
            "$(if [ -n "$attrs" ]; then seconds "$root/attrs-$mode-$r.log" 'xunit\.analyzers'; else echo -; fi)"
    done
done
echo
echo "xUnit $xunit, $([ "$server" = 1 ] && echo "through the compiler server after ${WARMUP:-3} warm-up rebuilds" || echo "a fresh compiler process per build"). Rows project: $methods eval methods x 5 variants x (identity + 3 relations) = $((methods * 20)) rows; plain project: the same methods without EvalSpec attributes."
echo "Generator and analyzer seconds are -p:ReportAnalyzer=true figures of the rows project's compilation (summed over analyzer threads, so they can exceed the wall time)."
