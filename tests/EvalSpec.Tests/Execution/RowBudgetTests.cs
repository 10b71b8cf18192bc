using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Prompts;
using EvalSpec.Recording;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>Row budgets: where they come from, what a row spent, and the check that fails a row over budget.</summary>
public sealed class RowBudgetTests
{
    private static readonly PriceTable NoPrices = PriceTable.From(new Dictionary<string, ModelPrice>());

    private static ModelUsage Sut(long input, long output, string model = "sut-model", int replayed = 0, int withoutUsage = 0) =>
        new(new Dictionary<string, ModelTokens> { [model] = new(input, output) }, 1 + withoutUsage, withoutUsage, replayed);

    private static Verdict Judged(long input, long output, string model = "judge-model", int calls = 1, double ms = 300) =>
        Verdict.Pass("judge", 1, "ok") with { ModelCalls = calls, Model = model, Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output }, Latency = TimeSpan.FromMilliseconds(ms) };

    [Fact]
    public void Tokens_are_summed_over_the_system_under_test_and_the_judges_and_a_row_over_budget_fails_with_the_figures()
    {
        RowSpend spend = RowBudget.Measure(Sut(1_500, 400), new[] { Judged(300, 45), Judged(90, 10) }, TimeSpan.FromMilliseconds(800), NoPrices);

        (PanelVerdict? check, _) = RowBudget.Check(new BudgetLimits(2_000, null, null), spend);

        spend.Tokens.Should().Be(2_345);
        check!.Outcome.Should().Be(VerdictOutcome.Fail);
        check.Panel.Should().Be("budget");
        check.Rationale.Should().Be("tokens 2,345 > budget 2,000 (SUT 1,900, judges 445)");
    }

    [Fact]
    public void A_row_at_its_budget_passes()
    {
        RowSpend spend = RowBudget.Measure(Sut(1_500, 400), new[] { Judged(90, 10) }, TimeSpan.FromMilliseconds(800), NoPrices);

        RowBudget.Check(new BudgetLimits(2_000, null, null), spend).Check!.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public void A_row_without_budgets_has_no_budget_check()
    {
        RowBudget.Check(new BudgetLimits(null, null, null), RowBudget.Measure(Sut(1, 1), Array.Empty<Verdict>(), TimeSpan.Zero, NoPrices)).Check.Should().BeNull();
    }

    [Fact]
    public void Calls_that_reported_no_usage_make_a_token_budget_inconclusive_not_a_pass()
    {
        RowSpend spend = RowBudget.Measure(Sut(10, 10, withoutUsage: 2), new[] { Verdict.Pass("judge", 1, "ok") with { ModelCalls = 1 } }, TimeSpan.Zero, NoPrices);

        PanelVerdict check = RowBudget.Check(new BudgetLimits(2_000, null, null), spend).Check!;

        check.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        check.Verdicts.Single().Errored.Should().BeTrue();
        check.Rationale.Should().Contain("3 model call(s) reported no token usage (2 of the system under test, 1 of judges)");
    }

    [Fact]
    public void Latency_counts_the_system_under_test_only_and_names_the_judges_time()
    {
        RowSpend spend = RowBudget.Measure(Sut(1, 1), new[] { Judged(1, 1, ms: 4_000) }, TimeSpan.FromMilliseconds(1_234), NoPrices);

        PanelVerdict check = RowBudget.Check(new BudgetLimits(null, 1_000, null), spend).Check!;

        check.Outcome.Should().Be(VerdictOutcome.Fail);
        check.Rationale.Should().Be("latency 1,234 ms > budget 1,000 ms (SUT; judges 4,000 ms not counted)");
    }

    [Fact]
    public void In_replay_the_latency_budget_is_not_checked_and_the_row_says_so()
    {
        RowSpend spend = RowBudget.Measure(Sut(1, 1, replayed: 1), Array.Empty<Verdict>(), TimeSpan.FromMilliseconds(5_000), NoPrices);

        (PanelVerdict? check, IReadOnlyList<string> notes) = RowBudget.Check(new BudgetLimits(null, 1_000, null), spend);

        check.Should().BeNull("a replayed call's time is not the model's");
        notes.Should().ContainSingle().Which.Should().Contain("latency budget 1,000 ms not checked").And.Contain("replayed");
    }

    [Fact]
    public void Replayed_calls_still_count_their_recorded_tokens()
    {
        RowSpend spend = RowBudget.Measure(Sut(1_500, 600, replayed: 1), Array.Empty<Verdict>(), TimeSpan.Zero, NoPrices);

        RowBudget.Check(new BudgetLimits(2_000, 1_000, null), spend).Check!.Rationale.Should().Be("tokens 2,100 > budget 2,000 (SUT 2,100, judges 0)");
    }

    [Fact]
    public void Cost_prices_input_and_output_tokens_per_million_for_each_model()
    {
        PriceTable prices = PriceTable.From(new Dictionary<string, ModelPrice>
        {
            ["sut-model"] = new(2.5, 10),
            ["judge-model"] = new(0.15, 0.6),
        });

        RowSpend spend = RowBudget.Measure(Sut(1_000, 500), new[] { Judged(2_000, 100) }, TimeSpan.Zero, prices);

        // 1,000 x 2.5 + 500 x 10 = 7,500 micro-dollars; 2,000 x 0.15 + 100 x 0.6 = 360.
        spend.SutCostUsd.Should().BeApproximately(0.0075, 1e-12);
        spend.JudgeCostUsd.Should().BeApproximately(0.00036, 1e-12);
        RowBudget.Check(new BudgetLimits(null, null, 0.005), spend).Check!.Rationale.Should().Be("cost $0.00786 > budget $0.0050 (SUT $0.0075, judges $0.00036)");
    }

    [Fact]
    public void A_model_with_no_price_is_an_error_naming_the_model_never_a_free_call()
    {
        PriceTable prices = PriceTable.From(new Dictionary<string, ModelPrice> { ["sut-model"] = new(1, 1) });
        RowSpend spend = RowBudget.Measure(Sut(1_000, 500), new[] { Judged(10, 10, model: "judge-x") }, TimeSpan.Zero, prices);

        PanelVerdict check = RowBudget.Check(new BudgetLimits(null, null, 1.0), spend).Check!;

        spend.CostUsd.Should().BeNull();
        check.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        check.Rationale.Should().Contain("no price for model(s) 'judge-x'").And.Contain("\"Prices\"");
    }

    [Theory]
    [InlineData("gpt-4o-mini", "gpt-4o-mini", 1)]
    [InlineData("GPT-4o-mini", "gpt-4o-mini", 1)]
    [InlineData("gpt-4o-mini-2024-07-18", "gpt-4o-mini", 1)]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o", 2)]
    [InlineData("gpt-4o-minimal", null, 0)]
    [InlineData("gpt-4", null, 0)]
    [InlineData("gpt-4o-mini-high", null, 0)]
    public void A_price_key_matches_the_model_id_or_its_dated_form_the_longest_key_winning(string model, string? key, double expected)
    {
        PriceTable prices = PriceTable.From(new Dictionary<string, ModelPrice>
        {
            ["gpt-4o-mini"] = new(1, 0),
            ["gpt-4o"] = new(2, 0),
        });

        ModelPrice? price = prices.Find(model);

        (price?.InputPerMillion ?? 0).Should().Be(expected, key ?? "no key");
    }

    [Theory]
    [InlineData("RefundEvals.*", "Shop.Evals.RefundEvals.RefundWindow", true)]
    [InlineData("Shop.Evals.RefundEvals.RefundWindow", "Shop.Evals.RefundEvals.RefundWindow", true)]
    [InlineData("RefundWindow", "Shop.Evals.RefundEvals.RefundWindow", true)]
    [InlineData("*", "Shop.Evals.RefundEvals.RefundWindow", true)]
    [InlineData("Refund*.Refund?indow", "Shop.Evals.RefundEvals.RefundWindow", true)]
    [InlineData("Evals.*", "Shop.MyEvals.RefundWindow", false)]
    [InlineData("refundevals.*", "Shop.Evals.RefundEvals.RefundWindow", false)]
    [InlineData("Window", "Shop.Evals.RefundEvals.RefundWindow", false)]
    [InlineData("RefundEvals.(x)", "Shop.RefundEvals.(x)", true)]
    public void A_method_pattern_matches_the_full_name_or_its_end_after_a_dot(string pattern, string method, bool matches)
    {
        RowBudget.Matches(pattern, method).Should().Be(matches);
    }

    [Fact]
    public void The_attribute_wins_over_configuration_and_the_first_matching_entry_gives_each_value()
    {
        var budgets = new List<BudgetOptions>
        {
            new() { Method = "Other.*", MaxTokens = 1 },
            new() { Method = "RowBudgetTests.*", MaxLatencyMs = 500 },
            new() { Method = "*", MaxTokens = 3_000, MaxLatencyMs = 9_000, MaxCostUsd = 0.5 },
        };

        BudgetLimits limits = RowBudget.Resolve(Method(), budgets);
        BudgetLimits withAttribute = RowBudget.Resolve(Method(maxTokens: 100), budgets);

        limits.Should().Be(new BudgetLimits(3_000, 500, 0.5));
        withAttribute.Should().Be(new BudgetLimits(100, 500, 0.5));
    }

    [Fact]
    public void Budgets_and_prices_are_read_from_evalspec_json()
    {
        EvalOptions options = Load("""
            {
              "Budgets": [ { "Method": "RefundEvals.*", "MaxTokens": 2000, "MaxLatencyMs": 1500 }, { "Method": "*", "MaxCostUsd": 0.01 } ],
              "Prices": { "gpt-4o-mini": { "Input": 0.15, "Output": 0.6 } }
            }
            """);

        options.Budgets.Should().HaveCount(2);
        options.Budgets[0].Method.Should().Be("RefundEvals.*");
        options.Budgets[0].MaxTokens.Should().Be(2_000);
        options.Budgets[0].MaxLatencyMs.Should().Be(1_500);
        options.Budgets[1].MaxCostUsd.Should().Be(0.01);
        options.Prices["GPT-4O-MINI"].Output.Should().Be(0.6);
        RowBudget.Prices(options).Find("gpt-4o-mini-2024-07-18")!.Cost(1_000_000, 0).Should().Be(0.15);
    }

    [Theory]
    [InlineData("""{ "Budgets": [ { "Method": "*", "MaxTokens": 0 } ] }""", "\"MaxTokens\" is 0")]
    [InlineData("""{ "Budgets": [ { "Method": "*", "MaxLatencyMs": -5 } ] }""", "\"MaxLatencyMs\" is -5")]
    [InlineData("""{ "Budgets": [ { "Method": "*", "MaxCostUsd": 0 } ] }""", "\"MaxCostUsd\" is 0")]
    [InlineData("""{ "Budgets": [ { "MaxTokens": 10 } ] }""", "has no \"Method\"")]
    [InlineData("""{ "Budgets": [ { "Method": "*" } ] }""", "sets no budget")]
    [InlineData("""{ "Prices": { "m": { "Input": -1 } } }""", "model 'm'")]
    public void Budgets_that_mean_nothing_are_refused_naming_the_entry(string json, string message)
    {
        Action load = () => Load(json).Validate();

        load.Should().Throw<EvalConfigurationException>().WithMessage("*" + message + "*");
    }

    [Fact]
    public void A_misspelt_budget_setting_is_refused()
    {
        Action load = () => Load("""{ "Budgets": [ { "Method": "*", "MaxToken": 10 } ] }""");

        load.Should().Throw<EvalConfigurationException>().WithMessage("*MaxToken*Did you mean \"MaxTokens\"*");
    }

    private static EvalOptions Load(string json)
    {
        string directory = Path.Combine(Path.GetTempPath(), "evalspec-budget-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "evalspec.json");
            File.WriteAllText(path, json);
            return EvalRunHost.BindOptions(EvalConfiguration.Load(path, new Hashtable()));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static EvalMethodDescriptor Method(int? maxTokens = null) => new(
        typeof(RowBudgetTests),
        "Refunds",
        null,
        0.5,
        0,
        Array.Empty<string>(),
        new[] { new PromptVariant("default", string.Empty) },
        Array.Empty<EvalCaseDescriptor>(),
        Array.Empty<RelationDescriptor>(),
        static (_, _, _) => ValueTask.FromResult<object?>(null))
    {
        MaxTokens = maxTokens,
    };
}
