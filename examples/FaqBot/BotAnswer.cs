namespace FaqBot;

/// <summary>The reply of a <see cref="SupportBot"/> to one customer question.</summary>
/// <param name="Text">The text shown to the customer: the matched entry's answer, or the fallback answer.</param>
/// <param name="MatchedEntryId">
/// Id of the knowledge-base entry the answer came from, or <see langword="null"/> when the bot fell back
/// because no entry was similar enough (or the question was empty).
/// </param>
/// <param name="Similarity">
/// Cosine similarity of the closest knowledge-base entry, reported even when it was below the confidence
/// threshold and the bot fell back; 0 when the question was empty.
/// </param>
public sealed record BotAnswer(string Text, string? MatchedEntryId, double Similarity)
{
    /// <summary>Gets a value indicating whether the bot gave the fallback answer instead of an FAQ answer.</summary>
    public bool IsFallback => MatchedEntryId is null;
}
