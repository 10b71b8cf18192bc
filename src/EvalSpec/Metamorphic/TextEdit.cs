using System.Collections.Generic;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>One replacement in a text: <see cref="Length"/> characters at <see cref="Start"/> become <see cref="Replacement"/>.</summary>
internal readonly record struct TextEdit(int Start, int Length, string Replacement)
{
    /// <summary>
    /// Applies non-overlapping edits given in ascending order of <see cref="Start"/> in one pass, so a
    /// 100,000-character input with thousands of edits stays linear.
    /// </summary>
    public static string Apply(string text, IReadOnlyList<TextEdit> edits)
    {
        if (edits.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16 * edits.Count);
        int position = 0;
        foreach (TextEdit edit in edits)
        {
            result.Append(text, position, edit.Start - position).Append(edit.Replacement);
            position = edit.Start + edit.Length;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }
}
