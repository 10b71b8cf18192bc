using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

// Concurrency benchmark: runs the 200-row ConcurrencySuite through `dotnet test` with
// EvalSpec:MaxConcurrency = 1 and with the default (8), alternately, in one run, and prints the ratio.
// Usage: dotnet run --project bench/EvalSpec.Bench -c Release [-- --repeat N]

string repoRoot = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
int repeat = args.Length == 2 && args[0] == "--repeat" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
string suite = Path.Combine(repoRoot, "bench", "ConcurrencySuite", "ConcurrencySuite.csproj");
string work = Path.Combine(Path.GetTempPath(), "evalspec-bench", DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));

Run("build", suite, "-c", "Release");

var measurements = new List<(int Limit, double EvalMs, double ProcessMs, int Rows, int Calls)>();
for (int i = 0; i < repeat; i++)
{
    foreach (int? limit in new int?[] { 1, null })
    {
        string runId = $"limit-{limit?.ToString(CultureInfo.InvariantCulture) ?? "default"}-{i}";
        var environment = new Dictionary<string, string> { ["EVALSPEC_RESULTSDIRECTORY"] = work, ["EVALSPEC_RUNID"] = runId };
        if (limit is not null)
        {
            environment["EVALSPEC_MAXCONCURRENCY"] = limit.Value.ToString(CultureInfo.InvariantCulture);
        }

        var clock = Stopwatch.StartNew();
        RunWith("test", suite, environment, "-c", "Release", "--no-build");
        double processMs = clock.Elapsed.TotalMilliseconds;
        JsonElement summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, runId, "summary.json"))).RootElement;
        measurements.Add((
            summary.GetProperty("maxConcurrency").GetInt32(),
            summary.GetProperty("wallTimeMs").GetDouble(),
            processMs,
            summary.GetProperty("rows").GetProperty("total").GetInt32(),
            summary.GetProperty("systemUnderTestCalls").GetInt32()));
    }
}

Console.WriteLine();
Console.WriteLine("EvalSpec concurrency benchmark: generated suite of 200 rows, the system under test waits 100 ms per call");
Console.WriteLine($"{"limit",5} {"rows",5} {"calls",6} {"eval wall ms",13} {"dotnet test ms",15}");
foreach (var m in measurements)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Limit,5} {m.Rows,5} {m.Calls,6} {m.EvalMs,13:0} {m.ProcessMs,15:0}"));
}

double Median(IEnumerable<double> values)
{
    double[] sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

int defaultLimit = measurements.Max(m => m.Limit);
double sequential = Median(measurements.Where(m => m.Limit == 1).Select(m => m.EvalMs));
double concurrent = Median(measurements.Where(m => m.Limit == defaultLimit).Select(m => m.EvalMs));
double sequentialProcess = Median(measurements.Where(m => m.Limit == 1).Select(m => m.ProcessMs));
double concurrentProcess = Median(measurements.Where(m => m.Limit == defaultLimit).Select(m => m.ProcessMs));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median eval wall time: limit 1 = {sequential:0} ms, limit {defaultLimit} (default) = {concurrent:0} ms, ratio = {sequential / concurrent:0.00}x (target >= 5x)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median dotnet test wall time (incl. ~process start and discovery): {sequentialProcess:0} ms vs {concurrentProcess:0} ms, ratio = {sequentialProcess / concurrentProcess:0.00}x"));
return sequential / concurrent >= 5 ? 0 : 1;

void Run(string verb, string project, params string[] extra) => RunWith(verb, project, new Dictionary<string, string>(), extra);

void RunWith(string verb, string project, Dictionary<string, string> environment, params string[] extra)
{
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(verb);
    start.ArgumentList.Add(project);
    foreach (string argument in extra)
    {
        start.ArgumentList.Add(argument);
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
