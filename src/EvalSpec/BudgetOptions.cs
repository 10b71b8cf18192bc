namespace EvalSpec;

/// <summary>
/// A budget for the rows of the eval methods a pattern matches (evalspec.json <c>"Budgets": [ { "Method": "RefundEvals.*",
/// "MaxTokens": 2000 } ]</c>). A value set on <see cref="EvalAttribute"/> wins over this one; among the entries whose pattern
/// matches a method, the first (in file order) that sets a value gives it.
/// </summary>
public sealed class BudgetOptions
{
    /// <summary>
    /// Which eval methods: their full name (<c>Namespace.Class.Method</c>, a nested class joined with <c>.</c>) or its end
    /// after a <c>.</c> (<c>RefundEvals.RefundWindow</c>), with <c>*</c> for any characters and <c>?</c> for one
    /// (<c>RefundEvals.*</c>, <c>*</c> for every method). Letter case matters.
    /// </summary>
    public string? Method { get; set; }

    /// <summary>Token budget of each row (system under test and judges together); see <see cref="EvalAttribute.MaxTokens"/>.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Latency budget of each row in milliseconds (system under test only); see <see cref="EvalAttribute.MaxLatencyMs"/>.</summary>
    public int? MaxLatencyMs { get; set; }

    /// <summary>Cost budget of each row in US dollars; see <see cref="EvalAttribute.MaxCostUsd"/>.</summary>
    public double? MaxCostUsd { get; set; }
}
