namespace EvalSpec.Cli.Paraphrasing;

/// <summary>
/// One paraphrase from the model's reply, after validation: either accepted (<see cref="Rejection"/> is null, and
/// <see cref="Template"/> is the one-line text to write) or rejected with the reason.
/// </summary>
/// <param name="Position">1-based position in the model's reply.</param>
/// <param name="Reply">The text as the model wrote it.</param>
/// <param name="Template">The text with its whitespace collapsed to single spaces.</param>
/// <param name="Rejection">Why it is not written, or null when it is accepted.</param>
/// <param name="RejectionKind">A short name of the rule it broke ("placeholders changed", "duplicate", ...), to count rejections by.</param>
internal sealed record ParaphraseCandidate(int Position, string Reply, string Template, string? Rejection, string? RejectionKind)
{
    public bool IsAccepted => Rejection is null;
}
