using System;
using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Spoken-style filler words: "um", "like", "basically", "you know", "I mean" or "actually" is inserted into
/// about one gap in ten between two words (at least one): "how long can I return my laptop" ->
/// "how long can I um return my laptop". Use it as an invariant: fillers carry no meaning.
/// </summary>
/// <remarks>
/// Fillers go only into a single space between two letters, i.e. inside a sentence, never after punctuation
/// or at a line break, so they never start a sentence and need no capital. Not applicable (input returned
/// unchanged) when there is no such gap (one word, empty input). Notes: <c>["fillers"]</c>, e.g.
/// <c>"um after \"can I\""</c>.
/// </remarks>
public sealed class FillerWords : IMetamorphicRelation
{
    private const double GapShare = 0.1;

    /// <summary>The fillers, as inserted.</summary>
    internal static readonly IReadOnlyList<string> Fillers = new[] { "um", "like", "basically", "you know", "I mean", "actually" };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        var gaps = new List<int>();
        for (int i = 1; i + 1 < input.Length; i++)
        {
            if (input[i] == ' ' && char.IsLetter(input[i - 1]) && char.IsLetter(input[i + 1]))
            {
                gaps.Add(i);
            }
        }

        if (gaps.Count == 0)
        {
            return input;
        }

        int count = Math.Max(1, (int)Math.Round(gaps.Count * GapShare, MidpointRounding.AwayFromZero));
        var edits = new List<TextEdit>();
        var changes = new List<string>();
        foreach (int index in TextPerturbation.PickDistinct(gaps.Count, count, context.Random))
        {
            int gap = gaps[index];
            string filler = Fillers[context.Random.Next(Fillers.Count)];
            edits.Add(new TextEdit(gap, 0, " " + filler));
            changes.Add($"{filler} after \"{WordBefore(input, gap)}\"");
        }

        context.Notes["fillers"] = ChangeNotes.Join(changes);
        return TextEdit.Apply(input, edits);
    }

    private static string WordBefore(string input, int gap)
    {
        int start = gap;
        while (start > 0 && !char.IsWhiteSpace(input[start - 1]))
        {
            start--;
        }

        return input.Substring(start, gap - start);
    }
}
