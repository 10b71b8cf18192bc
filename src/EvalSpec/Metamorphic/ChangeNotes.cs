using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Metamorphic;

/// <summary>Formats what a relation changed for <see cref="MetamorphicContext.Notes"/>: short enough for a failure message.</summary>
internal static class ChangeNotes
{
    /// <summary>How many changes a note lists before it only counts the rest.</summary>
    public const int MaxListed = 8;

    /// <summary>Joins the changes with "; ", listing at most <see cref="MaxListed"/> and counting the rest.</summary>
    public static string Join(IReadOnlyCollection<string> changes)
    {
        string listed = string.Join("; ", changes.Take(MaxListed));
        return changes.Count <= MaxListed
            ? listed
            : string.Create(CultureInfo.InvariantCulture, $"{listed}; (+{changes.Count - MaxListed} more)");
    }

    /// <summary>Shortens <paramref name="text"/> to one line of at most <paramref name="max"/> characters.</summary>
    public static string Shorten(string text, int max = 60)
    {
        string line = string.Join(" ", text.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= max ? line : line.Substring(0, max) + "...";
    }
}
