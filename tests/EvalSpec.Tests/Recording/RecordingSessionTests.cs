using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Recording;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>How the run starts and ends its session: modes and folders from the options and the run's environment, one session per run.</summary>
public sealed class RecordingSessionTests : RecordingTestBed
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Without_a_configured_mode_a_developer_machine_uses_auto_and_a_build_server_replay()
    {
        using RecordingSession local = RecordingSession.Start(new EvalOptions(), Directory, Variables());
        local.Mode.Should().Be(RecordingMode.Auto);

        using RecordingSession ci = RecordingSession.Start(new EvalOptions(), Directory, Variables(("GITHUB_ACTIONS", "true")));
        ci.Mode.Should().Be(RecordingMode.Replay);
    }

    [Theory]
    [InlineData("CODEBUILD_BUILD_ID", "evals:0b4a6a0e-8c1f-4e0c-9a5e-3f2b1c9d7e6a")]
    [InlineData("bamboo_buildKey", "SHOP-EVALS-JOB1")]
    public void AWS_CodeBuild_and_Bamboo_are_build_servers_that_replay_by_default(string variable, string value)
    {
        RecordingSession.DefaultMode(Variables((variable, value)), out string source).Should().Be(RecordingMode.Replay);
        source.Should().Contain(variable + " is set");
    }

    [Fact]
    public void The_configured_mode_wins_and_the_folder_defaults_to_recordings_in_the_project()
    {
        using RecordingSession session = RecordingSession.Start(new EvalOptions { Recording = RecordingMode.Record }, Directory, Variables(("CI", "true")));

        session.Mode.Should().Be(RecordingMode.Record);
        session.Directory.Should().Be(Path.Combine(Directory, "recordings"));
    }

    [Fact]
    public void The_hint_in_miss_messages_EVALSPEC_RECORDING_record_selects_record_mode()
    {
        IConfiguration configuration = EvalSpec.Execution.EvalConfiguration.Load(
            Path.Combine(Directory, "no-evalspec.json"),
            new System.Collections.Hashtable { ["EVALSPEC_RECORDING"] = "record" });
        EvalOptions options = EvalSpec.Execution.EvalRunHost.BindOptions(configuration);

        using RecordingSession session = RecordingSession.Start(options, Directory, Variables());

        session.Mode.Should().Be(RecordingMode.Record);
    }

    [Fact]
    public void A_relative_recordings_folder_is_relative_to_the_project()
    {
        using RecordingSession session = RecordingSession.Start(new EvalOptions { Recording = RecordingMode.Live, RecordingsDirectory = "evals/recorded" }, Directory, Variables());

        session.Directory.Should().Be(Path.Combine(Directory, "evals", "recorded"));
    }

    [Fact]
    public void An_unknown_mode_is_a_configuration_error()
    {
        Action start = () => RecordingSession.Start(new EvalOptions { Recording = (RecordingMode)42 }, Directory, Variables());

        start.Should().Throw<EvalConfigurationException>().WithMessage("*Auto, Live, Record or Replay*");
    }

    [Fact]
    public async Task Two_runs_in_one_process_each_record_into_their_own_session_through_their_own_flow()
    {
        string otherFolder = Path.Combine(Directory, "other");
        IChatClient client = new InMemoryStreamingChatClient().WithEvalSpecRecording("sut");
        RecordingSession first = RecordingSession.Start(RecordingMode.Record, Directory);
        RecordingSession second = RecordingSession.Start(RecordingMode.Record, otherFolder);

        async Task CallInAsync(RecordingSession session, string name)
        {
            using (EvalSpec.Execution.EvalFlow.Enter(new EvalSpec.Execution.EvalFlow(session, null, null)))
            using (Row())
            {
                await client.GetResponseAsync(name);
            }
        }

        await Task.WhenAll(CallInAsync(first, "Ada"), CallInAsync(second, "Grace"), CallInAsync(first, "Alan"));
        first.Complete();
        first.Complete();
        second.Complete();

        first.Statistics.Recorded.Should().Be(2);
        second.Statistics.Recorded.Should().Be(1);
        EntriesOf(SuiteFile).Select(e => e.GetProperty("request").GetProperty("lastUserMessage").GetString()).Should().BeEquivalentTo("Ada", "Alan");
        EntriesOf(Path.Combine(otherFolder, Suite + ".recordings.json")).Select(e => e.GetProperty("request").GetProperty("lastUserMessage").GetString()).Should().Equal("Grace");
    }

    [Fact]
    public async Task Recordings_that_cannot_be_written_fail_completion_naming_the_file_and_keep_the_error_for_the_summary()
    {
        // A file where the folder should be: no permission setting is needed, so it fails for root too.
        string blocked = Path.Combine(Directory, "recordings");
        File.WriteAllText(blocked, "not a folder");
        RecordingSession session = Start(RecordingMode.Auto, blocked);
        using (Row())
        {
            (await new InMemoryStreamingChatClient().WithEvalSpecRecording("sut").GetResponseAsync("Ada")).Text
                .Should().Be("Hello, Ada!", "a failed write does not fail a model call that succeeded");
        }

        Action complete = session.Complete;

        string file = Path.Combine(blocked, Suite + ".recordings.json");
        complete.Should().Throw<IOException>().WithMessage("EvalSpec could not write the recordings of this run:*" + file + "*");
        session.Statistics.Error.Should().StartWith("EvalSpec could not write the recordings of this run:").And.Contain(file);
        session.Statistics.Recorded.Should().Be(1);
    }
}
