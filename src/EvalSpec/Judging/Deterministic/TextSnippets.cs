namespace EvalSpec.Judging;

/// <summary>Short quotations of outputs and matches for verdict rationales.</summary>
internal static class TextSnippets
{
    /// <summary>The maximum number of characters quoted before the text is cut.</summary>
    public const int MaxLength = 80;

    /// <summary>Quotes <paramref name="text"/>, cut to <see cref="MaxLength"/> characters with an ellipsis.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The quotation, with its quotes.</returns>
    public static string Quote(string text) =>
        "\"" + (text.Length <= MaxLength ? text : text[..MaxLength] + "\u2026") + "\"";
}
