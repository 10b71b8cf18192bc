using System.Collections.Generic;

namespace EvalSpec.Cli.Comparing;

/// <summary>The multi-prompt section of one eval method in one run.</summary>
/// <param name="Variants">The method's prompt variant keys, in the summary's order.</param>
/// <param name="CasesUsed">Cases that ran under every variant (the ones the pass rates are over).</param>
/// <param name="Cases">All cases.</param>
/// <param name="VariantPassRate">Pass rate per variant, or null when no case ran under every variant.</param>
internal sealed record MethodPassRates(IReadOnlyList<string> Variants, int CasesUsed, int Cases, IReadOnlyDictionary<string, double>? VariantPassRate);
