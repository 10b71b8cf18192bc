using System;

namespace EvalSpec.Cli.Paraphrasing;

/// <summary>The options of <c>evalspec paraphrase</c>, as parsed.</summary>
internal sealed record ParaphraseSettings(
    string File,
    string? From,
    string? Template,
    string? Key,
    int Count,
    Uri? Endpoint,
    string Model,
    string ApiKeyVariable,
    int? Seed,
    int Retries,
    bool DryRun);
