using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// A misspelt option in evalspec.json or an EVALSPEC_ variable, or a value that is not one of an option's values, fails
/// every row with a message naming the key, where it came from and the nearest option (or the valid values), instead of
/// being silently ignored; the user's own settings in the "App" section reach the startup.
/// </summary>
[Collection(DurabilitySuiteBuild.Collection)]
public sealed class ConfigurationTypoTests
{
    private readonly DurabilitySuiteBuild _suite;

    public ConfigurationTypoTests(DurabilitySuiteBuild suite) => _suite = suite;

    private string ConfigurationFile => Path.Combine(_suite.Output, "evalspec.json");

    [Fact]
    public async Task A_misspelt_EVALSPEC_variable_fails_every_row_naming_it_and_the_option_meant()
    {
        SuiteRun run = await Run(null, ("EVALSPEC_RECORDNG", "replay"));

        MessagesOfEveryRow(run).Should().OnlyContain(m => m.Contains("EVALSPEC_RECORDNG is not an EvalSpec option") && m.Contains("Did you mean EVALSPEC_RECORDING?"));
    }

    [Fact]
    public async Task A_misspelt_key_in_evalspec_json_fails_every_row_naming_it_the_file_and_the_option_meant()
    {
        SuiteRun run = await Run("""{ "Recordng": "replay" }""");

        MessagesOfEveryRow(run).Should().OnlyContain(m =>
            m.Contains($"\"Recordng\" in {ConfigurationFile} is not an EvalSpec option") && m.Contains("Did you mean \"Recording\"?")
            && m.Contains("move it into the \"App\" section"));
    }

    [Fact]
    public async Task An_invalid_value_fails_every_row_naming_the_key_and_the_valid_values()
    {
        SuiteRun run = await Run(null, ("EVALSPEC_RECORDING", "replai"));

        MessagesOfEveryRow(run).Should().OnlyContain(m => m.Contains("EVALSPEC_RECORDING=replai is not a valid value: use one of Auto, Live, Record, Replay"));
    }

    [Fact]
    public async Task Settings_of_your_own_in_the_App_section_and_a_schema_key_are_accepted_and_reach_the_startup()
    {
        SuiteRun run = await Run("""{ "$schema": "https://example.invalid/evalspec.schema.json", "MaxConcurrency": 2, "App": { "AnswerPrefix": "[from App] " } }""");

        run.Process.ExitCode.Should().Be(0, run.Process.ToString());
        run.Rows.Should().HaveCount(6).And.OnlyContain(r => r.GetProperty("output").GetString()!.StartsWith("[from App] ", System.StringComparison.Ordinal));
    }

    private async Task<SuiteRun> Run(string? json, params (string Name, string Value)[] variables)
    {
        if (json is not null)
        {
            File.WriteAllText(ConfigurationFile, json);
        }

        try
        {
            return await SuiteRun.RunProjectAsync(_suite.Assembly, variables.ToDictionary(v => v.Name, v => v.Value));
        }
        finally
        {
            File.Delete(ConfigurationFile);
        }
    }

    private static IReadOnlyList<string> MessagesOfEveryRow(SuiteRun run)
    {
        run.Process.ExitCode.Should().NotBe(0, "a configuration error fails the run");
        run.Report.Results.Should().HaveCount(6, run.Process.ToString());
        run.Report.Results.Values.Should().OnlyContain(r => r.Outcome == "Failed", run.Process.ToString());
        return run.Report.Results.Values.Select(r => r.Message).ToArray();
    }
}
