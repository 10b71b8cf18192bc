using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Recording;
using EvalSpec.Tests.Execution;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// The end of a run whose recordings cannot be written: the summary, the baseline and the reports are written all the
/// same, and the error is printed and kept in summary.json rather than lost in a diagnostic message xUnit v2 hides.
/// </summary>
[Collection(EvalRunCollection.Name)]
public sealed class RecordingsWriteFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("evalspec-blocked-recordings-").FullName;

    [Fact]
    public async Task A_run_whose_recordings_cannot_be_written_still_writes_its_summary_and_reports_and_says_what_to_do()
    {
        // The run reads its options when it is created: end the one another test may have started.
        EvalRun.Complete();

        // A file where the recordings folder should be: no permission setting is needed, so it fails for root too.
        string blocked = Path.Combine(_folder, "recordings");
        File.WriteAllText(blocked, "not a folder");
        string runDirectory;
        string errors;
        using (new EnvironmentScope(new Dictionary<string, string?> { ["EVALSPEC_RECORDING"] = "auto", ["EVALSPEC_RECORDINGSDIRECTORY"] = blocked }))
        {
            EvalRun run = EvalRun.GetOrCreate(typeof(RecordingsWriteFailureTests));
            runDirectory = run.RunDirectory;
            using (EvalCallContext.Enter(new EvalCallContext("Shop.RefundEvals", "Shop.RefundEvals.RefundWindow/laptop/formal/identity", 0, EvalCallContext.SourcePhase)))
            {
                await new InMemoryStreamingChatClient().WithEvalSpecRecording("sut").GetResponseAsync("Ada");
            }

            errors = CapturingStandardError(EvalRun.Complete);
        }

        string file = Path.Combine(blocked, "Shop.RefundEvals.recordings.json");
        EvalRun.CurrentOrNull.Should().BeNull();
        errors.Should().Contain("EvalSpec could not write the recordings of this run:").And.Contain(file)
            .And.Contain($"Make {blocked} a writable folder").And.Contain("EVALSPEC_RECORDING=record dotnet test");
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runDirectory, "summary.json")));
        JsonElement recording = summary.RootElement.GetProperty("recording");
        recording.GetProperty("recorded").GetInt32().Should().Be(1);
        recording.GetProperty("error").GetString().Should().Contain(file);
        File.Exists(Path.Combine(runDirectory, "report.html")).Should().BeTrue("the reports are written after the recordings failed");
    }

    [Fact]
    public void A_run_whose_recordings_were_written_has_no_error_in_its_summary()
    {
        EvalRun.Complete();
        string runDirectory;
        using (new EnvironmentScope(new Dictionary<string, string?> { ["EVALSPEC_RECORDING"] = "auto", ["EVALSPEC_RECORDINGSDIRECTORY"] = Path.Combine(_folder, "recordings") }))
        {
            runDirectory = EvalRun.GetOrCreate(typeof(RecordingsWriteFailureTests)).RunDirectory;
            EvalRun.Complete();
        }

        using JsonDocument summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runDirectory, "summary.json")));
        summary.RootElement.GetProperty("recording").TryGetProperty("error", out _).Should().BeFalse();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static string CapturingStandardError(Action action)
    {
        TextWriter previous = Console.Error;
        var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            action();
        }
        finally
        {
            Console.SetError(previous);
        }

        return captured.ToString();
    }

    /// <summary>Sets environment variables (null removes one) and restores them when disposed.</summary>
    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _previous = new();

        public EnvironmentScope(IReadOnlyDictionary<string, string?> variables)
        {
            foreach ((string name, string? value) in variables)
            {
                _previous[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach ((string name, string? value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
