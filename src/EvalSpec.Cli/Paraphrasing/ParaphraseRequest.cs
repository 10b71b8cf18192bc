using System.Collections.Generic;

namespace EvalSpec.Cli.Paraphrasing;

/// <summary>What the model is asked for.</summary>
/// <param name="Template">The source template.</param>
/// <param name="Placeholders">Its placeholders, which every paraphrase must keep.</param>
/// <param name="Count">How many paraphrases.</param>
/// <param name="Avoid">Wordings already in the file for this key, which the model should not repeat.</param>
/// <param name="Seed">The sampling seed, for providers that honour one.</param>
internal sealed record ParaphraseRequest(string Template, TemplatePlaceholders Placeholders, int Count, IReadOnlyList<string> Avoid, long? Seed);
