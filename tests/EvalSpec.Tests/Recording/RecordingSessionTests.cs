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

/// <summary>How the run starts and ends its session: modes and folders from the options, one session at a time.</summary>
[Collection(RecordingCollection.Name)]
public sealed class RecordingSessionTests : RecordingTestBed
{
    private static readonly string[] BuildServerVariables =
    {
        "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CIRCLECI", "APPVEYOR", "TRAVIS",
        "CODEBUILD_BUILD_ID", "bamboo_buildKey",
    };

    [Fact]
    public void Without_a_configured_mode_a_developer_machine_uses_auto_and_a_build_server_replay()
    {
        using (new EnvironmentScope(BuildServerVariables.ToDictionary(v => v, _ => (string?)null)))
        {
            using RecordingSession local = RecordingSession.Start(new EvalOptions(), Directory);
            local.Mode.Should().Be(RecordingMode.Auto);
        }

        using (new EnvironmentScope(BuildServerVariables.ToDictionary(v => v, v => v == "GITHUB_ACTIONS" ? "true" : null)))
        {
            using RecordingSession ci = RecordingSession.Start(new EvalOptions(), Directory);
            ci.Mode.Should().Be(RecordingMode.Replay);
        }
    }

    [Theory]
    [InlineData("CODEBUILD_BUILD_ID", "evals:0b4a6a0e-8c1f-4e0c-9a5e-3f2b1c9d7e6a")]
    [InlineData("bamboo_buildKey", "SHOP-EVALS-JOB1")]
    public void AWS_CodeBuild_and_Bamboo_are_build_servers_that_replay_by_default(string variable, string value)
    {
        using (new EnvironmentScope(BuildServerVariables.ToDictionary(v => v, v => v == variable ? value : null)))
        {
            RecordingSession.DefaultMode(out string source).Should().Be(RecordingMode.Replay);
            source.Should().Contain(variable + " is set");
        }
    }

    [Fact]
    public void The_configured_mode_wins_and_the_folder_defaults_to_recordings_in_the_project()
    {
        using RecordingSession session = RecordingSession.Start(new EvalOptions { Recording = RecordingMode.Record }, Directory);

        session.Mode.Should().Be(RecordingMode.Record);
        session.Directory.Should().Be(Path.Combine(Directory, "recordings"));
        RecordingSession.Current.Should().BeSameAs(session);
    }

    [Fact]
    public void The_hint_in_miss_messages_EVALSPEC_RECORDING_record_selects_record_mode()
    {
        var options = new EvalOptions();
        using (new EnvironmentScope(new Dictionary<string, string?> { ["EVALSPEC_RECORDING"] = "record" }))
        {
            new ConfigurationBuilder().AddEnvironmentVariables("EVALSPEC_").Build().Bind(options);
        }

        using RecordingSession session = RecordingSession.Start(options, Directory);

        session.Mode.Should().Be(RecordingMode.Record);
    }

    [Fact]
    public void A_relative_recordings_folder_is_relative_to_the_project()
    {
        using RecordingSession session = RecordingSession.Start(new EvalOptions { Recording = RecordingMode.Live, RecordingsDirectory = "evals/recorded" }, Directory);

        session.Directory.Should().Be(Path.Combine(Directory, "evals", "recorded"));
    }

    [Fact]
    public void An_unknown_mode_is_a_configuration_error()
    {
        Action start = () => RecordingSession.Start(new EvalOptions { Recording = (RecordingMode)42 }, Directory);

        start.Should().Throw<EvalConfigurationException>().WithMessage("*Auto, Live, Record or Replay*");
        RecordingSession.Current.Should().BeNull();
    }

    [Fact]
    public void A_second_session_cannot_start_before_the_first_completes_and_completing_clears_the_current_one()
    {
        RecordingSession first = Start(RecordingMode.Auto);

        Action second = () => RecordingSession.Start(RecordingMode.Replay, Directory);

        second.Should().Throw<InvalidOperationException>();
        first.Complete();
        first.Complete();
        RecordingSession.Current.Should().BeNull();
        Start(RecordingMode.Replay).Should().BeSameAs(RecordingSession.Current);
    }

    [Fact]
    public async Task Recordings_that_cannot_be_written_fail_completion_naming_the_file_and_keep_the_error_for_the_summary()
    {
        // A file where the folder should be: no permission setting is needed, so it fails for root too.
        string blocked = Path.Combine(Directory, "recordings");
        File.WriteAllText(blocked, "not a folder");
        RecordingSession session = RecordingSession.Start(RecordingMode.Auto, blocked);
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
        RecordingSession.Current.Should().BeNull();
    }

    /// <summary>Sets environment variables (null removes one) and restores them when disposed.</summary>
    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _previous;

        public EnvironmentScope(IReadOnlyDictionary<string, string?> variables)
        {
            _previous = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
            foreach ((string name, string? value) in variables)
            {
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
