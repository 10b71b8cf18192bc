using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// Record and replay on xUnit v3 (VSTest): a scratch copy of tests/fixtures/RecordedSuite with an xUnit v3 project file
/// records its model calls through the real OpenAI client against the local server, then replays them with the server
/// stopped, with the same verdicts; the recordings are written when the run host (the assembly fixture) completes.
/// </summary>
public sealed class XunitV3RecordingTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;
    private string _project = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = request =>
            {
                string asked = request.LastUserMessage ?? string.Empty;
                if (request.Model == "judge-model")
                {
                    bool right = asked.Contains("phone", StringComparison.OrdinalIgnoreCase) ? asked.Contains("14 days", StringComparison.Ordinal) : asked.Contains("30 days", StringComparison.Ordinal);
                    return ScriptedResponse.Completion(right
                        ? """{"reasoning":"States the right window.","score":5,"verdict":"pass"}"""
                        : """{"reasoning":"The window is wrong.","score":1,"verdict":"fail"}""");
                }

                return ScriptedResponse.Completion(asked.Contains("phone", StringComparison.OrdinalIgnoreCase)
                    ? "Phones can be returned within 14 days of delivery."
                    : "Laptops and tablets can be returned within 30 days of delivery.");
            },
        });
        _project = ScratchCopy.Of("RecordedSuite");
        File.WriteAllText(Path.Combine(_project, "RecordedSuite.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <EvalSpecXunit>v3</EvalSpecXunit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit.v3.mtp-off" />
                <PackageReference Include="xunit.runner.visualstudio" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
                <PackageReference Include="Microsoft.Extensions.AI" />
                <PackageReference Include="Microsoft.Extensions.AI.OpenAI" />
              </ItemGroup>
              <Import Project="$(RepoRoot)eng/EvalSpec.InRepo.targets" />
            </Project>
            """);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ScratchCopy.Delete(_project);
    }

    [Fact]
    public async Task Recorded_model_calls_replay_with_the_server_stopped()
    {
        SuiteRun recorded = await SuiteRun.RunProjectAsync(_project, new Dictionary<string, string>
        {
            ["EVALSPEC_RECORDING"] = "record",
            ["EVALSPEC_SNAPSHOTS"] = "accept",
            ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString(),
        });
        recorded.Process.ExitCode.Should().Be(0, recorded.Process.ToString());
        int modelCalls = _server.Requests.Count;
        modelCalls.Should().BeGreaterThan(0);
        File.Exists(Path.Combine(_project, "recordings", "RecordedSuite.SupportEvals.recordings.json")).Should().BeTrue("the run host writes the recordings when xUnit disposes it");

        await _server.DisposeAsync();
        SuiteRun replayed = await SuiteRun.RunProjectAsync(_project, new Dictionary<string, string> { ["EVALSPEC_RECORDING"] = "replay" });

        replayed.Process.ExitCode.Should().Be(0, replayed.Process.ToString());
        Outcomes(replayed).Should().Equal(Outcomes(recorded));
        JsonElement replay = replayed.Summary.GetProperty("recording");
        replay.GetProperty("replayed").GetInt32().Should().Be(modelCalls);
        replay.GetProperty("recorded").GetInt32().Should().Be(0);
        replay.GetProperty("live").GetInt32().Should().Be(0);
    }

    private static IReadOnlyList<(string RowId, string Outcome)> Outcomes(SuiteRun run) =>
        run.Rows.Select(r => (r.GetProperty("rowId").GetString()!, r.GetProperty("outcome").GetString()!)).OrderBy(r => r.Item1, StringComparer.Ordinal).ToArray();
}
