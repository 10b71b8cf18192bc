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

/// <summary>Record, replay and pruning on xUnit v3 under VSTest (xunit.v3.mtp-off).</summary>
public sealed class XunitV3VSTestRecordingTests : XunitV3RecordingTests
{
    public XunitV3VSTestRecordingTests()
        : base(TestPlatform.VSTest)
    {
    }
}

/// <summary>The same under Microsoft.Testing.Platform (xunit.v3, run from tests/fixtures/mtp).</summary>
public sealed class XunitV3MtpRecordingTests : XunitV3RecordingTests
{
    public XunitV3MtpRecordingTests()
        : base(TestPlatform.Mtp)
    {
    }
}

/// <summary>
/// Record and replay on xUnit v3: a scratch copy of tests/fixtures/RecordedSuite with an xUnit v3 project file records its
/// model calls through the real OpenAI client against the local server, then replays them with the server stopped, with
/// the same verdicts; the recordings are written when the run host (the assembly fixture) completes. A record run that ran
/// every row removes the entries of rows that no longer exist, as on v2; a filtered or sampled one keeps them.
/// </summary>
public abstract class XunitV3RecordingTests : IAsyncLifetime
{
    private const string RecordingsName = "RecordedSuite.SupportEvals.recordings.json";
    private readonly TestPlatform _platform;
    private FakeOpenAIServer _server = null!;
    private string _project = null!;

    private protected XunitV3RecordingTests(TestPlatform platform)
    {
        _platform = platform;
    }

    /// <summary>Selects the one row laptop/formal/identity (xUnit v3 takes VSTest's filter syntax on both platforms).</summary>
    private static readonly string[] FilterOneRow = ["--filter", "Case=laptop&Variant=formal&Relation=identity"];

    private string Recordings => Path.Combine(_project, "recordings", RecordingsName);

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
        string packages = _platform == TestPlatform.VSTest
            ? """
                <PackageReference Include="xunit.v3.mtp-off" />
                <PackageReference Include="xunit.runner.visualstudio" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
              """
            : """
                <PackageReference Include="xunit.v3" />
                <PackageReference Include="Microsoft.Testing.Extensions.TrxReport" />
              """;
        File.WriteAllText(Path.Combine(_project, "RecordedSuite.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <EvalSpecXunit>v3</EvalSpecXunit>
              </PropertyGroup>
              <ItemGroup>
            {packages}
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
        SuiteRun recorded = await Run("record");
        recorded.Process.ExitCode.Should().Be(0, recorded.Process.ToString());
        int modelCalls = _server.Requests.Count;
        modelCalls.Should().BeGreaterThan(0);
        File.Exists(Recordings).Should().BeTrue("the run host writes the recordings when xUnit disposes it");

        await _server.DisposeAsync();
        SuiteRun replayed = await Run("replay");

        replayed.Process.ExitCode.Should().Be(0, replayed.Process.ToString());
        Outcomes(replayed).Should().Equal(Outcomes(recorded));
        JsonElement replay = replayed.Summary.GetProperty("recording");
        replay.GetProperty("replayed").GetInt32().Should().Be(modelCalls);
        replay.GetProperty("recorded").GetInt32().Should().Be(0);
        replay.GetProperty("live").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task A_record_run_of_every_row_removes_the_recordings_of_a_deleted_case_and_a_filtered_or_sampled_one_keeps_them()
    {
        SuiteRun recorded = await Run("record");
        recorded.Process.ExitCode.Should().Be(0, recorded.Process.ToString());
        Contexts().Should().Contain(c => c.Contains("/phone/")).And.Contain(c => c.Contains("/tablet/"));

        DeleteCase("phone");

        // Rows left out (a filter, a sample): the run cannot tell a deleted row from one it did not run.
        SuiteRun filtered = await Run("record", FilterOneRow);
        filtered.Process.ExitCode.Should().Be(0, filtered.Process.ToString());
        filtered.Rows.Should().HaveCount(1, filtered.Process.ToString());
        Contexts().Should().Contain(c => c.Contains("/phone/"), "a filtered run does not know which rows are gone");
        filtered.Summary.GetProperty("recording").GetProperty("removed").GetInt32().Should().Be(0);

        SuiteRun sampled = await Run("record", extraEnvironment: new Dictionary<string, string> { ["EVALSPEC_SAMPLE"] = "4" });
        sampled.Process.ExitCode.Should().Be(0, sampled.Process.ToString());
        sampled.Summary.GetProperty("sample").GetProperty("population").GetInt32().Should().Be(12, "3 rows of each case x variant, phone deleted: " + sampled.Process);
        Contexts().Should().Contain(c => c.Contains("/phone/"), "a sampled run does not know which rows are gone");
        sampled.Summary.GetProperty("recording").GetProperty("removed").GetInt32().Should().Be(0);

        // Every row ran: the deleted case's entries go, the others stay.
        SuiteRun full = await Run("record");
        full.Process.ExitCode.Should().Be(0, full.Process.ToString());
        full.Rows.Should().HaveCount(12);
        Contexts().Should().NotContain(c => c.Contains("/phone/")).And.Contain(c => c.Contains("/tablet/")).And.Contain(c => c.Contains("/laptop/"));
        full.Summary.GetProperty("recording").GetProperty("removed").GetInt32().Should().BeGreaterThan(0);

        await _server.DisposeAsync();
        SuiteRun replayed = await Run("replay");
        replayed.Process.ExitCode.Should().Be(0, replayed.Process.ToString());
        replayed.Summary.GetProperty("recording").GetProperty("live").GetInt32().Should().Be(0);
    }

    private Task<SuiteRun> Run(string recording, string[]? extraArguments = null, Dictionary<string, string>? extraEnvironment = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["EVALSPEC_RECORDING"] = recording,
            ["EVALSPEC_SNAPSHOTS"] = "accept",
            ["EVALSPEC_BASELINE"] = "ignore",
        };
        if (recording != "replay")
        {
            environment["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString();
        }

        foreach ((string name, string value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return SuiteRun.RunProjectOnAsync(_platform, _project, environment, extraArguments ?? []);
    }

    private void DeleteCase(string product)
    {
        string source = Path.Combine(_project, "SupportEvals.cs");
        string[] lines = File.ReadAllLines(source);
        File.WriteAllLines(source, lines.Where(l => !l.Contains($"[Case(\"{product}\"", StringComparison.Ordinal)));
    }

    private string[] Contexts()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Recordings));
        return document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("context").GetString()!).ToArray();
    }

    private static IReadOnlyList<(string RowId, string Outcome)> Outcomes(SuiteRun run) =>
        run.Rows.Select(r => (r.GetProperty("rowId").GetString()!, r.GetProperty("outcome").GetString()!)).OrderBy(r => r.Item1, StringComparer.Ordinal).ToArray();
}
