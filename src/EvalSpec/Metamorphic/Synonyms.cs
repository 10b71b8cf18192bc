using System;
using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Synonym replacement: one or two words or phrases from a built-in lexicon of about 130 pairs common in
/// support and product questions (buy/purchase, return/send back, refund/reimbursement, broken/damaged, ...)
/// are replaced by their synonym, in either direction, keeping the case of the original ("Buy" -> "Purchase",
/// "BUY" -> "PURCHASE"). Use it as an invariant: a paraphrase at the word level must not change the answer.
/// </summary>
/// <remarks>
/// Matching is case-insensitive, on whole words (longest phrase first: "send back" before "send"). Words are
/// not inflected: the lexicon pairs inflected forms (bought/purchased) instead. An article right before the
/// replaced word follows it ("an item" -> "a product"), and an object pronoun moves inside a phrasal verb
/// ("return it" -> "send it back"). Words that are both verb and noun are replaced only in the sense the
/// lexicon lists, judged from the neighbouring words: "return" as a verb ("the return policy" stays), "refund"
/// as a noun ("a refund" changes, "refund me" stays). Not applicable (input returned unchanged) when no
/// lexicon word occurs. Notes: <c>["synonyms"]</c>, e.g. <c>"buy -> purchase; an item -> a product"</c>.
/// </remarks>
public sealed class Synonyms : IMetamorphicRelation
{
    private static readonly PhraseMatcher Matcher = new(SynonymLexicon.Alternatives.Keys);

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase) { "back", "off", "up", "out" };

    private static readonly HashSet<string> ObjectPronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "them", "this", "that", "these", "those", "him", "her", "me", "us",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        List<PhraseMatch> matches = Matcher.FindAll(input).FindAll(match => FitsPartOfSpeech(input, match));
        if (matches.Count == 0)
        {
            return input;
        }

        int count = Math.Min(matches.Count, 1 + context.Random.Next(2));
        var edits = new List<TextEdit>();
        var changes = new List<string>();
        int editedUpTo = 0;
        foreach (int index in TextPerturbation.PickDistinct(matches.Count, count, context.Random))
        {
            PhraseMatch match = matches[index];
            string[] options = SynonymLexicon.Alternatives[match.Phrase];
            string original = input.Substring(match.Start, match.Length);
            string synonym = WordCase.Apply(original, options[context.Random.Next(options.Length)]);
            TextEdit edit = SplitPhrasalVerb(input, match, synonym) ?? new TextEdit(match.Start, match.Length, synonym);
            if (Article(input, match.Start) is TextEdit article && StartsWithVowel(synonym) != StartsWithVowel(original))
            {
                string fixedArticle = WordCase.Apply(input.Substring(article.Start, article.Length), StartsWithVowel(synonym) ? "an" : "a");
                edit = new TextEdit(article.Start, edit.Start + edit.Length - article.Start, fixedArticle + " " + edit.Replacement);
            }

            // Matches never overlap, but an edit that takes in a neighbouring word could reach the next one.
            if (edit.Start < editedUpTo)
            {
                continue;
            }

            edits.Add(edit);
            editedUpTo = edit.Start + edit.Length;
            changes.Add(input.Substring(edit.Start, edit.Length) + " -> " + edit.Replacement);
        }

        context.Notes["synonyms"] = ChangeNotes.Join(changes);
        return TextEdit.Apply(input, edits);
    }

    // "return" is replaced only as a verb ("return it", not "the return policy"), "refund" only as a noun
    // ("a refund", not "refund me"): judged from the word before and the word after.
    private static bool FitsPartOfSpeech(string input, PhraseMatch match)
    {
        bool verb = SynonymLexicon.VerbUses.Contains(match.Phrase);
        bool noun = SynonymLexicon.NounUses.Contains(match.Phrase);
        if (!verb && !noun)
        {
            return true;
        }

        bool readsAsNoun = SynonymLexicon.ReadsAsNoun(NeighbourWord(input, match.Start, -1), NeighbourWord(input, match.Start + match.Length, +1));
        return noun ? readsAsNoun : !readsAsNoun;
    }

    // The word one space before `position` (direction -1) or one space after it (+1); empty when there is none.
    private static string NeighbourWord(string input, int position, int direction)
    {
        if (direction < 0)
        {
            int end = position - 1;
            if (end < 1 || input[end] != ' ')
            {
                return string.Empty;
            }

            int start = end;
            while (start > 0 && char.IsLetter(input[start - 1]))
            {
                start--;
            }

            return input.Substring(start, end - start);
        }

        if (position + 1 >= input.Length || input[position] != ' ')
        {
            return string.Empty;
        }

        int wordEnd = position + 1;
        while (wordEnd < input.Length && char.IsLetter(input[wordEnd]))
        {
            wordEnd++;
        }

        return input.Substring(position + 1, wordEnd - position - 1);
    }

    // "return it" -> "send it back", not "send back it": an object pronoun goes between a phrasal verb and its
    // particle. The edit then covers the pronoun too.
    private static TextEdit? SplitPhrasalVerb(string input, PhraseMatch match, string synonym)
    {
        int space = synonym.LastIndexOf(' ');
        int end = match.Start + match.Length;
        if (space < 0 || !Particles.Contains(synonym.Substring(space + 1)) || end + 1 >= input.Length || input[end] != ' ')
        {
            return null;
        }

        int pronounEnd = end + 1;
        while (pronounEnd < input.Length && char.IsLetter(input[pronounEnd]))
        {
            pronounEnd++;
        }

        string pronoun = input.Substring(end + 1, pronounEnd - end - 1);
        if (!ObjectPronouns.Contains(pronoun) || !PhraseMatcher.IsWordEnd(input, pronounEnd))
        {
            return null;
        }

        return new TextEdit(match.Start, pronounEnd - match.Start, synonym.Substring(0, space) + " " + pronoun + synonym.Substring(space));
    }

    // The indefinite article "a" or "an" followed by one space right before position `start`, if any (its
    // replacement is left empty).
    private static TextEdit? Article(string input, int start)
    {
        int end = start - 1;
        if (end < 1 || input[end] != ' ')
        {
            return null;
        }

        foreach (int length in new[] { 2, 1 })
        {
            int articleStart = end - length;
            if (articleStart >= 0
                && PhraseMatcher.IsWordStart(input, articleStart)
                && string.Equals(input.Substring(articleStart, length), length == 2 ? "an" : "a", StringComparison.OrdinalIgnoreCase))
            {
                return new TextEdit(articleStart, length, string.Empty);
            }
        }

        return null;
    }

    // Vowel letter first: good enough for the lexicon's words (it has no "user", "hour" or "unit").
    private static bool StartsWithVowel(string word) => word.Length > 0 && "aeiouAEIOU".IndexOf(word[0], StringComparison.Ordinal) >= 0;
}
