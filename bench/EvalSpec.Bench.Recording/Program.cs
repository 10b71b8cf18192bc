using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using EvalSpec.Testing.OpenAI;

// Record-mode overhead benchmark: runs the 1,000-row bench/RecordingSuite through `dotnet test`, its bot and LLM judge
// reached with the real OpenAI client over HTTP at a fake OpenAI-compatible server on 127.0.0.1 (about 1,200 model
// calls), alternately with EVALSPEC_RECORDING=live and =record (re-recording over the file a first record run wrote),
// in one process, and prints both side by side with the ratio. Target: record at most 5% slower than live. The fake
// model answers after --delay-ms (default 20, a fast model); --delay-ms 0 measures the bare CPU cost of recording.
// Usage: dotnet run --project bench/EvalSpec.Bench.Recording -c Release [-- --repeat N] [--delay-ms D]

string repoRoot = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
int repeat = Option("--repeat", 3);
int delayMs = Option("--delay-ms", 20);
string suite = Path.Combine(repoRoot, "bench", "RecordingSuite", "RecordingSuite.csproj");
string work = Path.Combine(Path.GetTempPath(), "evalspec-bench-recording", DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
string recordings = Path.Combine(work, "recordings");

await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
{
    Responder = request =>
    {
        ScriptedResponse answer = request.Model == "judge-model"
            ? ScriptedResponse.Completion("""{"reasoning":"Names the item.","score":5,"verdict":"pass"}""")
            : ScriptedResponse.Completion("This is " + (request.LastUserMessage ?? string.Empty).Trim() + " described at some length, as a bot would.");
        return delayMs > 0 ? answer.WithDelay(TimeSpan.FromMilliseconds(delayMs)) : answer;
    },
});

Run("build", suite, new Dictionary<string, string>(), "-c", "Release");

// A first record run writes the recordings file: the measured record runs re-record over it, as a developer does.
Measure("warm-up", "record");

var measurements = new List<Measurement>();
for (int i = 0; i < repeat; i++)
{
    foreach (string mode in new[] { "live", "record" })
    {
        measurements.Add(Measure($"{mode}-{i}", mode));
    }
}

Console.WriteLine();
Console.WriteLine($"EvalSpec record-mode benchmark: {measurements[0].Rows} rows, about {measurements[0].Calls} model calls through the real OpenAI client to a local fake server (delay {delayMs} ms)");
Console.WriteLine($"{"run",-10} {"rows",5} {"calls",6} {"rows ms",9} {"write ms",9} {"eval ms",9} {"dotnet test ms",15}");
foreach (Measurement m in measurements)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Name,-10} {m.Rows,5} {m.Calls,6} {m.RowsMs,9:0} {m.WriteMs,9:0} {m.EvalMs,9:0} {m.ProcessMs,15:0}"));
}

double live = Median(measurements.Where(m => m.Mode == "live").Select(m => m.EvalMs));
double record = Median(measurements.Where(m => m.Mode == "record").Select(m => m.EvalMs));
double liveProcess = Median(measurements.Where(m => m.Mode == "live").Select(m => m.ProcessMs));
double recordProcess = Median(measurements.Where(m => m.Mode == "record").Select(m => m.ProcessMs));
double ratio = record / live;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median eval time (rows + the end-of-run write of the recordings): live = {live:0} ms, record = {record:0} ms, ratio = {ratio:0.000} (target <= 1.05)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median dotnet test wall time (incl. process start and discovery): live = {liveProcess:0} ms, record = {recordProcess:0} ms, ratio = {recordProcess / liveProcess:0.000}"));
return ratio <= 1.05 ? 0 : 1;

Measurement Measure(string name, string mode)
{
    var environment = new Dictionary<string, string>
    {
        ["EVALSPEC_RESULTSDIRECTORY"] = Path.Combine(work, "results"),
        ["EVALSPEC_RUNID"] = name,
        ["EVALSPEC_RECORDING"] = mode,
        ["EVALSPEC_RECORDINGSDIRECTORY"] = recordings,
        ["BENCH_OPENAI_URL"] = server.BaseAddress.ToString(),
    };
    int requestsBefore = server.Requests.Count;
    var clock = Stopwatch.StartNew();
    Run("test", suite, environment, "-c", "Release", "--no-build");
    double processMs = clock.Elapsed.TotalMilliseconds;
    using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "results", name, "summary.json")));
    JsonElement summary = document.RootElement;
    JsonElement recording = summary.GetProperty("recording");

    // The end-of-run write is not in the rows' wall time; EvalSpec versions that do not report it wrote during the rows.
    double writeMs = recording.TryGetProperty("writeMilliseconds", out JsonElement write) ? write.GetDouble() : 0;
    double rowsMs = summary.GetProperty("wallTimeMs").GetDouble();
    return new Measurement(name, mode, summary.GetProperty("rows").GetProperty("total").GetInt32(), server.Requests.Count - requestsBefore, rowsMs, writeMs, rowsMs + writeMs, processMs);
}

static double Median(IEnumerable<double> values)
{
    double[] sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

int Option(string name, int fallback)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static void Run(string verb, string project, Dictionary<string, string> environment, params string[] extra)
{
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(verb);
    start.ArgumentList.Add(project);
    foreach (string argument in extra)
    {
        start.ArgumentList.Add(argument);
    }

    foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("EVALSPEC_", StringComparison.OrdinalIgnoreCase)).ToList())
    {
        start.Environment.Remove(key);
    }

    foreach (KeyValuePair<string, string> variable in environment)
    {
        start.Environment[variable.Key] = variable.Value;
    }

    using Process process = Process.Start(start)!;
    string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"dotnet {verb} {project} failed ({process.ExitCode}):\n{output}");
    }
}

internal sealed record Measurement(string Name, string Mode, int Rows, int Calls, double RowsMs, double WriteMs, double EvalMs, double ProcessMs);
