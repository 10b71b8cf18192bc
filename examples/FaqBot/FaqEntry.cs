namespace FaqBot;

/// <summary>One question-and-answer pair of the FAQ knowledge base.</summary>
/// <param name="Id">Stable, unique identifier of the entry, for example <c>refund-timing</c>.</param>
/// <param name="Question">The canonical question the entry answers.</param>
/// <param name="Answer">The answer given to the customer when this entry is matched.</param>
public sealed record FaqEntry(string Id, string Question, string Answer);
