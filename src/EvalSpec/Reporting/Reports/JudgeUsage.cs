using System.Collections.Generic;

namespace EvalSpec.Reporting.Reports;

/// <summary>What one judge did in a run and what it cost.</summary>
/// <param name="Judge">The judge's name.</param>
/// <param name="Models">The model ids its verdicts named (none for judges without a model).</param>
/// <param name="Pass">Pass verdicts.</param>
/// <param name="Fail">Fail verdicts.</param>
/// <param name="Inconclusive">Inconclusive verdicts (abstentions and errors).</param>
/// <param name="Errored">Inconclusive verdicts caused by a failure.</param>
/// <param name="ModelCalls">Model calls.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="Cost">The cost in US dollars, when the price table prices it.</param>
/// <param name="PricedAs">The price-table entry used, when priced.</param>
internal sealed record JudgeUsage(
    string Judge,
    IReadOnlyList<string> Models,
    int Pass,
    int Fail,
    int Inconclusive,
    int Errored,
    int ModelCalls,
    long InputTokens,
    long OutputTokens,
    double? Cost,
    string? PricedAs);
