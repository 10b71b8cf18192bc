using System;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Punctuation noise: each sentence mark (<c>. , ? ! ; :</c>) is dropped or doubled with probability one
/// half each, and when the input has none, a trailing <c>?</c> or <c>...</c> is added.
/// </summary>
public sealed class PunctuationNoise : IMetamorphicRelation
{
    private const string Marks = ".,?!;:";

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        Random random = context.Random;
        var text = new StringBuilder(input.Length + 8);
        bool sawMark = false;
        foreach (char c in input)
        {
            if (Marks.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                text.Append(c);
                continue;
            }

            sawMark = true;
            if (random.Next(2) == 0)
            {
                text.Append(c).Append(c);
            }
        }

        if (!sawMark && input.Trim().Length > 0)
        {
            text.Append(random.Next(2) == 0 ? "?" : "...");
        }

        return text.ToString();
    }
}
