using System.Collections.Generic;

namespace EvalSpec.Reporting.Reports;

/// <summary>An eval method's multi-prompt metrics (Mizrahi et al. 2024) over the cases decided under every variant.</summary>
/// <param name="MethodId">The method id.</param>
/// <param name="Variants">The variant keys.</param>
/// <param name="CasesUsed">Cases decided under every variant.</param>
/// <param name="Cases">All cases.</param>
/// <param name="VariantPassRate">Pass rate per variant over the cases used; null when no case was used.</param>
/// <param name="MaxP">Best variant's pass rate.</param>
/// <param name="AvgP">Mean pass rate over the variants.</param>
/// <param name="Saturation">1 - (MaxP - AvgP).</param>
/// <param name="Cps">Saturation x MaxP.</param>
/// <param name="PartlyPassingCases">Cases that pass under some wordings only.</param>
internal sealed record MultiPromptStatistics(
    string MethodId,
    IReadOnlyList<string> Variants,
    int CasesUsed,
    int Cases,
    IReadOnlyDictionary<string, double>? VariantPassRate,
    double? MaxP,
    double? AvgP,
    double? Saturation,
    double? Cps,
    IReadOnlyList<string> PartlyPassingCases);
