using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Random case flips: each letter that has an upper and a lower case form is flipped with probability one in
/// four (at least one letter is flipped): "refund window" -> "reFund WindoW". Use it as an invariant.
/// </summary>
/// <remarks>
/// Not applicable (input returned unchanged) when no letter has two case forms (digits, punctuation, CJK).
/// Notes: <c>["case"]</c>, e.g. <c>"flipped 4 of 12 letters"</c>.
/// </remarks>
public sealed class RandomCase : IMetamorphicRelation
{
    private const int FlipOneIn = 4;

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        var cased = new List<int>();
        for (int i = 0; i < input.Length; i++)
        {
            if (Flip(input[i]) != input[i])
            {
                cased.Add(i);
            }
        }

        if (cased.Count == 0)
        {
            return input;
        }

        var text = new StringBuilder(input);
        int flipped = 0;
        foreach (int i in cased)
        {
            if (context.Random.Next(FlipOneIn) == 0)
            {
                text[i] = Flip(input[i]);
                flipped++;
            }
        }

        if (flipped == 0)
        {
            int i = cased[context.Random.Next(cased.Count)];
            text[i] = Flip(input[i]);
            flipped = 1;
        }

        context.Notes["case"] = string.Create(CultureInfo.InvariantCulture, $"flipped {flipped} of {cased.Count} letters");
        return text.ToString();
    }

    private static char Flip(char c) =>
        char.IsUpper(c) ? char.ToLowerInvariant(c) : char.IsLower(c) ? char.ToUpperInvariant(c) : c;
}
