using System.Collections.Generic;
using System.Linq;
using EvalSpec.Metamorphic;

namespace EvalSpec.Tests.Metamorphic;

/// <summary>Row ids and contexts shared by the relation tests.</summary>
internal static class RowIdSet
{
    /// <summary>Fifty realistic, distinct row ids.</summary>
    public static IReadOnlyList<string> Fifty { get; } =
        Enumerable.Range(0, 50).Select(i => $"Shop.Evals.ReturnsEvals.ReturnWindow/case{i}/formal/relation").ToArray();

    public static MetamorphicContext Context(string rowId) => new(rowId);

    /// <summary>Applies the relation once per row id, each with a fresh context.</summary>
    public static string[] TransformForEachRow(IMetamorphicRelation relation, string input) =>
        Fifty.Select(id => relation.Transform(input, Context(id))).ToArray();

    /// <summary>About 100,000 characters of ordinary prose with punctuation.</summary>
    public static string LongText()
    {
        const string sentence = "Customers may return most items within thirty days, but opened software is final sale! Questions? Ask support: we reply quickly. ";
        return string.Concat(Enumerable.Repeat(sentence, 100_000 / sentence.Length + 1));
    }
}
