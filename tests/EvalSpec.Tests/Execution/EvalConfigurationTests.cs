using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using EvalSpec.Execution;
using EvalSpec.Recording;
using EvalSpec.Reporting;
using EvalSpec.Tests.Reporting;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// evalspec.json and EVALSPEC_ variables: a key EvalSpec does not know, or a value that is not one of an option's values, is
/// an error naming it, where it came from and the nearest option (or the valid values); the user's own settings live in the
/// "App" section. (End to end, failing every row of a real run: tests/EvalSpec.EndToEnd.Tests/ConfigurationTypoTests.)
/// </summary>
public sealed class EvalConfigurationTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string JsonPath => _folder.Combine("evalspec.json");

    [Fact]
    public void A_misspelt_key_in_the_file_names_the_key_the_file_the_option_meant_and_where_own_settings_go()
    {
        string message = Error("""{ "Recordng": "replay" }""");

        message.Should().Contain($"\"Recordng\" in {JsonPath} is not an EvalSpec option.").And.Contain("Did you mean \"Recording\"?")
            .And.Contain("move it into the \"App\" section").And.Contain("setup.Configuration[\"App:Recordng\"]");
    }

    [Fact]
    public void A_misspelt_variable_names_the_variable_and_the_variable_meant()
    {
        string message = Error(null, ("EVALSPEC_RECORDNG", "replay"));

        message.Should().Contain("EVALSPEC_RECORDNG is not an EvalSpec option.").And.Contain("Did you mean EVALSPEC_RECORDING?")
            .And.Contain("EVALSPEC_APP__RECORDNG");
    }

    [Theory]
    [InlineData("EVALSPEC_MAX_CONCURRENCY", "EVALSPEC_MAXCONCURRENCY")]
    [InlineData("EVALSPEC_SNAPSHOT", "EVALSPEC_SNAPSHOTS")]
    [InlineData("EVALSPEC_RECORDINGDIRECTORY", "EVALSPEC_RECORDINGSDIRECTORY")]
    [InlineData("EVALSPEC_BASELINEFIEL", "EVALSPEC_BASELINEFILE")]
    [InlineData("EVALSPEC_ROW_TIMEOUT", "EVALSPEC_ROWTIMEOUT")]
    public void A_variable_with_a_typo_or_underscores_suggests_the_option(string variable, string meant)
    {
        Error(null, (variable, "1")).Should().Contain($"{variable} is not an EvalSpec option. Did you mean {meant}?");
    }

    [Fact]
    public void A_key_far_from_every_option_gets_no_guess_but_still_the_way_to_keep_it()
    {
        string message = Error("""{ "BotEndpoint": "https://bot.example" }""");

        message.Should().NotContain("Did you mean").And.Contain("move it into the \"App\" section");
    }

    [Theory]
    [InlineData("""{ "Recording": "replai" }""", "\"Recording\": \"replai\" in {0} is not a valid value: use one of Auto, Live, Record, Replay (in any letter case).")]
    [InlineData("""{ "Baseline": "updte" }""", "\"Baseline\": \"updte\" in {0} is not a valid value: use one of Use, Update, Ignore (in any letter case).")]
    [InlineData("""{ "Snapshots": "acept" }""", "\"Snapshots\": \"acept\" in {0} is not a valid value: use one of Verify, Accept (in any letter case).")]
    [InlineData("""{ "MaxConcurrency": "four" }""", "\"MaxConcurrency\": \"four\" in {0} is not a valid value: use a whole number.")]
    [InlineData("""{ "EarlyStop": "yes" }""", "\"EarlyStop\": \"yes\" in {0} is not a valid value: use true or false.")]
    [InlineData("""{ "RowTimeout": "30s" }""", "\"RowTimeout\": \"30s\" in {0} is not a valid value: use a duration such as \"00:02:00\" (hours:minutes:seconds; a bare number would be read as days).")]
    [InlineData("""{ "Aggregation": "Median" }""", "\"Aggregation\": \"Median\" in {0} is not a valid value: use one of")]
    public void An_invalid_value_in_the_file_names_the_key_the_file_and_the_valid_values(string json, string expected)
    {
        Error(json).Should().Contain(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, JsonPath));
    }

    [Theory]
    [InlineData("EVALSPEC_RECORDING", "replai", "EVALSPEC_RECORDING=replai is not a valid value: use one of Auto, Live, Record, Replay")]
    [InlineData("EVALSPEC_SAMPLE", "all", "EVALSPEC_SAMPLE=all is not a valid value: use a whole number.")]
    [InlineData("EVALSPEC_SNAPSHOTS", "1,0", "EVALSPEC_SNAPSHOTS=1,0 is not a valid value: use one of Verify, Accept")]
    [InlineData("EVALSPEC_BASELINE", "7", "EVALSPEC_BASELINE=7 is not a valid value: use one of Use, Update, Ignore")]
    public void An_invalid_value_of_a_variable_names_the_variable_and_the_valid_values(string variable, string value, string expected)
    {
        Error(null, (variable, value)).Should().Contain(expected);
    }

    [Fact]
    public void Own_settings_in_the_App_section_a_schema_key_and_options_in_any_letter_case_are_accepted_and_bound()
    {
        File.WriteAllText(JsonPath, """
            {
              "$schema": "./evalspec.schema.json",
              "maxconcurrency": 3,
              "Recording": "replay",
              "SystemUnderTestModels": [ "gpt-4o-mini", "gpt-4o" ],
              "App": { "BotModel": "gpt-4o-mini", "Endpoints": { "Primary": "https://bot.example" } }
            }
            """);

        IConfigurationRoot configuration = EvalConfiguration.Load(JsonPath, Environment(("EVALSPEC_APP__TENANT", "contoso"), ("EVALSPEC_EARLYSTOP", "true"), ("PATH", "/usr/bin")));
        var options = new EvalOptions();
        configuration.Bind(options);

        (options.MaxConcurrency, options.Recording, options.EarlyStop).Should().Be((3, RecordingMode.Replay, true));
        options.SystemUnderTestModels.Should().Equal("gpt-4o-mini", "gpt-4o");
        configuration["App:BotModel"].Should().Be("gpt-4o-mini");
        configuration["App:Endpoints:Primary"].Should().Be("https://bot.example");
        configuration["App:Tenant"].Should().Be("contoso");
    }

    [Fact]
    public void A_variable_overrides_the_file_and_an_empty_optional_value_keeps_the_default()
    {
        File.WriteAllText(JsonPath, """{ "Baseline": "ignore", "Recording": "record" }""");

        IConfigurationRoot configuration = EvalConfiguration.Load(JsonPath, Environment(("EVALSPEC_BASELINE", "update"), ("EVALSPEC_RECORDING", "")));
        var options = new EvalOptions();
        configuration.Bind(options);

        options.Baseline.Should().Be(BaselineMode.Update);
        options.Recording.Should().BeNull("an empty EVALSPEC_RECORDING leaves the default mode");
    }

    [Fact]
    public void A_single_value_given_as_a_section_and_a_list_given_as_a_value_are_errors()
    {
        string message = Error("""{ "Recording": { "Mode": "replay" }, "SystemUnderTestModels": "gpt-4o", "Quorum": [ 2 ] }""");

        message.Should().StartWith("EvalSpec's configuration has 3 problems:")
            .And.Contain($"\"Recording\" in {JsonPath} is a section, but the option is a single value (use one of Auto, Live, Record, Replay (in any letter case))")
            .And.Contain($"\"SystemUnderTestModels\": \"gpt-4o\" in {JsonPath} is a single value, but the option is a list: write \"SystemUnderTestModels\": [ \"...\" ]")
            .And.Contain($"\"Quorum\" in {JsonPath} is a section, but the option is a single value (use a whole number)");
    }

    [Fact]
    public void A_list_item_that_is_not_an_index_is_an_error()
    {
        Error(null, ("EVALSPEC_SYSTEMUNDERTESTMODELS__MAIN", "gpt-4o")).Should()
            .Contain("EVALSPEC_SYSTEMUNDERTESTMODELS__MAIN is not a list item: the option is a list, set EVALSPEC_SYSTEMUNDERTESTMODELS__0, __1, ...");
    }

    [Fact]
    public void Every_problem_of_both_sources_is_listed_at_once()
    {
        string message = Error("""{ "Recordng": "replay", "MaxConcurency": 2 }""", ("EVALSPEC_SNAPSHOTSS", "accept"));

        message.Should().StartWith("EvalSpec's configuration has 3 problems:\n- ")
            .And.Contain("Did you mean \"Recording\"?").And.Contain("Did you mean \"MaxConcurrency\"?").And.Contain("Did you mean EVALSPEC_SNAPSHOTS?");
    }

    [Fact]
    public void A_file_that_is_not_json_is_an_error_naming_it()
    {
        Error("""{ "Recording": "replay", }x""").Should().Contain(JsonPath).And.Contain("Fix the JSON");
    }

    [Fact]
    public void The_schema_key_is_only_allowed_in_the_file_and_App_is_reserved_for_own_settings_in_both()
    {
        EvalConfiguration.Load(JsonPath, Environment(("EVALSPEC_APP", "x"), ("EVALSPEC_app__Nested__Deep", "y"))).Should().NotBeNull();
        Error(null, ("EVALSPEC_$SCHEMA", "x")).Should().Contain("EVALSPEC_$SCHEMA is not an EvalSpec option");
    }

    [Fact]
    public void Every_option_with_one_letter_dropped_or_two_swapped_is_suggested()
    {
        string[] options = typeof(EvalOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();
        foreach (string option in options)
        {
            for (int i = 0; i < option.Length; i++)
            {
                string dropped = option.Remove(i, 1);
                if (!options.Contains(dropped, StringComparer.OrdinalIgnoreCase))
                {
                    EvalConfiguration.Closest(dropped, options).Should().Be(option, $"'{dropped}' is '{option}' with letter {i} dropped");
                }

                if (i + 1 < option.Length)
                {
                    string swapped = option[..i] + option[i + 1] + option[i] + option[(i + 2)..];
                    EvalConfiguration.Closest(swapped, options).Should().Be(option, $"'{swapped}' is '{option}' with letters {i} and {i + 1} swapped");
                }
            }
        }
    }

    [Theory]
    [InlineData("majority")]
    [InlineData(" Majority ")]
    public void Quorum_majority_is_accepted_by_name_in_a_real_run_and_binds_as_the_default(string value)
    {
        IConfigurationRoot configuration = EvalConfiguration.Load(JsonPath, Environment(("EVALSPEC_QUORUM", value)));

        EvalRunHost.BindOptions(configuration).Quorum.Should().BeNull();
    }

    [Fact]
    public void A_quorum_that_is_neither_a_number_nor_majority_says_both_are_possible()
    {
        Error("""{ "Quorum": "most" }""").Should().Contain("\"Quorum\": \"most\"").And.Contain("use a whole number, or \"majority\"");
    }

    [Theory]
    [InlineData("30")]
    [InlineData("2")]
    public void A_row_timeout_given_as_a_bare_number_is_refused_because_it_would_be_days(string value)
    {
        Error(null, ("EVALSPEC_ROWTIMEOUT", value)).Should().Contain($"EVALSPEC_ROWTIMEOUT={value} is not a valid value").And.Contain("00:02:00").And.Contain("days");
    }

    [Fact]
    public void A_row_timeout_with_colons_is_accepted()
    {
        EvalRunHost.BindOptions(EvalConfiguration.Load(JsonPath, Environment(("EVALSPEC_ROWTIMEOUT", "00:00:30")))).RowTimeout.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_project_folders_evalspec_json_is_read_before_the_output_folders_copy()
    {
        string project = _folder.Combine("project");
        string output = _folder.Combine("output");
        Directory.CreateDirectory(project);
        Directory.CreateDirectory(output);

        EvalConfiguration.FindFile(project, output).Should().Be(System.IO.Path.Combine(output, "evalspec.json"), "without a file in the project, the output's (a run from a build artifact)");
        File.WriteAllText(System.IO.Path.Combine(project, "evalspec.json"), "{}");
        EvalConfiguration.FindFile(project, output).Should().Be(System.IO.Path.Combine(project, "evalspec.json"));
    }

    private string Error(string? json, params (string Name, string Value)[] variables)
    {
        if (json is not null)
        {
            File.WriteAllText(JsonPath, json);
        }

        Action load = () => EvalConfiguration.Load(JsonPath, Environment(variables));
        return load.Should().Throw<EvalConfigurationException>().Which.Message;
    }

    private static IDictionary Environment(params (string Name, string Value)[] variables) =>
        new Hashtable(variables.ToDictionary(v => v.Name, v => (object)v.Value));
}
