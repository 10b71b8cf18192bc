using System;

namespace EvalSpec.Judging;

/// <summary>Extracts the content of a Markdown code fence, as chat models wrap JSON in one.</summary>
internal static class CodeFence
{
    private const string Fence = "```";

    /// <summary>
    /// The content of the first fenced block (without its info string such as <c>json</c>), or
    /// <paramref name="text"/> unchanged when it has no complete fenced block.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The block's content, or the text.</returns>
    public static string Unwrap(string text)
    {
        int open = text.IndexOf(Fence, StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        int lineEnd = text.IndexOf('\n', open);
        if (lineEnd < 0)
        {
            return text;
        }

        int close = text.IndexOf(Fence, lineEnd + 1, StringComparison.Ordinal);
        return close < 0 ? text : text[(lineEnd + 1)..close];
    }
}
