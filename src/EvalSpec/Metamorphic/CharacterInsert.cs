using System;
using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Extra-letter typos: in about one word in five (at least one) of three or more Latin letters, a random
/// letter a-z is inserted after one of its letters ("refund" -> "refuznd"), in upper case when the word is in
/// all capitals. Use it as an invariant: the meaning survives a stray letter.
/// </summary>
/// <remarks>
/// Words in other scripts are left alone (a Latin letter inside "東京都" is not a typo anyone makes). Not
/// applicable (input returned unchanged) when no word has three or more letters, all Latin. Notes:
/// <c>["inserted"]</c>, e.g. <c>"refund -> refuznd"</c>.
/// </remarks>
public sealed class CharacterInsert : IMetamorphicRelation
{
    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        List<(int Start, int Length)> words = TextPerturbation.Words(input).FindAll(word => word.Length >= 3 && IsLatin(input, word));
        var edits = new List<TextEdit>();
        var changes = new List<string>();
        foreach ((int start, int length) in WordSample.Pick(words, context.Random))
        {
            // After the first, second, ... or last letter: never before the word, where it would read as a new word start.
            int offset = 1 + context.Random.Next(length);
            char letter = (char)('a' + context.Random.Next(26));
            string word = input.Substring(start, length);
            string inserted = WordCase.IsAllCaps(word) ? char.ToUpperInvariant(letter).ToString() : letter.ToString();
            edits.Add(new TextEdit(start + offset, 0, inserted));
            changes.Add(word + " -> " + word.Insert(offset, inserted));
        }

        if (edits.Count == 0)
        {
            return input;
        }

        context.Notes["inserted"] = ChangeNotes.Join(changes);
        return TextEdit.Apply(input, edits);
    }

    // Basic Latin, Latin-1 Supplement and Latin Extended-A/B letters.
    private static bool IsLatin(string input, (int Start, int Length) word)
    {
        for (int i = word.Start; i < word.Start + word.Length; i++)
        {
            if (input[i] > '\u024F')
            {
                return false;
            }
        }

        return true;
    }
}
