using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// The crash harness: `dotnet test` runs of a scratch copy of tests/fixtures/RecordedSuite that record model calls (the
/// fake OpenAI server), accept snapshots and update the baseline all at once, whose test host is killed (SIGKILL, as
/// <c>kill -9</c>) at a random moment. After each kill every committed file (recordings, the baseline, verified snapshots)
/// must be its old version or a complete new one, and the next run must succeed and leave no debris.
/// </summary>
/// <remarks>
/// <para>
/// Black box: it asserts only on files, so it holds whatever the writers do inside (a recordings journal, compaction).
/// Each generation of the run changes every file: the bot's answers and the judge's rationale carry the generation number
/// (recordings and snapshots change), and the judge's score alternates (the baseline's row scores change).
/// </para>
/// <para>
/// The kill moments are seeded: set CRASH_HARNESS_SEED to replay a schedule (the seed is printed, and in every failure).
/// A moment is a random fraction of the time the previous complete run spent writing (from its first model call, seen by
/// the fake server, to the end of its test host), counted from the killed run's first model call. "Old" is the file before the killed run; "new" is the file the next (complete) run of the same
/// generation writes, which is deterministic. A recordings file may also be a complete file whose every entry is its old or
/// its new version (the recordings writer commits after each call today); a torn, half-written or unparseable file never.
/// </para>
/// </remarks>
public sealed class CrashHarnessTests : IAsyncLifetime
{
    private const int RequiredKills = 10;
    private const int MaxRuns = 24;
    private readonly ITestOutputHelper _log;
    private FakeOpenAIServer _server = null!;
    private string _project = null!;
    private string _assembly = null!;
    private string _results = null!;
    private int _generation;
    private int _requests;

    public CrashHarnessTests(ITestOutputHelper log) => _log = log;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Respond });
        _project = ScratchCopy.Of("RecordedSuite");
        _assembly = Path.Combine(_project, "bin", "Debug", "net10.0", "RecordedSuite.dll");
        _results = Path.Combine(Path.GetTempPath(), "evalspec-e2e", Guid.NewGuid().ToString("n"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ScratchCopy.Delete(_project);
        try
        {
            Directory.Delete(_results, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [ProcFsFact]
    public async Task Killing_the_test_host_at_random_moments_leaves_every_committed_file_old_or_complete_and_the_next_run_succeeds()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_HARNESS_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int given)
            ? given
            : Random.Shared.Next();
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        _log.WriteLine($"Crash harness seed {seed} (replay with CRASH_HARNESS_SEED={seed}).");

        // The first run builds the scratch copy too (later runs test its assembly directly: no build each time).
        string[] sources = Files.NotCommitted(_project).ToArray();
        _generation = 1;
        HostRun complete = await RunAsync(_project, killAt: null);
        complete.Succeeded.Should().BeTrue($"the first run succeeds (seed {seed}):\n{complete.Output}");
        Files old = Files.Read(_project, sources);
        old.Committed.Keys.Should().Contain("evalspec.baseline.json").And.Contain(k => k.StartsWith("recordings/", StringComparison.Ordinal)).And.Contain(k => k.Contains(".verified.", StringComparison.Ordinal));
        TimeSpan writing = complete.Writing;

        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        int kills = 0;
        for (int runs = 1; kills < RequiredKills; runs++)
        {
            runs.Should().BeLessThan(MaxRuns, $"{RequiredKills} kills land within {MaxRuns} runs (seed {seed}; {kills} so far)");
            _generation++;

            // A moment while the run writes: from its first model call (before it, nothing is written) to the host's end
            // (the baseline and the last recordings are written after the last call), as long as the last complete run took.
            TimeSpan killAt = writing * random.NextDouble();
            HostRun killed = await RunAsync(_assembly, killAt);
            Files afterKill = Files.Read(_project, sources);
            string context = $"seed {seed}, generation {_generation}, host killed {killAt.TotalMilliseconds:0} ms after the run's first model call";
            if (killed.Killed)
            {
                kills++;
            }
            else
            {
                // The host finished first: not a kill, but the run must have succeeded.
                killed.Succeeded.Should().BeTrue($"{context}: an unkilled run succeeds:\n{killed.Output}");
            }

            HostRun next = await RunAsync(_assembly, killAt: null);
            next.Succeeded.Should().BeTrue($"{context}: the next run succeeds:\n{next.Output}");
            Files @new = Files.Read(_project, sources);
            @new.Other.Should().BeEmpty($"{context}: the next run leaves nothing but committed files (no temporary file or journal)");

            List<string> states = CheckOldOrNew(afterKill, old, @new, context);
            foreach (string state in states)
            {
                tally[state] = tally.GetValueOrDefault(state) + 1;
            }

            _log.WriteLine($"generation {_generation}: {(killed.Killed ? "killed" : "not killed: the host ended first,")} at {killAt.TotalMilliseconds:0} ms of ~{writing.TotalMilliseconds:0} ms of writing; "
                + $"files: {string.Join(", ", states.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}; "
                + $"other files after the kill: {(afterKill.Other.Count == 0 ? "none" : string.Join(", ", afterKill.Other))}");
            old = @new;
            writing = next.Writing;
        }

        _log.WriteLine($"{kills} kills in {clock.Elapsed.TotalSeconds:0} s; file states after the runs killed or not: {string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Value} {t.Key}"))}.");
    }

    /// <summary>Asserts that each committed file after the kill is whole and is its old or new version; returns what each was.</summary>
    private static List<string> CheckOldOrNew(Files afterKill, Files old, Files @new, string context)
    {
        var states = new List<string>();
        foreach (string path in afterKill.Committed.Keys.Union(old.Committed.Keys).Union(@new.Committed.Keys).Order(StringComparer.Ordinal))
        {
            byte[]? now = afterKill.Committed.GetValueOrDefault(path);
            byte[]? before = old.Committed.GetValueOrDefault(path);
            byte[]? after = @new.Committed.GetValueOrDefault(path);
            if (now is null)
            {
                (before is null || after is null).Should().BeTrue($"{context}: {path} existed before the kill and after the next run, but the kill left it missing");
                states.Add(before is null ? "not yet created" : "deleted");
                continue;
            }

            string problem = Files.Problem(path, now);
            problem.Should().BeEmpty($"{context}: {path} is not a complete file after the kill");
            if (before is not null && now.AsSpan().SequenceEqual(before))
            {
                states.Add("old");
            }
            else if (after is not null && now.AsSpan().SequenceEqual(after))
            {
                states.Add("new");
            }
            else if (path.StartsWith("recordings/", StringComparison.Ordinal) && Files.EveryEntryOldOrNew(now, before, after, out string mismatch))
            {
                states.Add("recordings entry-wise old or new");
            }
            else
            {
                string text = Encoding.UTF8.GetString(now);
                throw new Xunit.Sdk.XunitException($"{context}: {path} is neither its old nor its new version after the kill{(path.StartsWith("recordings/", StringComparison.Ordinal) ? " (nor entry-wise)" : string.Empty)}:\n{text[..Math.Min(text.Length, 2000)]}");
            }
        }

        return states;
    }

    /// <summary>
    /// Runs `dotnet test` on <paramref name="target"/> (the project, or its built assembly) to record, accept snapshots and
    /// update the baseline; with <paramref name="killAt"/>, kills its test host that long after the run's first model call.
    /// </summary>
    private async Task<HostRun> RunAsync(string target, TimeSpan? killAt)
    {
        var environment = new Dictionary<string, string>
        {
            ["EVALSPEC_RECORDING"] = "record",
            ["EVALSPEC_SNAPSHOTS"] = "accept",
            ["EVALSPEC_BASELINE"] = "update",
            ["EVALSPEC_RESULTSDIRECTORY"] = _results,
            ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString(),
        };
        var output = new StringBuilder();
        int requestsBefore = Volatile.Read(ref _requests);
        using Process dotnetTest = DotNet.Start(DotNet.RepoRoot, environment, output, "test", target);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        int? host = null;
        Stopwatch? writing = null;
        TimeSpan? hostEnded = null;
        bool killed = false;
        try
        {
            while (!dotnetTest.HasExited)
            {
                host ??= ProcessTree.FindDescendant(dotnetTest.Id, "testhost");
                if (writing is null && Volatile.Read(ref _requests) > requestsBefore)
                {
                    writing = Stopwatch.StartNew();
                }

                if (host is int pid && hostEnded is null && !ProcessTree.IsAlive(pid))
                {
                    hostEnded = writing?.Elapsed ?? TimeSpan.Zero;
                }
                else if (host is int alive && !killed && killAt is { } moment && writing is not null && writing.Elapsed >= moment)
                {
                    // SIGKILL: the process gets no chance to finish a write, flush or run exit handlers.
                    ProcessTree.Kill(alive);
                    killed = true;
                }

                await Task.Delay(2, timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            dotnetTest.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet test did not finish within 5 minutes:\n" + output);
        }

        await dotnetTest.WaitForExitAsync();
        if (host is int hostPid)
        {
            // The runner ends when its host ends; make sure no host is left writing into the next run.
            for (int i = 0; i < 500 && ProcessTree.IsAlive(hostPid); i++)
            {
                await Task.Delay(10);
            }
        }

        lock (output)
        {
            string text = output.ToString();
            host.Should().NotBeNull("the test host process was found under dotnet test:\n" + text);
            return new HostRun(dotnetTest.ExitCode == 0 && text.Contains("Passed!", StringComparison.Ordinal), killed, hostEnded ?? writing?.Elapsed ?? TimeSpan.Zero, text);
        }
    }

    /// <summary>The bot answers by product; the judge passes every answer. Both carry the generation, so every file changes.</summary>
    private ScriptedResponse Respond(RecordedRequest request)
    {
        Interlocked.Increment(ref _requests);
        int generation = Volatile.Read(ref _generation);
        string asked = request.LastUserMessage ?? string.Empty;
        TimeSpan latency = TimeSpan.FromMilliseconds(40);
        if (request.Model == "judge-model")
        {
            int score = generation % 2 == 0 ? 4 : 5;
            return ScriptedResponse.Completion($$"""{"reasoning":"States the right window (review {{generation}}).","score":{{score}},"verdict":"pass"}""").WithDelay(latency);
        }

        string answer = asked.Contains("phone", StringComparison.OrdinalIgnoreCase)
            ? "Phones can be returned within 14 days of delivery"
            : "Laptops and tablets can be returned within 30 days of delivery";
        return ScriptedResponse.Completion($"{answer} (policy revision {generation}).").WithDelay(latency);
    }

    /// <param name="Writing">From the run's first model call to the end of its test host.</param>
    private sealed record HostRun(bool Succeeded, bool Killed, TimeSpan Writing, string Output);

    /// <summary>The files of the project folder outside build output: the committed ones (by path, with their bytes) and any others.</summary>
    private sealed class Files
    {
        private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "bin", "obj", "TestResults" };
        private static readonly Lazy<string> BaselineSchema = new(() => File.ReadAllText(Path.Combine(DotNet.RepoRoot, "docs", "schemas", "baseline.schema.json")));
        private static readonly Lazy<string> RecordingsSchema = new(() => File.ReadAllText(Path.Combine(DotNet.RepoRoot, "docs", "schemas", "recordings.schema.json")));

        private Files(Dictionary<string, byte[]> committed, List<string> other)
        {
            Committed = committed;
            Other = other;
        }

        public Dictionary<string, byte[]> Committed { get; }

        /// <summary>Files that are neither committed files nor the fixture's sources (temporary files, journals...).</summary>
        public List<string> Other { get; }

        public static Files Read(string project, IReadOnlyCollection<string> sources)
        {
            var committed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var other = new List<string>();
            foreach (string relative in All(project))
            {
                if (IsCommitted(relative))
                {
                    committed[relative] = File.ReadAllBytes(Path.Combine(project, relative));
                }
                else if (!sources.Contains(relative) && !IsRecordingWorkState(relative))
                {
                    other.Add(relative);
                }
            }

            return new Files(committed, other);
        }

        /// <summary>
        /// The recordings' own working files, which git never sees (<c>recordings/.evalspec/</c> ignores itself): its
        /// <c>.gitignore</c> and the row lists. A journal there is not: after a run that succeeded, none may be left.
        /// </summary>
        private static bool IsRecordingWorkState(string relative) =>
            relative.StartsWith("recordings/.evalspec/", StringComparison.Ordinal)
            && !Path.GetFileName(relative).StartsWith("journal-", StringComparison.Ordinal);

        /// <summary>Every file that is not a committed one (before any run: the fixture's sources).</summary>
        public static IEnumerable<string> NotCommitted(string project) => All(project).Where(f => !IsCommitted(f));

        /// <summary>Why <paramref name="bytes"/> is not a complete file of its kind; empty when it is.</summary>
        public static string Problem(string path, byte[] bytes)
        {
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (ArgumentException ex)
            {
                return "not UTF-8: " + ex.Message;
            }

            if (path.EndsWith(".verified.txt", StringComparison.Ordinal))
            {
                return text.StartsWith("## Prompt\n", StringComparison.Ordinal) && text.Contains("\n## Output\n", StringComparison.Ordinal) && text.EndsWith('\n')
                    ? string.Empty
                    : "not a complete text snapshot (## Prompt ... ## Output ... and a final newline)";
            }

            string? schema = path == "evalspec.baseline.json" ? BaselineSchema.Value : path.StartsWith("recordings/", StringComparison.Ordinal) ? RecordingsSchema.Value : null;
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                return "not JSON: " + ex.Message;
            }

            return schema is null ? string.Empty : string.Join("; ", SchemaErrors.Of(schema, text));
        }

        /// <summary>Whether every entry of a recordings file equals its old or new version (same identity), with the same header.</summary>
        public static bool EveryEntryOldOrNew(byte[] now, byte[]? before, byte[]? after, out string mismatch)
        {
            Dictionary<string, string> Entries(byte[]? bytes)
            {
                if (bytes is null)
                {
                    return new Dictionary<string, string>(StringComparer.Ordinal);
                }

                using JsonDocument document = JsonDocument.Parse(bytes);
                return document.RootElement.GetProperty("entries").EnumerateArray().ToDictionary(
                    e => string.Join("|", new[] { "context", "client", "kind", "hash" }.Select(p => e.GetProperty(p).GetString()).Append(e.GetProperty("occurrence").GetRawText())),
                    e => e.GetRawText(),
                    StringComparer.Ordinal);
            }

            Dictionary<string, string> oldEntries = Entries(before), newEntries = Entries(after);
            foreach ((string key, string entry) in Entries(now))
            {
                if (oldEntries.GetValueOrDefault(key) != entry && newEntries.GetValueOrDefault(key) != entry)
                {
                    mismatch = key;
                    return false;
                }
            }

            mismatch = string.Empty;
            return true;
        }

        private static bool IsCommitted(string relative) =>
            relative == "evalspec.baseline.json"
            || (relative.StartsWith("recordings/", StringComparison.Ordinal) && relative.EndsWith(".recordings.json", StringComparison.Ordinal) && !Path.GetFileName(relative).StartsWith('.'))
            || (relative.Contains(".verified.", StringComparison.Ordinal) && !Path.GetFileName(relative).StartsWith('.'));

        private static IEnumerable<string> All(string project) =>
            Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
                .Where(f => !Skipped.Contains(f.Split('/')[0]))
                .Order(StringComparer.Ordinal)
                .ToList();
    }
}

/// <summary>A fact that needs Linux's /proc (to find the test host under `dotnet test`); skipped elsewhere, with the reason.</summary>
internal sealed class ProcFsFactAttribute : FactAttribute
{
    public ProcFsFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "The crash harness finds the test host in /proc (Linux); CI runs it on Linux.";
        }
    }
}
