using System.Collections.Generic;

namespace EvalSpec.Cli.Comparing;

/// <summary>One eval method compared across the configurations whose runs have it.</summary>
/// <param name="Method">The eval method id.</param>
/// <param name="Rows">One row per configuration that ran the method, in the order the runs were given.</param>
/// <param name="SharedVariants">The variants with a pass rate in every ranked configuration: the raters of W and the basis of the metrics.</param>
/// <param name="LeftOutVariants">Variants some ranked configuration has no pass rate for; left out of the metrics and of W.</param>
/// <param name="Ranked">The configurations with pass rates: the items W ranks.</param>
/// <param name="Unranked">Configurations whose run has no pass rates for the method (no case ran under every variant).</param>
/// <param name="KendallW">Kendall's W, or null when it is undefined (see <paramref name="UndefinedReason"/>).</param>
/// <param name="UndefinedReason">Why W is undefined, or null.</param>
/// <param name="Rankings">The configurations in order under each shared variant.</param>
/// <param name="BestUnderEveryVariant">The configurations at the top under every shared variant (several when tied); empty when the best depends on the variant.</param>
internal sealed record MethodComparison(
    string Method,
    IReadOnlyList<ConfigurationRow> Rows,
    IReadOnlyList<string> SharedVariants,
    IReadOnlyList<string> LeftOutVariants,
    IReadOnlyList<string> Ranked,
    IReadOnlyList<string> Unranked,
    double? KendallW,
    string? UndefinedReason,
    IReadOnlyList<VariantRanking> Rankings,
    IReadOnlyList<string> BestUnderEveryVariant);
