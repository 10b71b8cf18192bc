using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Sentence reordering: the statements of a one-paragraph input are shuffled, while a final question (the
/// ask) stays last: "I bought a laptop. The screen flickers. Can I return it?" ->
/// "The screen flickers. I bought a laptop. Can I return it?". Use it as an invariant: the facts are the
/// same whatever their order.
/// </summary>
/// <remarks>
/// <para>The "safe" heuristic, conservative on purpose (a reordering that changes the meaning would blame the
/// model for the relation's mistake):</para>
/// <list type="bullet">
/// <item><description>Sentences end at <c>. ! ?</c> (or <c>…</c>) followed by white space or the end, except after
/// common abbreviations ("Mr.", "e.g.", "approx.") and single-letter initials.</description></item>
/// <item><description>The final run of questions, and a final sentence without end punctuation, stay last in
/// their order: that is what the user asks.</description></item>
/// <item><description>A sentence that starts with a word pointing back ("It", "This", "They", "She", "Then",
/// "But", "Also", "However", ...) stays glued to the sentence before it; glued sentences move as one
/// group.</description></item>
/// <item><description>Not applicable (input returned unchanged) when the input has a line break (lists, code and
/// headings have an order of their own), a question before the last statement (it may depend on what came
/// before), a sentence starting with an ordering word ("First", "Next", "Finally", ...), or fewer than two
/// groups to reorder.</description></item>
/// </list>
/// <para>The white space between sentences stays where it was. Notes: <c>["reordered"]</c>, e.g.
/// <c>"sentence order 2, 1, 3 (final question kept last)"</c>.</para>
/// </remarks>
public sealed class SentenceReorder : IMetamorphicRelation
{
    private const int MaxListedPositions = 12;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "approx", "no", "inc", "ltd", "co", "fig", "dept",
    };

    private static readonly HashSet<string> PointingBack = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "it's", "this", "that", "these", "those", "they", "them", "their", "there", "he", "she", "his", "her",
        "then", "so", "but", "and", "or", "also", "however", "therefore", "thus", "because", "since", "after", "afterwards",
        "later", "still", "yet", "though", "although", "instead", "otherwise", "which", "as", "besides", "furthermore",
        "moreover", "plus", "anyway", "meanwhile", "again", "now", "both", "such", "same", "another", "other", "too", "either", "neither",
    };

    private static readonly HashSet<string> Ordering = new(StringComparer.OrdinalIgnoreCase)
    {
        "first", "firstly", "second", "secondly", "third", "thirdly", "next", "finally", "lastly",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        if (input.Contains('\n', StringComparison.Ordinal) || input.Contains('\r', StringComparison.Ordinal))
        {
            return input;
        }

        List<(int Start, int End)> sentences = Split(input);
        int movable = sentences.Count;
        while (movable > 0 && IsAsk(input, sentences[movable - 1]))
        {
            movable--;
        }

        for (int s = 0; s < sentences.Count; s++)
        {
            string first = FirstWord(input, sentences[s]);
            if ((s < movable && IsQuestion(input, sentences[s])) || Ordering.Contains(first))
            {
                return input;
            }
        }

        // Groups of sentence indexes: a sentence pointing back joins the group before it.
        var groups = new List<List<int>>();
        for (int s = 0; s < movable; s++)
        {
            if (groups.Count > 0 && PointingBack.Contains(FirstWord(input, sentences[s])))
            {
                groups[groups.Count - 1].Add(s);
            }
            else
            {
                groups.Add(new List<int> { s });
            }
        }

        if (groups.Count < 2)
        {
            return input;
        }

        int[] order = Shuffle(groups.Count, context.Random);
        int[] sentenceOrder = order.SelectMany(g => groups[g]).Concat(Enumerable.Range(movable, sentences.Count - movable)).ToArray();

        // Slot i keeps the white space that followed sentence i; only the sentences change places.
        var text = new StringBuilder(input.Length);
        text.Append(input, 0, sentences[0].Start);
        for (int slot = 0; slot < sentences.Count; slot++)
        {
            (int start, int end) = sentences[sentenceOrder[slot]];
            text.Append(input, start, end - start);
            int gapEnd = slot + 1 < sentences.Count ? sentences[slot + 1].Start : input.Length;
            text.Append(input, sentences[slot].End, gapEnd - sentences[slot].End);
        }

        string positions = string.Join(", ", sentenceOrder.Take(Math.Min(movable, MaxListedPositions)).Select(s => (s + 1).ToString(CultureInfo.InvariantCulture)));
        if (movable > MaxListedPositions)
        {
            positions += ", ...";
        }

        string kept = movable < sentences.Count ? " (final question kept last)" : string.Empty;
        context.Notes["reordered"] = "sentence order " + positions + kept;
        return text.ToString();
    }

    /// <summary>Start and end (exclusive) of each sentence, without the white space between them.</summary>
    internal static List<(int Start, int End)> Split(string input)
    {
        var sentences = new List<(int Start, int End)>();
        int i = 0;
        while (i < input.Length)
        {
            while (i < input.Length && char.IsWhiteSpace(input[i]))
            {
                i++;
            }

            if (i >= input.Length)
            {
                break;
            }

            int start = i;
            int end = input.Length;
            while (i < input.Length)
            {
                if (IsTerminal(input[i]) && !IsAbbreviation(input, start, i))
                {
                    int j = i;
                    while (j < input.Length && (IsTerminal(input[j]) || IsCloser(input[j])))
                    {
                        j++;
                    }

                    if (j == input.Length || char.IsWhiteSpace(input[j]))
                    {
                        end = j;
                        i = j;
                        break;
                    }

                    i = j;
                    continue;
                }

                i++;
            }

            if (end == input.Length)
            {
                i = input.Length;
                while (end > start && char.IsWhiteSpace(input[end - 1]))
                {
                    end--;
                }
            }

            sentences.Add((start, end));
        }

        return sentences;
    }

    // The ask: a question, or a last fragment without end punctuation ("how long do I have").
    private static bool IsAsk(string input, (int Start, int End) sentence) =>
        IsQuestion(input, sentence) || !IsTerminal(LastNonCloser(input, sentence));

    private static bool IsQuestion(string input, (int Start, int End) sentence) => LastNonCloser(input, sentence) == '?';

    private static char LastNonCloser(string input, (int Start, int End) sentence)
    {
        int i = sentence.End - 1;
        while (i > sentence.Start && IsCloser(input[i]))
        {
            i--;
        }

        return input[i];
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '\u2026';

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019';

    // A period right after an abbreviation or a single-letter initial ("J. Smith") does not end a sentence.
    private static bool IsAbbreviation(string input, int sentenceStart, int period)
    {
        if (input[period] != '.')
        {
            return false;
        }

        int start = period;
        while (start > sentenceStart && (char.IsLetter(input[start - 1]) || input[start - 1] == '.'))
        {
            start--;
        }

        string word = input.Substring(start, period - start);
        return (word.Length == 1 && char.IsLetter(word[0])) || Abbreviations.Contains(word);
    }

    private static string FirstWord(string input, (int Start, int End) sentence)
    {
        int i = sentence.Start;
        while (i < sentence.End && !char.IsLetter(input[i]))
        {
            i++;
        }

        int start = i;
        while (i < sentence.End && (char.IsLetter(input[i]) || (WordSample.IsApostrophe(input[i]) && i + 1 < sentence.End && char.IsLetter(input[i + 1]))))
        {
            i++;
        }

        return input.Substring(start, i - start).Replace('\u2019', '\'');
    }

    // A random order of 0..n-1 that differs from the original order (n >= 2): a Fisher-Yates shuffle, and when
    // that happens to give the original order back, two random groups trade places.
    private static int[] Shuffle(int n, Random random)
    {
        int[] order = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        if (order.SequenceEqual(Enumerable.Range(0, n)))
        {
            List<int> pair = TextPerturbation.PickDistinct(n, 2, random);
            (order[pair[0]], order[pair[1]]) = (order[pair[1]], order[pair[0]]);
        }

        return order;
    }
}
