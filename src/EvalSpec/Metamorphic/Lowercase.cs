using System;

namespace EvalSpec.Metamorphic;

/// <summary>Lower-cases the whole input (invariant culture), as people typing quickly often do.</summary>
public sealed class Lowercase : IMetamorphicRelation
{
    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ToLowerInvariant();
    }
}
