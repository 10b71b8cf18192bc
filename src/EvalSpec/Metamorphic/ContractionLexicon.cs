using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Common English contractions and their expansions, used both ways by <see cref="Contractions"/>.
/// Ambiguous contractions expand to their most common reading in questions ("it's" -> "it is",
/// "I'd" -> "I would"). Contractions with "have" ("I've") are left out: "I have a laptop" does not contract.
/// </summary>
internal static class ContractionLexicon
{
    /// <summary>(contraction, expansion) pairs, lower case, apostrophes ASCII.</summary>
    public static readonly IReadOnlyList<(string Contracted, string Expanded)> Pairs = new (string, string)[]
    {
        ("don't", "do not"),
        ("doesn't", "does not"),
        ("didn't", "did not"),
        ("isn't", "is not"),
        ("aren't", "are not"),
        ("wasn't", "was not"),
        ("weren't", "were not"),
        ("haven't", "have not"),
        ("hasn't", "has not"),
        ("hadn't", "had not"),
        ("won't", "will not"),
        ("wouldn't", "would not"),
        ("can't", "cannot"),
        ("couldn't", "could not"),
        ("shouldn't", "should not"),
        ("mustn't", "must not"),
        ("i'm", "i am"),
        ("i'll", "i will"),
        ("i'd", "i would"),
        ("you're", "you are"),
        ("you'll", "you will"),
        ("we're", "we are"),
        ("we'll", "we will"),
        ("they're", "they are"),
        ("they'll", "they will"),
        ("he's", "he is"),
        ("she's", "she is"),
        ("it's", "it is"),
        ("it'll", "it will"),
        ("that's", "that is"),
        ("there's", "there is"),
        ("what's", "what is"),
        ("where's", "where is"),
        ("who's", "who is"),
        ("how's", "how is"),
    };

    /// <summary>Each contraction and its expansion.</summary>
    public static readonly IReadOnlyDictionary<string, string> Expansions =
        Pairs.ToDictionary(pair => pair.Contracted, pair => pair.Expanded, StringComparer.Ordinal);

    /// <summary>Each expansion and its contraction.</summary>
    public static readonly IReadOnlyDictionary<string, string> Contracted =
        Pairs.ToDictionary(pair => pair.Expanded, pair => pair.Contracted, StringComparer.Ordinal);
}
