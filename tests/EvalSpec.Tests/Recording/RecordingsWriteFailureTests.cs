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
public sealed class RecordingsWriteFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("evalspec-blocked-recordings-").FullName;

    [Fact]
    public async Task A_run_whose_recordings_cannot_be_written_still_writes_its_summary_and_reports_and_says_what_to_do()
    {
        // A file where the recordings folder should be: no permission setting is needed, so it fails for root too.
        string blocked = Path.Combine(_folder, "recordings");
        File.WriteAllText(blocked, "not a folder");
        string runDirectory;
        string errors;
        {
            EvalRunHost run = Host(blocked);
            runDirectory = run.RunDirectory;
            using (EvalFlow.Enter(run.Flow with { Call = new EvalCallContext("Shop.RefundEvals", "Shop.RefundEvals.RefundWindow/laptop/formal/identity", 0, EvalCallContext.SourcePhase) }))
            {
                await new InMemoryStreamingChatClient().WithEvalSpecRecording("sut").GetResponseAsync("Ada");
            }

            errors = CapturingStandardError(run.Complete);
        }

        string file = Path.Combine(blocked, "Shop.RefundEvals.recordings.json");
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
        EvalRunHost run = Host(Path.Combine(_folder, "recordings"));
        string runDirectory = run.RunDirectory;
        run.Complete();

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

    /// <summary>A run of this test's own, recording in Auto mode into <paramref name="recordings"/>, with its results in the test's folder.</summary>
    private EvalRunHost Host(string recordings) => EvalRunHost.Create(new EvalRunSettings(typeof(RecordingsWriteFailureTests).Assembly)
    {
        Options = new Dictionary<string, string?>
        {
            ["Recording"] = "auto",
            ["RecordingsDirectory"] = recordings,
            ["ResultsDirectory"] = Path.Combine(_folder, "results"),
            ["Baseline"] = "ignore",
        },
    });
}
