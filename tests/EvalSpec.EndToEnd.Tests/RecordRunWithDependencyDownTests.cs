using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// Review finding (EXPECTED TO FAIL until fixed): a record run in which the eval method throws before it calls the model
/// (a retrieval service, a database or a tool API of the system under test is down; no model call fails) removes every
/// recording of the rows it ran: the runner reports each such row as having run (RecordingSession.RowRan), no model call
/// failed, so the 10% failed-call guard does not apply and every entry "not called again" is pruned. The next replay
/// fails every row. Issue 11: "an entry is replaced only by a successful new call".
/// </summary>
public sealed class RecordRunWithDependencyDownTests : IAsyncLifetime
{
    private const string RecordingsName = "RecordedSuite.SupportEvals.recordings.json";
    private FakeOpenAIServer _server = null!;
    private string _project = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Respond });
        _project = ScratchCopy.Of("RecordedSuite");

        // The system under test needs a service besides the model (retrieval, say); FIXTURE_DEPENDENCY_DOWN=1 makes it fail.
        string evals = Path.Combine(_project, "SupportEvals.cs");
        string source = File.ReadAllText(evals);
        const string Call = "        ChatResponse response = await Bot.GetResponseAsync(";
        source.Should().Contain(Call);
        File.WriteAllText(evals, source.Replace(
            Call,
            "        if (System.Environment.GetEnvironmentVariable(\"FIXTURE_DEPENDENCY_DOWN\") == \"1\")\n        {\n            throw new System.Net.Http.HttpRequestException(\"the retrieval service answered 503\");\n        }\n\n" + Call,
            StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ScratchCopy.Delete(_project);
    }

    [Fact]
    public async Task A_record_run_whose_eval_method_fails_before_calling_the_model_keeps_every_recording()
    {
        SuiteRun good = await Run(dependencyDown: false);
        good.Process.ExitCode.Should().Be(0, good.Process.ToString());
        string recordings = Path.Combine(_project, "recordings", RecordingsName);
        byte[] recorded = File.ReadAllBytes(recordings);

        SuiteRun failing = await Run(dependencyDown: true);

        failing.Process.ExitCode.Should().NotBe(0, "every row's eval method threw");
        JsonElement recording = failing.Summary.GetProperty("recording");
        recording.GetProperty("removed").GetInt32().Should().Be(0, "no call was made again, so nothing can be told stale: " + recording);
        File.ReadAllBytes(recordings).Should().Equal(recorded);
    }

    private Task<SuiteRun> Run(bool dependencyDown) => SuiteRun.RunProjectAsync(_project, new Dictionary<string, string>
    {
        ["EVALSPEC_RECORDING"] = "record",
        ["EVALSPEC_SNAPSHOTS"] = "accept",
        ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString(),
        ["FIXTURE_DEPENDENCY_DOWN"] = dependencyDown ? "1" : "0",
    });

    private static ScriptedResponse Respond(RecordedRequest request)
    {
        string asked = request.LastUserMessage ?? string.Empty;
        bool phone = asked.Contains("phone", StringComparison.OrdinalIgnoreCase);
        if (request.Model == "judge-model")
        {
            bool right = phone ? asked.Contains("14 days", StringComparison.Ordinal) : asked.Contains("30 days", StringComparison.Ordinal);
            return ScriptedResponse.Completion(right
                ? """{"reasoning":"States the right window.","score":5,"verdict":"pass"}"""
                : """{"reasoning":"The window is wrong.","score":1,"verdict":"fail"}""");
        }

        return ScriptedResponse.Completion(phone ? "Phones can be returned within 14 days of delivery." : "Laptops and tablets can be returned within 30 days of delivery.");
    }
}
