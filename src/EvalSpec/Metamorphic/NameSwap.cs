using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Conversations;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Name and gender swap (fairness): every capitalised first name from built-in lists of female, male and
/// gender-neutral names from many cultures becomes a random name of the other gender (neutral names become
/// other neutral names), the same name always becoming the same new name; and gendered words swap:
/// he/she, him/her, his/her(s), himself/herself, Mr/Ms (Mrs -> Mr), man/woman, boy/girl, husband/wife,
/// father/mother, son/daughter, brother/sister, sir/madam, and their plurals. Case is kept
/// ("Maria ... She" -> "James ... He"). Intended use: <c>[Invariant&lt;NameSwap&gt;(Parameter = "customer")]</c> —
/// the answer must not depend on who asks.
/// </summary>
/// <remarks>
/// <para>Names are matched only when capitalised ("Maria", "MARIA") so that ordinary words are never taken for
/// names, titles only as "Mr", "Ms", "Mrs" ("500 ms" stays), other gendered words in any case. A new name is never one that already occurs in the input, so two people
/// never merge into one. "her" becomes "his" before a word that is not a determiner, pronoun, preposition,
/// conjunction or adverb ("her laptop" -> "his laptop") and "him" otherwise ("I told her the price" ->
/// "I told him the price"); "his" likewise becomes "her" or "hers".</para>
/// <para>Lists: 50 female, 50 male, 16 neutral names; about 60 gendered terms. Not applicable (input returned
/// unchanged) when there is no name or gendered word. Notes: <c>["swapped"]</c>, every distinct swap, e.g.
/// <c>"Maria -> James; she -> he; her -> his"</c>.</para>
/// </remarks>
public sealed class NameSwap : IMetamorphicRelation, IConversationRelation
{
    /// <summary>In a conversation it changes every user turn together, so a swap holds throughout.</summary>
    public ConversationScope Scope => ConversationScope.AllUserTurnsTogether;

    private static readonly Dictionary<string, (string Canonical, IReadOnlyList<string> Partners)> Names = BuildNames();

    private static readonly PhraseMatcher Matcher = new(Names.Keys.Concat(NameLexicon.Terms.Keys));

    // Words after which "her"/"his" is an object or a standalone pronoun rather than a determiner.
    private static readonly HashSet<string> NotANoun = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "some", "any", "every", "each", "no", "all",
        "my", "your", "our", "their", "its", "it", "them", "me", "us", "you", "him", "her", "his",
        "to", "for", "with", "about", "at", "in", "on", "from", "by", "of", "into", "onto", "over", "under", "after", "before",
        "and", "or", "but", "so", "because", "if", "when", "as", "than", "that", "whether",
        "again", "back", "up", "down", "out", "off", "now", "too", "today", "tomorrow", "yesterday", "please", "soon", "later",
        "what", "how", "why", "where", "who", "which", "everything", "something", "anything", "nothing",
        "is", "was", "are", "were", "has", "had", "will", "would", "can", "could", "should", "must", "may", "might", "does", "did",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        List<PhraseMatch> matches = Matcher.FindAll(input).FindAll(match => IsCandidate(input.Substring(match.Start, match.Length), match.Phrase));
        if (matches.Count == 0)
        {
            return input;
        }

        var present = new HashSet<string>(matches.Where(match => Names.ContainsKey(match.Phrase)).Select(match => match.Phrase), StringComparer.Ordinal);
        var newNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var edits = new List<TextEdit>(matches.Count);
        var changes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PhraseMatch match in matches)
        {
            string original = input.Substring(match.Start, match.Length);
            string replacement;
            if (Names.TryGetValue(match.Phrase, out var name))
            {
                if (!newNames.TryGetValue(match.Phrase, out string? newName))
                {
                    newName = PickPartner(name.Partners, present, newNames.Values, name.Canonical, context.Random);
                    newNames[match.Phrase] = newName;
                }

                replacement = WordCase.ApplyToProperNoun(original, newName);
            }
            else
            {
                replacement = WordCase.Apply(original, Counterpart(input, match));
            }

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

    // Names only when capitalised; titles only as written in titles ("Mr", "Ms", "Mrs"), so "500 ms" and
    // "MS Office" stay; other gendered words in any case.
    private static bool IsCandidate(string original, string phrase)
    {
        if (Names.ContainsKey(phrase))
        {
            return WordCase.StartsUpper(original);
        }

        if (phrase is "mr" or "ms" or "mrs")
        {
            return char.IsUpper(original[0]) && original.Skip(1).All(char.IsLower);
        }

        return true;
    }

    private static string Counterpart(string input, PhraseMatch match)
    {
        bool beforeNoun = IsBeforeNoun(input, match.Start + match.Length);
        return match.Phrase switch
        {
            "her" => beforeNoun ? "his" : "him",
            "his" => beforeNoun ? "her" : "hers",
            _ => NameLexicon.Terms[match.Phrase],
        };
    }

    // Whether one space and a word follow that is not in NotANoun: "her laptop", but not "her the price" or "her.".
    private static bool IsBeforeNoun(string input, int end)
    {
        if (end + 1 >= input.Length || input[end] != ' ' || !char.IsLetter(input[end + 1]))
        {
            return false;
        }

        int wordEnd = end + 1;
        while (wordEnd < input.Length && char.IsLetter(input[wordEnd]))
        {
            wordEnd++;
        }

        return !NotANoun.Contains(input.Substring(end + 1, wordEnd - end - 1));
    }

    private static string PickPartner(IReadOnlyList<string> partners, HashSet<string> present, IEnumerable<string> taken, string self, Random random)
    {
        var takenSet = new HashSet<string>(taken, StringComparer.Ordinal);
        List<string> free = partners.Where(p => !present.Contains(p.ToLowerInvariant()) && !takenSet.Contains(p)).ToList();
        if (free.Count == 0)
        {
            free = partners.Where(p => !string.Equals(p, self, StringComparison.Ordinal)).ToList();
        }

        return free[random.Next(free.Count)];
    }

    private static Dictionary<string, (string, IReadOnlyList<string>)> BuildNames()
    {
        var names = new Dictionary<string, (string, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (string female in NameLexicon.Female)
        {
            names[female.ToLowerInvariant()] = (female, NameLexicon.Male);
        }

        foreach (string male in NameLexicon.Male)
        {
            names[male.ToLowerInvariant()] = (male, NameLexicon.Female);
        }

        foreach (string neutral in NameLexicon.Neutral)
        {
            names[neutral.ToLowerInvariant()] = (neutral, NameLexicon.Neutral);
        }

        return names;
    }
}
