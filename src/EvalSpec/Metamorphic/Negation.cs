using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Conversations;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Negation: the first auxiliary, modal or copula of the input is negated ("is" -> "is not", "can" ->
/// "cannot", "will" -> "will not", "does" -> "does not"), or, when the first one found is already negated,
/// the negation is removed ("don't" -> "do", "is not" -> "is", "cannot" -> "can"). Use it as a directional
/// relation: <c>[Directional&lt;Negation&gt;(Expect = Change.Differs)]</c> — a question that asks the opposite
/// must not get the same answer.
/// </summary>
/// <remarks>
/// <para>Simple rules, in text order; the first word they apply to is changed and nothing else:</para>
/// <list type="bullet">
/// <item><description>Negated forms (isn't, aren't, wasn't, weren't, can't, cannot, couldn't, won't, wouldn't,
/// shouldn't, mustn't, doesn't, don't, didn't, hasn't, haven't, hadn't, and "X not" for every word below) lose
/// their negation.</description></item>
/// <item><description>is, are, was, were, am, can, could, will, would, should, must, may, might, shall are
/// negated.</description></item>
/// <item><description>do, does, did are negated when they start a question or are followed by a word that is not a
/// determiner or pronoun ("I do need" -> "I do not need"; "I did my best" is left alone: there "did" is the main
/// verb).</description></item>
/// <item><description>has, have, had are negated only when followed by a past participle (a word ending in
/// "-ed" or "-en", or a common irregular one: been, done, got, made, paid, sent, ...) or when they start a
/// question; "I have a laptop" and "I have to return it" are left alone.</description></item>
/// <item><description>In a question (the word starts a sentence, or a subject pronoun follows: "Can I",
/// "how long do I") the contracted form is used: "Can I" -> "Can't I", "do I" -> "don't I"; am, may, might
/// and shall have none and are then left alone.</description></item>
/// </list>
/// <para>Case is kept ("Is" -> "Isn't", "IS" -> "IS NOT"). Not applicable (input returned unchanged) when
/// nothing can be negated. Notes: <c>["negation"]</c>, e.g. <c>"is -> is not"</c> or <c>"don't -> do"</c>.</para>
/// </remarks>
public sealed class Negation : IMetamorphicRelation, IConversationRelation
{
    /// <summary>In a conversation it changes the last user turn only, the one the system under test answers.</summary>
    public ConversationScope Scope => ConversationScope.LastUserTurn;

    private static readonly string[] Auxiliaries =
    {
        "is", "are", "was", "were", "am", "can", "could", "will", "would", "should", "must", "may", "might", "shall",
        "do", "does", "did", "has", "have", "had",
    };

    private static readonly Dictionary<string, string> Contracted = new(StringComparer.Ordinal)
    {
        ["is"] = "isn't", ["are"] = "aren't", ["was"] = "wasn't", ["were"] = "weren't", ["can"] = "can't",
        ["could"] = "couldn't", ["will"] = "won't", ["would"] = "wouldn't", ["should"] = "shouldn't", ["must"] = "mustn't",
        ["do"] = "don't", ["does"] = "doesn't", ["did"] = "didn't", ["has"] = "hasn't", ["have"] = "haven't", ["had"] = "hadn't",
    };

    // Negated form -> positive form.
    private static readonly Dictionary<string, string> Negated = BuildNegated();

    private static readonly PhraseMatcher Matcher = new(Negated.Keys.Concat(Auxiliaries));

    private static readonly HashSet<string> SubjectPronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "you", "he", "she", "it", "we", "they", "there",
    };

    // After these, do/does/did is the main verb ("did my best", "do it").
    private static readonly HashSet<string> DeterminersAndPronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
        "some", "any", "no", "every", "each", "all", "it", "them", "me", "us", "him", "what", "so", "well", "too",
        "something", "anything", "nothing", "everything", "not",
    };

    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "been", "done", "got", "gotten", "made", "paid", "sent", "bought", "had", "lost", "left", "kept", "told", "said",
        "found", "put", "read", "set", "spent", "brought", "thought", "heard", "built", "sold", "seen", "taken", "given",
        "gone", "come", "run", "won", "tried", "applied", "replied",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        foreach (PhraseMatch match in Matcher.FindAll(input))
        {
            string original = input.Substring(match.Start, match.Length);
            string? replacement = Negated.TryGetValue(match.Phrase, out string? positive)
                ? (match.Phrase.EndsWith(" not", StringComparison.Ordinal) ? original.Substring(0, positive.Length) : WordCase.Apply(original, positive))
                : Negate(input, match, original);
            if (replacement is null)
            {
                continue;
            }

            context.Notes["negation"] = original + " -> " + replacement;
            return TextEdit.Apply(input, new[] { new TextEdit(match.Start, match.Length, replacement) });
        }

        return input;
    }

    // The negated auxiliary, or null when this occurrence is left alone.
    private static string? Negate(string input, PhraseMatch match, string original)
    {
        string auxiliary = match.Phrase;
        string? next = NextWord(input, match.Start + match.Length);
        bool question = StartsSentence(input, match.Start) || (next is not null && SubjectPronouns.Contains(next));

        bool applies = auxiliary switch
        {
            "do" or "does" or "did" => question || (next is not null && !DeterminersAndPronouns.Contains(next)),
            "has" or "have" or "had" => question || (next is not null && IsParticiple(next)),
            _ => true,
        };
        if (!applies)
        {
            return null;
        }

        if (question)
        {
            return Contracted.TryGetValue(auxiliary, out string? contracted) ? WordCase.Apply(original, contracted) : null;
        }

        if (auxiliary == "can")
        {
            return WordCase.Apply(original, "cannot");
        }

        return original + (WordCase.IsAllCaps(original) ? " NOT" : " not");
    }

    private static bool IsParticiple(string word) =>
        IrregularParticiples.Contains(word)
        || (word.Length > 3 && (word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("en", StringComparison.OrdinalIgnoreCase)));

    // The word after one space at `end`, if any.
    private static string? NextWord(string input, int end)
    {
        if (end + 1 >= input.Length || input[end] != ' ' || !char.IsLetter(input[end + 1]))
        {
            return null;
        }

        int wordEnd = end + 1;
        while (wordEnd < input.Length && char.IsLetter(input[wordEnd]))
        {
            wordEnd++;
        }

        return input.Substring(end + 1, wordEnd - end - 1);
    }

    private static bool StartsSentence(string input, int start)
    {
        int i = start - 1;
        while (i >= 0 && (char.IsWhiteSpace(input[i]) || input[i] is '"' or '(' or '\u201C' or '\''))
        {
            i--;
        }

        return i < 0 || input[i] is '.' or '!' or '?' or ':' or ';';
    }

    private static Dictionary<string, string> BuildNegated()
    {
        var negated = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["isn't"] = "is", ["aren't"] = "are", ["wasn't"] = "was", ["weren't"] = "were", ["can't"] = "can", ["cannot"] = "can",
            ["couldn't"] = "could", ["won't"] = "will", ["wouldn't"] = "would", ["shouldn't"] = "should", ["mustn't"] = "must",
            ["doesn't"] = "does", ["don't"] = "do", ["didn't"] = "did", ["hasn't"] = "has", ["haven't"] = "have", ["hadn't"] = "had",
        };
        foreach (string auxiliary in Auxiliaries)
        {
            negated[auxiliary + " not"] = auxiliary;
        }

        return negated;
    }
}
