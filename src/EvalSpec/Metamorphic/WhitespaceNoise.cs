using System;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Whitespace noise: leading and trailing blanks, and about one gap in three between words widened to
/// two or three spaces or a tab. Words and punctuation are untouched.
/// </summary>
public sealed class WhitespaceNoise : IMetamorphicRelation
{
    private static readonly string[] Gaps = { "  ", "   ", "\t", " \t " };
    private static readonly string[] Edges = { " ", "  ", "\n", " \n" };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        Random random = context.Random;
        var text = new StringBuilder(input.Length + 16);
        text.Append(Edges[random.Next(Edges.Length)]);
        for (int i = 0; i < input.Length; i++)
        {
            char c = input[i];
            if (c == ' ' && random.Next(3) == 0)
            {
                text.Append(Gaps[random.Next(Gaps.Length)]);
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append(Edges[random.Next(Edges.Length)]);
        return text.ToString();
    }
}
