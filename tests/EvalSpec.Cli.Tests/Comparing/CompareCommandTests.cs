using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;
using static EvalSpec.Cli.Tests.Comparing.SummaryFiles;
using EvalSpec.Tests.Persistence;

namespace EvalSpec.Cli.Tests.Comparing;

public sealed class CompareCommandTests : IDisposable
{
    private const string Refund = "Shop.RefundEvals.RefundWindow";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Identical_rankings_under_every_variant_give_a_W_of_1()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8))),
            Write(_folder, "run-b", "medium", new Method(Refund, ("formal", 0.6), ("casual", 0.5))),
            Write(_folder, "run-c", "small", new Method(Refund, ("formal", 0.3), ("casual", 0.2))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Kendall's W = 1.000 over 3 configurations ranked by 2 prompt variants");
    }

    [Fact]
    public async Task Reversed_rankings_under_two_variants_give_a_W_of_0()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.2))),
            Write(_folder, "run-b", "medium", new Method(Refund, ("formal", 0.6), ("casual", 0.5))),
            Write(_folder, "run-c", "small", new Method(Refund, ("formal", 0.3), ("casual", 0.8))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        result.Output.Should().Contain("Kendall's W = 0.000 over 3 configurations");
    }

    [Fact]
    public async Task W_of_three_variants_that_swap_the_top_two_configurations_once_is_7_ninths()
    {
        // Ranks (1 = best) by formal, casual, terse: large 1,1,2; medium 2,2,1; small 3,3,3. Rank sums 4, 5, 9 around a
        // mean of 6: S = 4 + 1 + 9 = 14, W = 12 S / (m^2 (n^3 - n)) = 168 / 216 = 0.7778.
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8), ("terse", 0.6))),
            Write(_folder, "run-b", "medium", new Method(Refund, ("formal", 0.7), ("casual", 0.6), ("terse", 0.7))),
            Write(_folder, "run-c", "small", new Method(Refund, ("formal", 0.2), ("casual", 0.1), ("terse", 0.3))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        result.Output.Should().Contain("Kendall's W = 0.778 over 3 configurations ranked by 3 prompt variants");
    }

    [Fact]
    public async Task Configurations_with_the_same_pass_rate_share_their_average_rank_and_W_is_corrected_for_ties()
    {
        // formal ties large and medium (ranks 2.5, 2.5, 1 ascending; tie term 2^3 - 2 = 6), casual orders them 3, 2, 1.
        // Rank sums 5.5, 4.5, 2 around a mean of 4: S = 6.5; W = 12 S / (m^2 (n^3 - n) - m * 6) = 78 / 84 = 0.9286.
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.5), ("casual", 0.6))),
            Write(_folder, "run-b", "medium", new Method(Refund, ("formal", 0.5), ("casual", 0.4))),
            Write(_folder, "run-c", "small", new Method(Refund, ("formal", 0.2), ("casual", 0.2))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        result.Output.Should().Contain("Kendall's W = 0.929");
        result.Output.Should().Contain("formal: large (0.500) = medium (0.500) > small (0.200)");
    }

    [Fact]
    public async Task W_is_undefined_when_every_variant_ties_every_configuration()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.5), ("casual", 0.75))),
            Write(_folder, "run-b", "small", new Method(Refund, ("formal", 0.5), ("casual", 0.75))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("Kendall's W is undefined: every variant ties every configuration");
    }

    [Fact]
    public async Task W_is_undefined_when_fewer_than_two_variants_are_in_every_run()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8))),
            Write(_folder, "run-b", "small", new Method(Refund, ("formal", 0.5))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        result.Output.Should().Contain("Kendall's W is undefined: fewer than two variants: only 'formal' has a pass rate in every configuration");
    }

    [Fact]
    public async Task W_is_undefined_when_fewer_than_two_configurations_have_pass_rates()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8))),
            Write(_folder, "run-b", "small", new Method(Refund, ("formal", 0), ("casual", 0)) { WithoutPassRates = true }),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        result.Output.Should().Contain("Kendall's W is undefined: fewer than two configurations: only 1 of 2 has pass rates for this method");
        result.Output.Should().Contain("No pass rates (no case ran under every variant), left out of W: small.");
    }

    [Fact]
    public async Task Each_configuration_gets_a_row_with_its_multi_prompt_metrics_and_variant_pass_rates()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 1.0), ("casual", 0.5))),
            Write(_folder, "run-b", "small", new Method(Refund, ("formal", 0.25), ("casual", 0.75))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        // large: MaxP 1, AvgP 0.75, saturation 0.75, CPS 0.75. small: MaxP 0.75, AvgP 0.5, saturation 0.75, CPS 0.5625.
        result.Output.Should().MatchRegex(@"\| Configuration +\| +MaxP \| +AvgP \| Saturation \| +CPS \| formal \| casual \|");
        result.Output.Should().MatchRegex(@"\| large +\| 1\.000 \| 0\.750 \| +0\.750 \| 0\.750 \| +1\.000 \| +0\.500 \|");
        result.Output.Should().MatchRegex(@"\| small +\| 0\.750 \| 0\.500 \| +0\.750 \| 0\.563 \| +0\.250 \| +0\.750 \|");
    }

    [Fact]
    public async Task Variants_missing_from_a_run_are_left_out_of_the_metrics_and_of_W()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.5), ("casual", 0.25), ("shouty", 1.0))),
            Write(_folder, "run-b", "small", new Method(Refund, ("formal", 0.25), ("casual", 0.5))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        // Over formal and casual only, large has MaxP 0.5 (not shouty's 1.0).
        result.Output.Should().MatchRegex(@"\| large +\| 0\.500 \| 0\.375 \| +0\.875 \| 0\.438 \| +0\.500 \| +0\.250 \| +1\.000 \|");
        result.Output.Should().Contain("Left out of MaxP, AvgP, saturation, CPS and W (no pass rate in every configuration): shouty.");
        result.Output.Should().Contain("Kendall's W = 0.000 over 2 configurations ranked by 2 prompt variants");
    }

    [Fact]
    public async Task The_ranking_under_each_variant_and_a_best_configuration_common_to_all_are_stated()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.7))),
            Write(_folder, "run-b", "medium", new Method(Refund, ("formal", 0.6), ("casual", 0.8))),
            Write(_folder, "run-c", "small", new Method(Refund, ("formal", 0.3), ("casual", 0.4))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        result.Output.Should().Contain("formal: large (0.900) > medium (0.600) > small (0.300)");
        result.Output.Should().Contain("casual: medium (0.800) > large (0.700) > small (0.400)");
        result.Output.Should().Contain("The best configuration depends on the prompt variant (formal: large; casual: medium).");
    }

    [Fact]
    public async Task When_one_configuration_is_best_under_every_variant_it_is_named()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8))),
            Write(_folder, "run-b", "medium", new Method(Refund, ("formal", 0.6), ("casual", 0.2))),
            Write(_folder, "run-c", "small", new Method(Refund, ("formal", 0.3), ("casual", 0.4))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs]);

        result.Output.Should().Contain("Best configuration: large, under every variant.");
    }

    [Theory]
    [InlineData("0.7", 0)]
    [InlineData("0.78", 1)]
    public async Task Min_w_fails_the_command_only_when_a_method_W_is_below_it(string minW, int exitCode)
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8), ("terse", 0.6))),
            Write(_folder, "run-b", "medium", new Method(Refund, ("formal", 0.7), ("casual", 0.6), ("terse", 0.7))),
            Write(_folder, "run-c", "small", new Method(Refund, ("formal", 0.2), ("casual", 0.1), ("terse", 0.3))),
        ];

        CliResult result = await Cli.RunAsync(["compare", .. runs, "--min-w", minW]);

        result.ExitCode.Should().Be(exitCode, result.ToString());
        if (exitCode == 1)
        {
            result.Error.Should().Contain($"Kendall's W is below --min-w {minW} for {Refund} (W = 0.778)");
        }
    }

    [Fact]
    public async Task Two_runs_with_the_same_configuration_label_are_an_error_naming_both_files()
    {
        string first = Write(_folder, "run-a", "gpt-4o-mini", new Method(Refund, ("formal", 0.9), ("casual", 0.8)));
        string second = Write(_folder, "run-b", "gpt-4o-mini", new Method(Refund, ("formal", 0.6), ("casual", 0.5)));

        CliResult result = await Cli.RunAsync("compare", first, second);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(Path.Combine(first, "summary.json")).And.Contain(Path.Combine(second, "summary.json"))
            .And.Contain("the same configuration label 'gpt-4o-mini'").And.Contain("EVALSPEC_CONFIGURATION");
    }

    [Fact]
    public async Task Without_a_configuration_the_run_folder_name_is_the_label()
    {
        string first = Write(_folder, "20260314T093000Z-ab12", null, new Method(Refund, ("formal", 0.9), ("casual", 0.8)));
        string second = Write(_folder, "20260314T094500Z-cd34", "small", new Method(Refund, ("formal", 0.6), ("casual", 0.5)));

        CliResult result = await Cli.RunAsync("compare", first, Path.Combine(second, "summary.json"));

        result.Output.Should().Contain("formal: 20260314T093000Z-ab12 (0.900) > small (0.600)");
    }

    [Fact]
    public async Task A_method_in_only_one_run_is_listed_as_not_compared()
    {
        string first = Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8)), new Method("Shop.Evals.Greeting", ("a", 1.0), ("b", 0.5)));
        string second = Write(_folder, "run-b", "small", new Method(Refund, ("formal", 0.6), ("casual", 0.5)));

        CliResult result = await Cli.RunAsync("compare", first, second);

        result.Output.Should().Contain("Not compared (in one run only):" + Environment.NewLine + "  Shop.Evals.Greeting (only in large)");
        result.Output.Should().NotContain("Shop.Evals.Greeting: ");
    }

    [Fact]
    public async Task Malformed_json_is_an_error_naming_the_file()
    {
        string good = Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8)));
        Directory.CreateDirectory(_folder.Combine("run-b"));
        string broken = _folder.Combine("run-b", "summary.json");
        File.WriteAllText(broken, """{ "configuration": "small", "multiPrompt": { """);

        CliResult result = await Cli.RunAsync("compare", good, broken);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(broken + " is not valid JSON");
    }

    [Fact]
    public async Task A_pass_rate_that_is_not_a_number_in_0_to_1_is_an_error_naming_the_file_and_the_value()
    {
        string good = Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8)));
        string bad = Write(_folder, "run-b", "small", new Method(Refund, ("formal", 1.5), ("casual", 0.8)));

        CliResult result = await Cli.RunAsync("compare", good, bad);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(Path.Combine(bad, "summary.json")).And.Contain($"multiPrompt[\"{Refund}\"].variantPassRate[\"formal\"] must be a number in [0, 1] (found 1.5)");
    }

    [Fact]
    public async Task A_run_that_does_not_exist_or_has_no_summary_is_an_error_naming_the_path()
    {
        string good = Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8)));
        string missing = _folder.Combine("run-x");
        string empty = _folder.Combine("run-empty");
        Directory.CreateDirectory(empty);

        CliResult missingResult = await Cli.RunAsync("compare", good, missing);
        CliResult emptyResult = await Cli.RunAsync("compare", good, empty);

        missingResult.ExitCode.Should().Be(2);
        missingResult.Error.Should().Contain(missing + " does not exist");
        emptyResult.ExitCode.Should().Be(2);
        emptyResult.Error.Should().Contain(empty + " is a folder without a summary.json");
    }

    [Fact]
    public async Task A_single_run_is_a_usage_error()
    {
        string only = Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8)));

        CliResult result = await Cli.RunAsync("compare", only);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("Give at least two runs to compare");
    }

    [Fact]
    public async Task The_json_option_writes_W_the_rankings_and_the_metrics()
    {
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.7))),
            Write(_folder, "run-b", "medium", new Method(Refund, ("formal", 0.6), ("casual", 0.8))),
            Write(_folder, "run-c", "small", new Method(Refund, ("formal", 0.3), ("casual", 0.4))),
        ];
        string jsonPath = _folder.Combine("out", "comparison.json");

        CliResult result = await Cli.RunAsync(["compare", .. runs, "--json", jsonPath]);

        result.ExitCode.Should().Be(0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        JsonElement method = json.RootElement.GetProperty("methods").GetProperty(Refund);
        // Ranks formal 1,2,3 and casual 2,1,3: sums 3, 3, 6 around 4; S = 6, W = 72 / 96 = 0.75.
        method.GetProperty("kendallW").GetDouble().Should().Be(0.75);
        method.GetProperty("rankingByVariant").GetProperty("casual").EnumerateArray().Select(g => g[0].GetString()).Should().Equal("medium", "large", "small");
        method.GetProperty("sameBestUnderEveryVariant").GetBoolean().Should().BeFalse();
        method.GetProperty("configurations")[2].GetProperty("maxP").GetDouble().Should().Be(0.4);
        json.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("configuration").GetString()).Should().Equal("large", "medium", "small");
        json.RootElement.GetProperty("format").GetInt32().Should().Be(1);
        CommittedFileSchemas.Errors("comparison.schema.json", File.ReadAllText(jsonPath)).Should().BeEmpty("compare --json satisfies docs/schemas/comparison.schema.json");
    }

    [Fact]
    public async Task The_json_of_a_method_W_cannot_rank_writes_nulls_with_the_reason_and_satisfies_the_schema()
    {
        // Every variant gives both configurations the same pass rate: W is undefined, with a reason.
        string[] runs =
        [
            Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.5), ("casual", 0.7))),
            Write(_folder, "run-b", "medium", new Method(Refund, ("formal", 0.5), ("casual", 0.7))),
        ];
        string jsonPath = _folder.Combine("out", "undefined.json");

        CliResult result = await Cli.RunAsync(["compare", .. runs, "--json", jsonPath, "--min-w", "0.5"]);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        JsonElement method = json.RootElement.GetProperty("methods").GetProperty(Refund);
        method.GetProperty("kendallW").ValueKind.Should().Be(JsonValueKind.Null, result.ToString());
        method.GetProperty("kendallWUndefinedReason").GetString().Should().NotBeNullOrWhiteSpace();
        method.GetProperty("rankingByVariant").GetProperty("formal")[0].EnumerateArray().Select(c => c.GetString()).Should().Equal("large", "medium");
        json.RootElement.GetProperty("minW").GetDouble().Should().Be(0.5);
        CommittedFileSchemas.Errors("comparison.schema.json", File.ReadAllText(jsonPath)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_summary_as_written_by_an_EvalSpec_run_is_read()
    {
        // The shape of TestResults/evalspec/<run>/summary.json, other sections included.
        string first = _folder.Combine("20261127T214723Z-1e6b");
        Directory.CreateDirectory(first);
        File.WriteAllText(Path.Combine(first, "summary.json"), """
            {
              "runId": "20261127T214723Z-1e6b",
              "configuration": null,
              "finishedAt": "2026-11-27T21:47:24.0153388+00:00",
              "maxConcurrency": 4,
              "wallTimeMs": 201.3,
              "systemUnderTestCalls": 14,
              "rows": { "total": 16, "pass": 10, "fail": 5, "inconclusive": 0, "notApplicable": 1 },
              "baseline": { "path": null, "mode": "off", "knownFailures": 0, "fixedSinceBaseline": 0 },
              "methods": {},
              "judges": {},
              "panels": {},
              "pairwise": null,
              "sample": null,
              "robustness": {},
              "multiPrompt": {
                "RobustnessSuite.RobustnessEvals.Wording": {
                  "variants": [ "formal", "terse" ],
                  "casesUsed": 2,
                  "cases": 2,
                  "variantPassRate": { "formal": 1, "terse": 0.5 },
                  "maxP": 1,
                  "avgP": 0.75,
                  "saturation": 0.75,
                  "cps": 0.75,
                  "perCase": {
                    "laptop": { "passingVariants": [ "formal", "terse" ], "maxP": 1, "avgP": 1, "saturation": 1, "cps": 1 },
                    "phone": { "passingVariants": [ "formal" ], "maxP": 1, "avgP": 0.5, "saturation": 0.5, "cps": 0.5 }
                  }
                }
              }
            }
            """);
        string second = Write(_folder, "run-b", "echo-v2", new Method("RobustnessSuite.RobustnessEvals.Wording", ("formal", 0.5), ("terse", 1.0)));

        CliResult result = await Cli.RunAsync("compare", first, second);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("formal: 20261127T214723Z-1e6b (1.000) > echo-v2 (0.500)");
        result.Output.Should().Contain("Kendall's W = 0.000 over 2 configurations");
    }

    [Fact]
    public async Task A_run_written_before_summaries_had_a_format_is_compared_and_reported_as_before()
    {
        // summary.json and a few results lines of a FaqBot.Evals run of EvalSpec before the typed records.
        string writtenBefore = Path.Combine(CommittedFileSchemas.RepositoryRoot, "tests", "EvalSpec.Tests", "Reporting", "Files", "WrittenBefore");
        string[] runs = ["faqbot-a", "faqbot-b"];
        foreach (string run in runs)
        {
            Directory.CreateDirectory(_folder.Combine(run));
            File.Copy(Path.Combine(writtenBefore, "summary.json"), _folder.Combine(run, "summary.json"));
            File.Copy(Path.Combine(writtenBefore, "results.jsonl"), _folder.Combine(run, "results.jsonl"));
        }

        CliResult compared = await Cli.RunAsync("compare", _folder.Combine(runs[0]), _folder.Combine(runs[1]));
        CliResult reported = await Cli.RunAsync("report", _folder.Combine(runs[0]));

        compared.ExitCode.Should().Be(0, compared.ToString());
        compared.Output.Should().Contain("FaqBot.Evals.ReturnsEvals.ReturnWindow");
        reported.ExitCode.Should().Be(0, reported.ToString());
        File.Exists(_folder.Combine(runs[0], "report.md")).Should().BeTrue();
    }

    [Fact]
    public async Task A_summary_of_a_newer_format_is_refused_naming_the_file()
    {
        string good = Write(_folder, "run-a", "large", new Method(Refund, ("formal", 0.9), ("casual", 0.8)));
        Directory.CreateDirectory(_folder.Combine("run-b"));
        string newer = _folder.Combine("run-b", "summary.json");
        File.WriteAllText(newer, """{ "format": 2, "configuration": "small", "multiPrompt": {} }""");

        CliResult result = await Cli.RunAsync("compare", good, newer);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(newer + " cannot be read: it is format 2, written by an EvalSpec newer than this one");
    }
}
