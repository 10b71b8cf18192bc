using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using EvalSpec.Judging;
using EvalSpec.Recording;

namespace EvalSpec.Execution;

/// <summary>
/// A row's token, latency and cost budgets (<see cref="EvalAttribute.MaxTokens"/>, <see cref="EvalAttribute.MaxLatencyMs"/>,
/// <see cref="EvalAttribute.MaxCostUsd"/>, or evalspec.json <c>Budgets</c>), what the row spent, and the <c>budget</c> check
/// that fails a row over budget with the figures. Called once per row, after judging.
/// </summary>
internal static class RowBudget
{
    /// <summary>The name of the check in the row's checks.</summary>
    public const string CheckName = "budget";

    /// <summary>Refuses budgets and prices that cannot mean anything: no method pattern, a budget of 0 or less, a negative price.</summary>
    /// <exception cref="EvalConfigurationException">The message names the entry and the setting.</exception>
    public static void Validate(EvalOptions options)
    {
        var problems = new List<string>();
        for (int i = 0; i < options.Budgets.Count; i++)
        {
            BudgetOptions budget = options.Budgets[i];
            string where = $"\"Budgets\" entry {i.ToString(CultureInfo.InvariantCulture)}" + (string.IsNullOrWhiteSpace(budget.Method) ? string.Empty : $" (\"{budget.Method}\")");
            if (string.IsNullOrWhiteSpace(budget.Method))
            {
                problems.Add($"{where} has no \"Method\": give the eval methods it applies to, e.g. \"RefundEvals.*\" (or \"*\" for all).");
            }

            if (budget.MaxTokens is <= 0)
            {
                problems.Add($"{where}: \"MaxTokens\" is {budget.MaxTokens}; a token budget must be above 0 (leave it out for none).");
            }

            if (budget.MaxLatencyMs is <= 0)
            {
                problems.Add($"{where}: \"MaxLatencyMs\" is {budget.MaxLatencyMs}; a latency budget is in milliseconds and must be above 0 (leave it out for none).");
            }

            if (budget.MaxCostUsd is double cost && !(cost > 0 && !double.IsInfinity(cost)))
            {
                problems.Add($"{where}: \"MaxCostUsd\" is {cost.ToString(CultureInfo.InvariantCulture)}; a cost budget is in US dollars and must be above 0 (leave it out for none).");
            }

            if (budget.MaxTokens is null && budget.MaxLatencyMs is null && budget.MaxCostUsd is null)
            {
                problems.Add($"{where} sets no budget: give \"MaxTokens\", \"MaxLatencyMs\" or \"MaxCostUsd\".");
            }
        }

        foreach ((string model, ModelPriceOptions price) in options.Prices)
        {
            if (price is null || !(price.Input >= 0 && double.IsFinite(price.Input)) || !(price.Output >= 0 && double.IsFinite(price.Output)))
            {
                problems.Add($"\"Prices\" of model '{model}': \"Input\" and \"Output\" must be US dollars per million tokens, 0 or more.");
            }
        }

        if (problems.Count > 0)
        {
            throw new EvalConfigurationException("EvalSpec's budgets are not valid (evalspec.json):\n- " + string.Join("\n- ", problems));
        }
    }

    /// <summary>The budgets of a method: each value from its attribute, else from the first matching <c>Budgets</c> entry that sets it.</summary>
    public static BudgetLimits Resolve(EvalMethodDescriptor method, IEnumerable<BudgetOptions> budgets)
    {
        string id = MethodName(method.SuiteType) + "." + method.MethodName;
        BudgetOptions[] matching = budgets.Where(b => b.Method is { } pattern && Matches(pattern, id)).ToArray();
        return new BudgetLimits(
            method.MaxTokens ?? matching.Select(b => b.MaxTokens).FirstOrDefault(v => v is not null),
            method.MaxLatencyMs ?? matching.Select(b => b.MaxLatencyMs).FirstOrDefault(v => v is not null),
            method.MaxCostUsd ?? matching.Select(b => b.MaxCostUsd).FirstOrDefault(v => v is not null));
    }

    /// <summary>
    /// Whether a <c>Budgets</c> pattern matches a method's full name (<c>Namespace.Class.Method</c>): the whole name, or its
    /// end after a <c>.</c>; <c>*</c> stands for any characters, <c>?</c> for one. Case-sensitive, as C# names are.
    /// </summary>
    public static bool Matches(string pattern, string methodId)
    {
        string glob = Regex.Escape(pattern.Trim()).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal);
        return Regex.IsMatch(methodId, "^(?:.*\\.)?" + glob + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// A row's latency: its slowest single run of the system under test (a source or a follow-up run, of any trial), which is
    /// what one user waits for one answer. Never a sum: trials run at the same time, and a relation row's two runs are two
    /// requests (the source run is shared by the case's relation rows).
    /// </summary>
    /// <param name="runs">The latency of each run the row made (null for a run it did not make).</param>
    public static TimeSpan SlowestRun(IEnumerable<TimeSpan?> runs) => runs.OfType<TimeSpan>().DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>What a row spent: the system under test's usage (from the recording clients), the judges' (from their verdicts), times and cost.</summary>
    /// <param name="sut">The system under test's usage for the row.</param>
    /// <param name="judges">Every verdict of the row's checks (over all its trials).</param>
    /// <param name="sutLatency">The row's latency: its slowest run of the system under test (<see cref="SlowestRun"/>).</param>
    /// <param name="prices">The price table (may be empty).</param>
    public static RowSpend Measure(ModelUsage sut, IEnumerable<Verdict> judges, TimeSpan sutLatency, Reporting.Reports.PriceTable prices)
    {
        var judgeModels = new Dictionary<string, ModelTokens>(StringComparer.Ordinal);
        int judgeCalls = 0, judgeCallsWithoutUsage = 0;
        TimeSpan judgeTime = TimeSpan.Zero;
        foreach (Verdict verdict in judges)
        {
            judgeTime += verdict.Latency;
            judgeCalls += verdict.ModelCalls;
            if (verdict.ModelCalls == 0)
            {
                continue;
            }

            if (verdict.Usage is not { } usage || (usage.InputTokenCount is null && usage.OutputTokenCount is null && usage.TotalTokenCount is null))
            {
                judgeCallsWithoutUsage += verdict.ModelCalls;
                continue;
            }

            string model = verdict.Model ?? string.Empty;
            judgeModels[model] = (judgeModels.TryGetValue(model, out ModelTokens tokens) ? tokens : default) + ModelTokens.Of(usage);
        }

        var judgeUsage = new ModelUsage(judgeModels, judgeCalls, judgeCallsWithoutUsage, 0);
        (double? sutCost, IReadOnlyList<string> sutMissing) = Cost(sut, prices);
        (double? judgeCost, IReadOnlyList<string> judgeMissing) = Cost(judgeUsage, prices);
        return new RowSpend(sut, judgeUsage, sutLatency, judgeTime, sutCost, judgeCost, sutMissing.Concat(judgeMissing).Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The <c>budget</c> check of a row (null when it has no budget), and notes for what was not checked: one verdict per
    /// budget (<c>tokens</c>, <c>latency</c>, <c>cost</c>). Over budget fails with the figures; tokens that were not reported
    /// or a model with no price make that verdict inconclusive (errored) with the reason; latency of replayed calls is not
    /// the model's, so in a run that replayed the row's calls the latency budget is not checked and a note says so.
    /// </summary>
    public static (PanelVerdict? Check, IReadOnlyList<string> Notes) Check(BudgetLimits limits, RowSpend spend)
    {
        if (!limits.Any)
        {
            return (null, Array.Empty<string>());
        }

        var verdicts = new List<Verdict>();
        var notes = new List<string>();
        if (limits.MaxTokens is int maxTokens)
        {
            long tokens = spend.Tokens;
            string figures = $"tokens {N(tokens)} {(tokens > maxTokens ? ">" : "<=")} budget {N(maxTokens)} (SUT {N(spend.Sut.Tokens.Total)}, judges {N(spend.Judges.Tokens.Total)})";
            int unreported = spend.Sut.CallsWithoutUsage + spend.Judges.CallsWithoutUsage;
            verdicts.Add(tokens > maxTokens
                ? Verdict.Fail("tokens", null, figures)
                : unreported > 0
                    ? Verdict.Error("tokens", $"{figures}, but {unreported.ToString(CultureInfo.InvariantCulture)} model call(s) reported no token usage ({spend.Sut.CallsWithoutUsage.ToString(CultureInfo.InvariantCulture)} of the system under test, {spend.Judges.CallsWithoutUsage.ToString(CultureInfo.InvariantCulture)} of judges): the budget cannot be checked")
                    : Verdict.Pass("tokens", null, figures));
        }

        if (limits.MaxLatencyMs is int maxLatency)
        {
            double latency = Math.Round(spend.SutLatency.TotalMilliseconds);
            string judgeTime = $"judges {N((long)Math.Round(spend.JudgeLatency.TotalMilliseconds))} ms not counted";
            if (spend.Sut.Replayed > 0)
            {
                notes.Add($"latency budget {N(maxLatency)} ms not checked: {spend.Sut.Replayed.ToString(CultureInfo.InvariantCulture)} model call(s) of the system under test were replayed from recordings, whose timing is not the model's (measured {N((long)latency)} ms; run live or record to check it)");
            }
            else
            {
                string figures = $"latency {N((long)latency)} ms {(latency > maxLatency ? ">" : "<=")} budget {N(maxLatency)} ms (SUT; {judgeTime})";
                verdicts.Add(latency > maxLatency ? Verdict.Fail("latency", null, figures) : Verdict.Pass("latency", null, figures));
            }
        }

        if (limits.MaxCostUsd is double maxCost)
        {
            if (spend.MissingPrices.Count > 0)
            {
                verdicts.Add(Verdict.Error("cost", $"cost budget {Usd(maxCost)} cannot be checked: no price for model(s) {string.Join(", ", spend.MissingPrices.Select(m => m.Length == 0 ? "(a model the answer did not name)" : "'" + m + "'"))}; add each to \"Prices\" in evalspec.json ({{ \"Prices\": {{ \"<model>\": {{ \"Input\": <USD per 1M tokens>, \"Output\": <USD per 1M tokens> }} }} }})"));
            }
            else
            {
                double cost = spend.CostUsd ?? 0;
                string figures = $"cost {Usd(cost)} {(cost > maxCost ? ">" : "<=")} budget {Usd(maxCost)} (SUT {Usd(spend.SutCostUsd ?? 0)}, judges {Usd(spend.JudgeCostUsd ?? 0)})";
                int unreported = spend.Sut.CallsWithoutUsage + spend.Judges.CallsWithoutUsage;
                verdicts.Add(cost > maxCost
                    ? Verdict.Fail("cost", null, figures)
                    : unreported > 0
                        ? Verdict.Error("cost", $"{figures}, but {unreported.ToString(CultureInfo.InvariantCulture)} model call(s) reported no token usage: the budget cannot be checked")
                        : Verdict.Pass("cost", null, figures));
            }
        }

        if (spend.Sut.Calls == 0)
        {
            notes.Add("budget: the system under test made no model calls through a recording client (wrap its IChatClient with WithEvalSpecRecording to count its tokens)");
        }

        if (verdicts.Count == 0)
        {
            return (null, notes);
        }

        VerdictOutcome outcome = verdicts.Any(v => v.Outcome == VerdictOutcome.Fail) ? VerdictOutcome.Fail
            : verdicts.Any(v => v.Outcome == VerdictOutcome.Inconclusive) ? VerdictOutcome.Inconclusive
            : VerdictOutcome.Pass;
        string rationale = string.Join("; ", verdicts.Where(v => v.Outcome == outcome).Select(v => v.Rationale));
        return (new PanelVerdict(CheckName, outcome, null, rationale, verdicts), notes);
    }

    private static (double? Cost, IReadOnlyList<string> Missing) Cost(ModelUsage usage, Reporting.Reports.PriceTable prices)
    {
        if (usage.Models.Count == 0)
        {
            return (0, Array.Empty<string>());
        }

        double total = 0;
        var missing = new List<string>();
        foreach ((string model, ModelTokens tokens) in usage.Models)
        {
            if (model.Length == 0 || prices.Find(model) is not { } price)
            {
                missing.Add(model);
                continue;
            }

            total += price.Cost(tokens.Input, tokens.Output);
        }

        return (missing.Count == 0 ? total : null, missing);
    }

    /// <summary>The price table of <see cref="EvalOptions.Prices"/>.</summary>
    public static Reporting.Reports.PriceTable Prices(EvalOptions options) => Reporting.Reports.PriceTable.From(
        options.Prices.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => new Reporting.Reports.ModelPrice(p.Value.Input, p.Value.Output), StringComparer.Ordinal));

    private static string MethodName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // Row costs are often fractions of a cent: enough digits to tell them apart from zero.
    private static string Usd(double value) => "$" + value.ToString(value >= 1 ? "#,0.00" : value >= 0.01 || value == 0 ? "0.0000" : "0.0000##", CultureInfo.InvariantCulture);
}

/// <summary>A row's budgets; null where it has none.</summary>
internal sealed record BudgetLimits(int? MaxTokens, int? MaxLatencyMs, double? MaxCostUsd)
{
    public bool Any => MaxTokens is not null || MaxLatencyMs is not null || MaxCostUsd is not null;
}

/// <summary>What a row spent: tokens of the system under test and of the judges, their times, and the cost when every model has a price.</summary>
internal sealed record RowSpend(ModelUsage Sut, ModelUsage Judges, TimeSpan SutLatency, TimeSpan JudgeLatency, double? SutCostUsd, double? JudgeCostUsd, IReadOnlyList<string> MissingPrices)
{
    public long Tokens => Sut.Tokens.Total + Judges.Tokens.Total;

    public double? CostUsd => SutCostUsd is double sut && JudgeCostUsd is double judges ? sut + judges : null;
}
