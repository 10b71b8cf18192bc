using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EvalSpec.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

// [CasesFrom] benchmark: the source generator on an eval whose cases come from a JSONL file and a CSV file of N cases
// each (default 10,000), through Roslyn's generator driver as the compiler runs it: the first run (parse, resolve,
// emit), a re-run after an unrelated additional file changes (should be cached), and a re-run after one line of the
// data file changes (re-reads that file and re-emits the method). Reported, not asserted: see the README.
// Usage: dotnet run --project bench/EvalSpec.Bench.CaseFiles -c Release [-- --cases N]

int cases = args.Length == 2 && args[0] == "--cases" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
const string Source = """
    using System.Threading.Tasks;
    using EvalSpec;

    namespace Bench;

    public enum Priority { Low, High }

    public partial class TicketEvals
    {
        [Eval]
        [Prompt("triage", "Triage: {subject} ({priority}, {attempts})")]
        [CasesFrom("data/tickets.jsonl")]
        public Task<string> FromJsonl(EvalInput input, string subject, Priority priority, int attempts) => Task.FromResult(input.Prompt);

        [Eval]
        [Prompt("triage", "Triage: {subject} ({priority}, {attempts})")]
        [CasesFrom("data/tickets.csv")]
        public Task<string> FromCsv(EvalInput input, string subject, Priority priority, int attempts) => Task.FromResult(input.Prompt);
    }
    """;

var jsonl = new StringBuilder();
var csv = new StringBuilder("id,subject,priority,attempts,expected,tags\r\n");
for (int i = 0; i < cases; i++)
{
    jsonl.Append(CultureInfo.InvariantCulture, $"{{\"id\": \"t{i}\", \"subject\": \"Ticket {i}: the printer \\\"jams\\\" on page {i % 97}\", \"priority\": \"{(i % 3 == 0 ? "High" : "Low")}\", \"attempts\": {i % 5}, \"expected\": \"queue {i % 7}\", \"tags\": [\"t{i % 11}\"]}}\n");
    csv.Append(CultureInfo.InvariantCulture, $"t{i},\"Ticket {i}, the printer \"\"jams\"\"\r\non page {i % 97}\",{(i % 3 == 0 ? "High" : "Low")},{i % 5},queue {i % 7},t{i % 11}\r\n");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases} cases per file: tickets.jsonl {jsonl.Length / 1e6:0.0} M characters, tickets.csv {csv.Length / 1e6:0.0} M characters"));

string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
IEnumerable<MetadataReference> references = trusted.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
    .Append(typeof(EvalSpec.EvalAttribute).Assembly.Location)
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
CSharpCompilation compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest)) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

var jsonlFile = new Text("/bench/data/tickets.jsonl", jsonl.ToString());
var csvFile = new Text("/bench/data/tickets.csv", csv.ToString());
GeneratorDriver Create() => CSharpGeneratorDriver.Create(new[] { new EvalGenerator().AsSourceGenerator() }, new AdditionalText[] { jsonlFile, csvFile }, new CSharpParseOptions(LanguageVersion.Latest));

// Warm-up: load and JIT the generator and Roslyn once, so the first measured run is a build's, not the process's.
Create().RunGenerators(compilation);

var timer = Stopwatch.StartNew();
GeneratorDriver driver = Create().RunGenerators(compilation);
double first = timer.Elapsed.TotalMilliseconds;
GeneratorRunResult result = driver.GetRunResult().Results.Single();
int rows = result.GeneratedSources.Sum(s => GeneratedRows.Count(s.SourceText.ToString()));
long characters = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
if (result.Exception is not null || result.GeneratedSources.Any(s => s.HintName.Contains("NotGenerated", StringComparison.Ordinal)))
{
    Console.Error.WriteLine("The generator did not expand the cases: " + result.Exception + string.Join("\n", result.GeneratedSources.Select(s => s.HintName)));
    return 1;
}

timer.Restart();
GeneratorDriver unrelated = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new Text("/bench/notes.txt", "unrelated"))).RunGenerators(compilation);
double cached = timer.Elapsed.TotalMilliseconds;

timer.Restart();
string edited = jsonl.ToString().Replace("\"id\": \"t0\"", "\"id\": \"t0-edited\"", StringComparison.Ordinal);
GeneratorDriver rerun = unrelated.ReplaceAdditionalText(jsonlFile, new Text("/bench/data/tickets.jsonl", edited)).RunGenerators(compilation);
double changed = timer.Elapsed.TotalMilliseconds;
_ = rerun.GetRunResult();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated: {rows} rows, {characters / 1e6:0.0} M characters of source"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first run (both files):           {first,8:0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"re-run, unrelated file changed:   {cached,8:0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"re-run, one JSONL line changed:   {changed,8:0} ms"));
return 0;

/// <summary>An additional file held in memory.</summary>
internal sealed class Text(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
