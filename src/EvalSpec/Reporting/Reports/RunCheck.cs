using System.Collections.Generic;
using EvalSpec.Judging;

namespace EvalSpec.Reporting.Reports;

/// <summary>One check of a row (expected answer, rubric panel, relation) as <c>results.jsonl</c> records it.</summary>
/// <param name="Name">The check's name (its panel).</param>
/// <param name="Outcome">The check's outcome.</param>
/// <param name="Score">The check's score in [0, 1], when it has one.</param>
/// <param name="Rationale">Why, in a sentence.</param>
/// <param name="Verdicts">Its judges' verdicts.</param>
internal sealed record RunCheck(string Name, VerdictOutcome Outcome, double? Score, string Rationale, IReadOnlyList<RunVerdict> Verdicts);
