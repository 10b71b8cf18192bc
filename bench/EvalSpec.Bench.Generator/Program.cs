using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using EvalSpec.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Generator benchmark: EvalSpec's source generator on the suite of bench/BuildCost (N [Eval] methods, default 1,000, each
// 5 prompt variants x 1 case x (identity + 3 relations) = 20 rows, on xUnit v2 with EvalSpec.Xunit), through Roslyn's
// generator driver as the compiler runs it: a first run, and a re-run after one unrelated file changed (Roslyn re-runs
// the per-method parse, whose results compare equal, so nothing is re-emitted). Prints wall and CPU milliseconds (on a
// shared machine the CPU time is the steadier figure). Reported, not asserted.
// Usage: dotnet run --project bench/EvalSpec.Bench.Generator -c Release [-- --methods N --repeats R]

int methods = 1000, repeats = 5;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--methods": methods = value; break;
        case "--repeats": repeats = value; break;
        default: Console.Error.WriteLine("Usage: [--methods N] [--repeats R]"); return 2;
    }
}

var parse = new CSharpParseOptions(LanguageVersion.Latest);
var trees = new List<SyntaxTree>();
const int PerClass = 50;
for (int c = 0; c * PerClass < methods; c++)
{
    var source = new StringBuilder($"using System.Threading.Tasks;\nusing EvalSpec;\nusing EvalSpec.Metamorphic;\n\nnamespace Bench;\n\npublic partial class Evals{c:000}\n{{\n");
    for (int m = c * PerClass; m < Math.Min(methods, (c + 1) * PerClass); m++)
    {
        source.Append("    [Eval]\n");
        for (int v = 0; v < 5; v++)
        {
            source.Append(CultureInfo.InvariantCulture, $"    [Prompt(\"v{v}\", \"Variant {v}: what is the refund window for {{product}}? ({m})\")]\n");
        }

        source.Append("    [Case(\"laptop\")]\n    [Invariant<Lowercase>]\n    [Invariant<WhitespaceNoise>]\n    [Invariant<PunctuationNoise>]\n");
        source.Append(CultureInfo.InvariantCulture, $"    public Task<string> Method{m:0000}(EvalInput input, string product) => Task.FromResult(input.Prompt);\n\n");
    }

    trees.Add(CSharpSyntaxTree.ParseText(source.Append("}\n").ToString(), parse, $"Evals{c:000}.cs"));
}

trees.Add(CSharpSyntaxTree.ParseText("namespace Bench;\npublic static class Unrelated { public static int Value => 0; }\n", parse, "Unrelated.cs"));

string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
IEnumerable<MetadataReference> references = trusted
    .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
    .Concat(new[] { typeof(EvalSpec.EvalAttribute), typeof(EvalSpec.Execution.EvalRowsAttribute), typeof(Xunit.FactAttribute), typeof(Xunit.Abstractions.ITestOutputHelper), typeof(Xunit.Sdk.XunitTestCase) }
        .Select(t => t.Assembly.Location))
    .Distinct(StringComparer.Ordinal)
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
CSharpCompilation compilation = CSharpCompilation.Create("Rows", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

// The compiler has read the references and declared the types before generators run; do that outside the timings.
foreach (SyntaxTree tree in compilation.SyntaxTrees)
{
    _ = compilation.GetSemanticModel(tree).GetDeclarationDiagnostics();
}

GeneratorDriver Create() => CSharpGeneratorDriver.Create(new[] { new EvalGenerator().AsSourceGenerator() }, parseOptions: parse);

// A fresh compilation of the same text per run, as a new build has (no symbols or bound attributes carried over).
CSharpCompilation Fresh(int edit) => compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees.Select(t =>
    CSharpSyntaxTree.ParseText(t.FilePath == "Unrelated.cs" ? t.ToString().Replace("=> 0", "=> " + edit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) : t.ToString(), parse, t.FilePath)));

// Warm-up: load and JIT the generator and Roslyn once, so the measured runs are a build's, not the process's.
Create().RunGenerators(Fresh(0));

var firsts = new List<(double Wall, double Cpu)>();
var edits = new List<(double Wall, double Cpu)>();
int rows = 0, files = 0;
long characters = 0;
for (int r = 1; r <= repeats; r++)
{
    CSharpCompilation before = Fresh(0);
    CSharpCompilation after = before.ReplaceSyntaxTree(before.SyntaxTrees.Single(t => t.FilePath == "Unrelated.cs"), Fresh(r).SyntaxTrees.Single(t => t.FilePath == "Unrelated.cs"));
    _ = before.GetSemanticModel(before.SyntaxTrees.First()).GetDeclarationDiagnostics();
    GeneratorDriver driver = Create();
    firsts.Add(Measure(() => driver = driver.RunGenerators(before)));
    GeneratorRunResult result = driver.GetRunResult().Results.Single();
    if (result.Exception is not null || result.GeneratedSources.Any(s => s.HintName.Contains("NotGenerated", StringComparison.Ordinal)))
    {
        Console.Error.WriteLine("The generator did not expand the suite: " + result.Exception);
        return 1;
    }

    files = result.GeneratedSources.Length;
    characters = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
    rows = result.GeneratedSources.Sum(s => GeneratedRows.Count(s.SourceText.ToString()));
    edits.Add(Measure(() => driver = driver.RunGenerators(after)));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{methods} [Eval] methods: {files} generated files, {characters / 1e6:0.0} M characters, {rows} row-table lines"));
Console.WriteLine("run                                wall ms (min / median)   CPU ms (min / median)");
Print("first run", firsts);
Print("re-run, unrelated file edited", edits);
return 0;

static (double Wall, double Cpu) Measure(Action run)
{
    GC.Collect();
    TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var timer = Stopwatch.StartNew();
    run();
    return (timer.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
}

static void Print(string name, List<(double Wall, double Cpu)> runs)
{
    static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {runs.Min(r => r.Wall),7:0} / {Median(runs.Select(r => r.Wall)),7:0}          {runs.Min(r => r.Cpu),7:0} / {Median(runs.Select(r => r.Cpu)),7:0}"));
}
