using System.Collections.Generic;
using EvalSpec.Statistics;

namespace EvalSpec.Cli.Comparing;

/// <summary>One configuration's results for a method.</summary>
/// <param name="Configuration">The configuration label.</param>
/// <param name="PassRates">Pass rate by variant as in its summary, or null when it has none.</param>
/// <param name="Scores">MaxP, AvgP, saturation and CPS over the shared variants, or null without pass rates or shared variants.</param>
internal sealed record ConfigurationRow(string Configuration, IReadOnlyDictionary<string, double>? PassRates, MultiPromptScores? Scores);
