using System;
using System.Collections.Generic;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Dropped-letter typos: in about one word in five (at least one) of three or more letters, one letter is
/// deleted ("laptop" -> "lapop"). Use it as an invariant: the meaning survives a missing letter.
/// </summary>
/// <remarks>
/// Not applicable (input returned unchanged) when no word has three or more letters. Notes:
/// <c>["dropped"]</c>, e.g. <c>"laptop -> lapop"</c>.
/// </remarks>
public sealed class CharacterDrop : IMetamorphicRelation
{
    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        List<(int Start, int Length)> words = TextPerturbation.Words(input).FindAll(word => word.Length >= 3);
        var edits = new List<TextEdit>();
        var changes = new List<string>();
        foreach ((int start, int length) in WordSample.Pick(words, context.Random))
        {
            int position = start + context.Random.Next(length);
            edits.Add(new TextEdit(position, 1, string.Empty));
            string word = input.Substring(start, length);
            changes.Add(word + " -> " + word.Remove(position - start, 1));
        }

        if (edits.Count == 0)
        {
            return input;
        }

        context.Notes["dropped"] = ChangeNotes.Join(changes);
        return TextEdit.Apply(input, edits);
    }
}
