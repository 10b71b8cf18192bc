using System.Collections.Generic;

namespace EvalSpec.Cli.Comparing;

/// <summary>The ranked configurations under one variant, best first; configurations with equal pass rates share a group.</summary>
internal sealed record VariantRanking(string Variant, IReadOnlyList<IReadOnlyList<string>> Groups);
