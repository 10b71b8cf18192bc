using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Contractions: when the input has contractions, every one of them is expanded ("don't" -> "do not",
/// "I'm" -> "I am"); otherwise every expandable phrase is contracted ("do not" -> "don't"). About 35 common
/// pairs; case is kept ("Don't" -> "Do not", "DO NOT" -> "DON'T"). Use it as an invariant.
/// </summary>
/// <remarks>
/// Both the ASCII apostrophe and ’ are recognised; contractions are written with the ASCII one. A phrase is
/// contracted only when a word follows it ("it is broken" -> "it's broken", but "yes, it is." stays, since
/// "yes, it's." is not English). When both would fit, the negation is contracted ("it is not" -> "it isn't",
/// not "it's not"), so that applying the relation twice gives the input back. Not applicable (input returned
/// unchanged) when there is nothing to expand or contract. Notes: <c>["expanded"]</c> or
/// <c>["contracted"]</c>, e.g. <c>"don't -> do not; I'm -> I am"</c>.
/// </remarks>
public sealed class Contractions : IMetamorphicRelation
{
    private static readonly PhraseMatcher ContractedForms = new(ContractionLexicon.Expansions.Keys);

    // Negations first: "it is not" becomes "it isn't", not "it's not", so that expanding gives it back.
    private static readonly PhraseMatcher ExpandedNegations = new(ContractionLexicon.Contracted.Keys.Where(IsNegation));

    private static readonly PhraseMatcher ExpandedOthers = new(ContractionLexicon.Contracted.Keys.Where(phrase => !IsNegation(phrase)));

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        List<PhraseMatch> contracted = ContractedForms.FindAll(input);
        if (contracted.Count > 0)
        {
            return Replace(input, contracted, ContractionLexicon.Expansions, context, "expanded");
        }

        List<PhraseMatch> negations = ExpandedNegations.FindAll(input).FindAll(match => IsFollowedByWord(input, match.Start + match.Length));
        var inNegation = new bool[input.Length];
        foreach (PhraseMatch negation in negations)
        {
            Array.Fill(inNegation, true, negation.Start, negation.Length);
        }

        List<PhraseMatch> expanded = ExpandedOthers.FindAll(input)
            .FindAll(match => IsFollowedByWord(input, match.Start + match.Length) && !Array.Exists(inNegation[match.Start..(match.Start + match.Length)], covered => covered));
        expanded.AddRange(negations);
        expanded.Sort((a, b) => a.Start.CompareTo(b.Start));
        return expanded.Count > 0 ? Replace(input, expanded, ContractionLexicon.Contracted, context, "contracted") : input;
    }

    private static string Replace(string input, List<PhraseMatch> matches, IReadOnlyDictionary<string, string> replacements, MetamorphicContext context, string note)
    {
        var edits = new List<TextEdit>(matches.Count);
        var changes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PhraseMatch match in matches)
        {
            string original = input.Substring(match.Start, match.Length);
            string replacement = WordCase.Apply(original, replacements[match.Phrase]);
            edits.Add(new TextEdit(match.Start, match.Length, replacement));
            string change = original + " -> " + replacement;
            if (seen.Add(change))
            {
                changes.Add(change);
            }
        }

        context.Notes[note] = ChangeNotes.Join(changes);
        return TextEdit.Apply(input, edits);
    }

    private static bool IsNegation(string phrase) => phrase.EndsWith(" not", StringComparison.Ordinal) || phrase == "cannot";

    private static bool IsFollowedByWord(string input, int end) =>
        end + 1 < input.Length && input[end] == ' ' && char.IsLetter(input[end + 1]);
}
