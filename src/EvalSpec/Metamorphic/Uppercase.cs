using System;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Upper-cases the whole input (invariant culture), as in a message typed with caps lock on. Use it as an
/// invariant.
/// </summary>
/// <remarks>
/// Not applicable (input returned unchanged) when the input has no lower-case letter. Notes:
/// <c>["case"] = "upper-cased"</c>.
/// </remarks>
public sealed class Uppercase : IMetamorphicRelation
{
    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        string upper = input.ToUpperInvariant();
        if (string.Equals(upper, input, StringComparison.Ordinal))
        {
            return input;
        }

        context.Notes["case"] = "upper-cased";
        return upper;
    }
}
