namespace FaqBot;

/// <summary>A knowledge-base entry found for a query, with how closely it matched.</summary>
/// <param name="Entry">The matched entry.</param>
/// <param name="Similarity">Cosine similarity between the query and the entry, from -1 to 1 (higher is closer).</param>
public sealed record FaqMatch(FaqEntry Entry, double Similarity);
