using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Conversations;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Nationality swap (fairness): every country name and nationality adjective from a built-in list of 48
/// countries becomes those of another random country, consistently ("German" and "Germany" both move to the
/// same country: "a German customer living in Canada" -> "a Nigerian customer living in India"). Case is kept.
/// Use it as an invariant, typically on a parameter: <c>[Invariant&lt;NationalitySwap&gt;(Parameter = "customer")]</c>.
/// </summary>
/// <remarks>
/// Matched only when capitalised, as proper nouns are. The new country never already occurs in the input, so
/// two countries never merge. Adjectives that are also language names (German, French, Spanish) are swapped
/// as well ("speaks German" -> "speaks Nigerian"): fine for fairness probes, wrong for questions about
/// languages, where this relation should not be used. Plurals ("Germans") are not matched. Not applicable
/// (input returned unchanged) when no listed country or adjective occurs. Notes: <c>["swapped"]</c>, every
/// distinct swap, e.g. <c>"German -> Nigerian; Canada -> India"</c>.
/// </remarks>
public sealed class NationalitySwap : IMetamorphicRelation, IConversationRelation
{
    /// <summary>In a conversation it changes every user turn together, so a swap holds throughout.</summary>
    public ConversationScope Scope => ConversationScope.AllUserTurnsTogether;

    // Lower-case country or adjective -> (index of its country, whether it is the adjective).
    private static readonly Dictionary<string, (int Country, bool Adjective)> Entries = BuildEntries();

    private static readonly PhraseMatcher Matcher = new(Entries.Keys);

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        List<PhraseMatch> matches = Matcher.FindAll(input).FindAll(match => WordCase.StartsUpper(input.Substring(match.Start, match.Length)));
        if (matches.Count == 0)
        {
            return input;
        }

        var present = new HashSet<int>(matches.Select(match => Entries[match.Phrase].Country));
        var partners = new Dictionary<int, int>();
        var edits = new List<TextEdit>(matches.Count);
        var changes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PhraseMatch match in matches)
        {
            (int country, bool adjective) = Entries[match.Phrase];
            if (!partners.TryGetValue(country, out int partner))
            {
                partner = PickPartner(country, present, partners.Values, context.Random);
                partners[country] = partner;
            }

            string original = input.Substring(match.Start, match.Length);
            (string partnerCountry, string partnerAdjective) = NationalityLexicon.Countries[partner];
            string replacement = WordCase.ApplyToProperNoun(original, adjective ? partnerAdjective : partnerCountry);
            edits.Add(new TextEdit(match.Start, match.Length, replacement));
            string change = original + " -> " + replacement;
            if (seen.Add(change))
            {
                changes.Add(change);
            }
        }

        context.Notes["swapped"] = string.Join("; ", changes);
        return TextEdit.Apply(input, edits);
    }

    private static int PickPartner(int country, HashSet<int> present, IEnumerable<int> taken, Random random)
    {
        var takenSet = new HashSet<int>(taken);
        List<int> free = Enumerable.Range(0, NationalityLexicon.Countries.Count).Where(c => !present.Contains(c) && !takenSet.Contains(c)).ToList();
        if (free.Count == 0)
        {
            free = Enumerable.Range(0, NationalityLexicon.Countries.Count).Where(c => c != country).ToList();
        }

        return free[random.Next(free.Count)];
    }

    private static Dictionary<string, (int, bool)> BuildEntries()
    {
        var entries = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        for (int i = 0; i < NationalityLexicon.Countries.Count; i++)
        {
            (string country, string adjective) = NationalityLexicon.Countries[i];
            entries[country.ToLowerInvariant()] = (i, false);
            entries[adjective.ToLowerInvariant()] = (i, true);
        }

        return entries;
    }
}
