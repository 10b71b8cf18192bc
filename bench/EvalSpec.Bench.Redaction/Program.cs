using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvalSpec.Secrets;

// Redaction benchmark: the secret redactor on a generated results.jsonl of realistic rows (some leaking keys), per line
// as the results writer redacts it and whole as a report is redacted, and on hostile near-miss inputs at two sizes: the
// time must grow linearly (about 2x for twice the input).
// Usage: dotnet run --project bench/EvalSpec.Bench.Redaction -c Release [-- --rows N]

int rows = args.Length == 2 && args[0] == "--rows" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
for (int i = 0; i < 10; i++)
{
    variables[$"SERVICE{i}_API_KEY"] = $"env-secret-{i}-{Guid.NewGuid():n}";
}

var redactor = new SecretRedactor(variables);
string[] lines = Enumerable.Range(0, rows).Select(i => ResultLine(i, variables)).ToArray();
string file = string.Join('\n', lines);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"results.jsonl: {rows} rows, {file.Length / 1e6:0.0} M characters, {redactor.SecretVariables.Count} secret variables"));

Measure("per line (results writer)", file.Length, () =>
{
    int changed = 0;
    foreach (string line in lines)
    {
        changed += ReferenceEquals(redactor.Redact(line), line) ? 0 : 1;
    }

    return changed;
});
Measure("whole file (reports)", file.Length, () => redactor.Redact(file).Length);

Console.WriteLine();
Console.WriteLine("hostile inputs (4 M characters, then 8 M): time ratio, ~2 when linear");
var hostile = new (string Name, Func<int, string> Make)[]
{
    ("'sk-' near misses", n => Repeat("sk-abc ", n)),
    ("'Bearer' without tokens", n => Repeat("Bearer ", n)),
    ("JSON names without values", n => Repeat("\"token\":", n)),
    ("separators", n => Repeat("a=b:", n)),
    ("a name's value to the end", n => "api_key=" + new string('x', n)),
    ("'eyJ' runs", n => Repeat("eyJ", n)),
    ("ellipses after secret beginnings", n => Repeat("env-… sk-a… Bearer a… ", n)),
    ("one long word", n => new string('a', n)),
};
foreach ((string name, Func<int, string> make) in hostile)
{
    string small = make(4_000_000);
    string large = make(8_000_000);
    double smallMs = Time(() => redactor.Redact(small).Length);
    double largeMs = Time(() => redactor.Redact(large).Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-34} {smallMs,8:0.0} ms {largeMs,8:0.0} ms  ratio {largeMs / smallMs:0.00}"));
}

static string Repeat(string unit, int length)
{
    var text = new StringBuilder(length + unit.Length);
    while (text.Length < length)
    {
        text.Append(unit);
    }

    return text.ToString();
}

static void Measure(string name, int characters, Func<int> work)
{
    work();
    double ms = Time(work);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {ms,8:0.0} ms  {characters / 1e6 / (ms / 1000):0} M characters/s"));
}

static double Time(Func<int> work)
{
    var times = new List<double>();
    for (int i = 0; i < 5; i++)
    {
        var clock = Stopwatch.StartNew();
        work();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    return times.Min();
}

static string ResultLine(int i, IReadOnlyDictionary<string, string?> variables)
{
    var random = new Random(i);
    string output = random.Next(50) switch
    {
        0 => "My settings: OPENAI_API_KEY=sk-proj-" + Convert.ToHexString(Guid.NewGuid().ToByteArray()) + ", Authorization: Bearer abc.def.ghi",
        1 => "Connected with key " + variables.Values.ElementAt(random.Next(variables.Count)),
        _ => string.Join(' ', Enumerable.Range(0, 60).Select(w => "word" + random.Next(1000))) + ": refunds take 30 days.",
    };
    var row = new
    {
        runId = "bench",
        rowId = $"Shop.RefundEvals.RefundWindow/case{i}/formal/identity",
        suite = "Shop.RefundEvals",
        method = "RefundWindow",
        @case = "case" + i,
        variant = "formal",
        relation = "identity",
        inputs = new { product = "laptop " + i },
        prompt = "What is the refund window for laptop " + i + "? Answer in one sentence, citing the policy.",
        expected = "30 days",
        output,
        outcome = "pass",
        checks = new[]
        {
            new
            {
                name = "rubric",
                outcome = "pass",
                score = 0.9,
                rationale = "states the 30-day window",
                verdicts = new[]
                {
                    new { judge = "llama", outcome = "pass", score = 0.9, rationale = "Verdict: pass", rawOutput = "{\"reasoning\": \"The answer states 30 days.\", \"verdict\": \"pass\", \"score\": 5}", latencyMs = 35.2, modelCalls = 1, inputTokens = 812, outputTokens = 64 },
                    new { judge = "qwen", outcome = "pass", score = 0.8, rationale = "Verdict: pass", rawOutput = "Reasoning... Verdict: pass", latencyMs = 31.0, modelCalls = 1, inputTokens = 790, outputTokens = 58 },
                },
            },
        },
        latencyMs = 120.5,
        startedAt = "2026-03-14T09:00:00+00:00",
    };
    return JsonSerializer.Serialize(row);
}
