using System;
using System.Collections.Generic;
using EvalSpec.Metamorphic;

namespace FaqBot.Evals;

/// <summary>
/// A directional relation written for this suite: asks about a product of the other return-window category
/// (30-day computers and watches vs 14-day audio products), so the answer must change.
/// </summary>
public sealed class ProductCategorySwap : IMetamorphicRelation
{
    private static readonly Dictionary<string, string> Swaps = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a laptop"] = "headphones",
        ["a tablet"] = "wireless earbuds",
        ["a desktop computer"] = "headphones",
        ["a smartwatch"] = "wireless earbuds",
        ["headphones"] = "a laptop",
        ["wireless earbuds"] = "a tablet",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        if (!Swaps.TryGetValue(input, out string? other))
        {
            return input;
        }

        context.Notes["product"] = input + " -> " + other;
        return other;
    }
}
