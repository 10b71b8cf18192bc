using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using EvalSpec.Bench.Answers;
using EvalSpec.Judging;
using SharpFuzz;

// The LLM judges' answer reader under stress.
//   dotnet run -c Release --project bench/EvalSpec.Bench.JudgeAnswers               timing table (results.md)
//   dotnet <built dll> fuzz                                                        AFL++ entry point (see fuzz.sh)
//   dotnet run -c Release --project bench/EvalSpec.Bench.JudgeAnswers -- replay F|D  run files through the entry point
string mode = args.Length > 0 ? args[0] : "timing";
switch (mode)
{
    case "fuzz":
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            JudgeAnswerTarget.Run(buffer.ToArray());
        });
        return 0;
    case "replay":
        return Replay(args.Skip(1));
    case "timing":
        return Timing();
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}': use timing, fuzz or replay <files or folders>.");
        return 2;
}

static int Replay(IEnumerable<string> paths)
{
    string[] files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)) : new[] { p }).Order(StringComparer.Ordinal).ToArray();
    int findings = 0;
    foreach (string file in files)
    {
        try
        {
            JudgeAnswerTarget.Run(File.ReadAllBytes(file));
        }
        catch (Exception ex)
        {
            findings++;
            Console.WriteLine($"FINDING {file}:\n{ex}\n");
        }
    }

    Console.WriteLine($"{files.Length} inputs replayed, {findings} finding(s).");
    return findings == 0 ? 0 : 1;
}

// How reading cost grows as hostile answers grow to the size cap: with a linear reader the cost per KiB stays flat.
static int Timing()
{
    var shapes = new (string Name, Func<int, string> Make)[]
    {
        ("\"{a}\" repeated, then \"Verdict: fail\"", n => Repeat("{a}", n - 14) + "\nVerdict: fail"),
        ("\"{\" repeated (never closed)", n => new string('{', n)),
        ("\"{\\\"\" repeated (a string opened in every object)", n => Repeat("{\"", n)),
        ("\"{\\\"a\\\":\" repeated (nested, never closed)", n => Repeat("{\"a\":", n)),
        ("\"{\\\"a}\" repeated (objects that fail to parse)", n => Repeat("{\"a}", n)),
        ("\"{\\\"verdict\\\":\\\"pass\\\"}\" repeated (agreeing objects)", n => Repeat("{\"verdict\":\"pass\"}", n)),
        ("\"Verdict: pass\" lines", n => Repeat("Verdict: pass\n", n)),
        ("\"```\" lines", n => Repeat("```\n", n)),
        ("prose with quoted verdicts, one line", n => Repeat("the response says \"verdict: pass\" but ", n)),
    };
    int[] sizes = { 4_096, 16_384, JudgeAnswers.MaxAnswerLength };
    var report = new StringBuilder();
    void Line(string text = "")
    {
        Console.WriteLine(text);
        report.AppendLine(text);
    }

    Line("Reading hostile judge answers (JudgeAnswers.ParseRubric; Release): median wall time of 15 runs after warm-up, and bytes allocated per KiB of answer");
    Line("(a count of work that does not depend on the machine's load: a linear reader allocates the same per KiB at every size).");
    Line();
    Line($"| answer | {string.Join(" | ", sizes.Select(s => $"{s / 1024} KiB"))} | time per KiB, 4 KiB / cap | allocated per KiB, 4 KiB / cap |");
    Line($"| --- | {string.Join(" | ", sizes.Select(_ => "---"))} | --- | --- |");
    double worstTime = 0, worstAllocation = 0;
    foreach ((string name, Func<int, string> make) in shapes)
    {
        (double Micros, double Bytes)[] measured = sizes.Select(size => Measure(make(size)[..size])).ToArray();
        double timeSmall = measured[0].Micros / (sizes[0] / 1024.0), timeLarge = measured[^1].Micros / (sizes[^1] / 1024.0);
        double bytesSmall = measured[0].Bytes / (sizes[0] / 1024.0), bytesLarge = measured[^1].Bytes / (sizes[^1] / 1024.0);
        worstTime = Math.Max(worstTime, timeLarge / timeSmall);
        worstAllocation = Math.Max(worstAllocation, bytesLarge / bytesSmall);
        Line($"| {name} | {string.Join(" | ", measured.Select(m => m.Micros.ToString("0", CultureInfo.InvariantCulture) + " µs"))} | {F(timeSmall)} / {F(timeLarge)} µs | {F(bytesSmall / 1024)} / {F(bytesLarge / 1024)} KiB |");
    }

    Line();
    Line($"Largest growth per KiB from 4 KiB to the cap ({JudgeAnswers.MaxAnswerLength / 1024} KiB, 16 times longer): allocation x{F(worstAllocation)}, time x{F(worstTime)}; a reader quadratic in the length would show x16.");
    string repoRoot = typeof(JudgeAnswerTarget).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
    string output = Path.Combine(repoRoot, "bench", "EvalSpec.Bench.JudgeAnswers", "results.md");
    File.WriteAllText(output, report.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    Console.WriteLine($"\nWritten to {output}");
    return 0;
}

static string Repeat(string unit, int length)
{
    var text = new StringBuilder(length + unit.Length);
    while (text.Length < length)
    {
        text.Append(unit);
    }

    return text.ToString(0, Math.Max(0, length));
}

static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

static (double Micros, double Bytes) Measure(string answer)
{
    for (int i = 0; i < 3; i++)
    {
        JudgeAnswers.ParseRubric(answer);
    }

    long before = GC.GetAllocatedBytesForCurrentThread();
    JudgeAnswers.ParseRubric(answer);
    double bytes = GC.GetAllocatedBytesForCurrentThread() - before;
    var times = new List<double>();
    for (int i = 0; i < 15; i++)
    {
        long start = Stopwatch.GetTimestamp();
        JudgeAnswers.ParseRubric(answer);
        times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }

    times.Sort();
    return (times[times.Count / 2], bytes);
}
