using System;

namespace EvalSpec;

/// <summary>
/// Marks a method as an evaluation. The EvalSpec source generator expands it into one xUnit test per
/// case x prompt variant x (identity + each metamorphic relation).
/// </summary>
/// <remarks>
/// The method must be declared in a <c>partial</c> class, take an <see cref="EvalInput"/> as its first
/// parameter followed by the parameters its prompt placeholders and <see cref="CaseAttribute"/> arguments
/// bind to, and return <c>Task&lt;string&gt;</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;string&gt;</c> or
/// <c>ValueTask&lt;T&gt;</c>. The returned value is the output that judges and relations examine.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EvalAttribute : Attribute
{
    /// <summary>What a good output does, in words. Passed to every judge of the row's panel.</summary>
    public string? Rubric { get; set; }

    /// <summary>
    /// The score in [0, 1] an output needs to pass a score-based judge (for the built-in expected-answer
    /// judge: the share of the expected answer's words found in the output). Unset: 0.5.
    /// </summary>
    public double Threshold { get; set; } = EvalDefaults.Threshold;

    /// <summary>
    /// Row timeout in milliseconds: the limit for each call of the method (the source run and the follow-up run
    /// of a relation row, counted from when a concurrency slot is free) and for judging the row. A call that
    /// runs over fails the row even if the method ignores <see cref="EvalInput.CancellationToken"/>.
    /// 0 (the default) takes <c>EvalOptions.RowTimeout</c>.
    /// </summary>
    public int Timeout { get; set; }

    /// <summary>
    /// How many times each row runs (LLM outputs vary from run to run). Each trial calls the method afresh
    /// and is judged on its own; <see cref="TrialRule"/> decides the row from the trials. Default 1.
    /// </summary>
    public int Trials { get; set; } = 1;

    /// <summary>How a row with several <see cref="Trials"/> is decided. Default <see cref="EvalSpec.TrialRule.AllPass"/>.</summary>
    public TrialRule TrialRule { get; set; } = TrialRule.AllPass;

    /// <summary>
    /// With <see cref="EvalSpec.TrialRule.PassRate"/>: the share of trials in [0, 1] that must pass. The row also
    /// reports the Wilson 95% lower bound of the pass rate. Default 0.8.
    /// </summary>
    public double PassRate { get; set; } = 0.8;

    /// <summary>
    /// Per-turn judging for conversations: when the method returns the whole exchange (a list of
    /// Microsoft.Extensions.AI <c>ChatMessage</c>s), the rubric panel judges every assistant turn in it on its own,
    /// seeing the conversation up to that turn, and the row passes only if every turn passes. Otherwise the
    /// exchange is judged as one output. Default false.
    /// </summary>
    public bool JudgeEachTurn { get; set; }

    /// <summary>
    /// Token budget of each row: the input and output tokens of the row's model calls, the system under test's and the
    /// judges' together (as reported in Microsoft.Extensions.AI <c>UsageDetails</c>), summed over its trials. A row over it
    /// fails with the figures. Unset (0): no token budget, unless evalspec.json's <c>Budgets</c> sets one. Set it to a value
    /// above 0 (the build reports ES1012 otherwise).
    /// </summary>
    public int MaxTokens { get; set; }

    /// <summary>
    /// Latency budget of each row in milliseconds: the wall time of the system under test's runs for the row (its source
    /// run, and its follow-up run in a relation row), summed over its trials; the judges' time is reported on its own and not
    /// counted. A replayed call is not the model's latency: in a run that replayed any of the row's calls the latency check is
    /// skipped and the row says so. Unset (0): no latency budget, unless evalspec.json's <c>Budgets</c> sets one. Set it to a
    /// value above 0 (the build reports ES1012 otherwise).
    /// </summary>
    public int MaxLatencyMs { get; set; }

    /// <summary>
    /// Cost budget of each row in US dollars: its tokens priced by evalspec.json's <c>Prices</c> table (per model id, USD per
    /// million input and output tokens); a model with no price fails the check, naming the model. Unset (0): no cost budget,
    /// unless evalspec.json's <c>Budgets</c> sets one. Set it to a value above 0 (the build reports ES1012 otherwise).
    /// </summary>
    public double MaxCostUsd { get; set; }
}
