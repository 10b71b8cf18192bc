using System.Collections.Generic;

namespace EvalSpec.Cli.Comparing;

/// <summary>What <c>evalspec compare</c> needs of one run's <c>summary.json</c>.</summary>
/// <param name="Path">The summary's full path.</param>
/// <param name="Label">The configuration label: the summary's <c>configuration</c>, else the run folder's name.</param>
/// <param name="RunId">The run id, when the summary has one.</param>
/// <param name="Methods">Multi-prompt results by eval method id.</param>
internal sealed record RunSummary(string Path, string Label, string? RunId, IReadOnlyDictionary<string, MethodPassRates> Methods);
