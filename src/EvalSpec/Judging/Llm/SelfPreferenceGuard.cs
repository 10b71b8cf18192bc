using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// Refuses judges whose model is the system under test's model: LLM judges favour their own outputs
/// (self-preference; Zheng et al. 2023, Panickssery et al. 2024).
/// </summary>
public static class SelfPreferenceGuard
{
    /// <summary>Throws when a judge would grade outputs of its own model without <see cref="IModelJudge.AllowSelfPreference"/>.</summary>
    /// <param name="judges">The judges to check; the judges of a <see cref="JudgeCascade"/>'s tiers are checked too.</param>
    /// <param name="systemUnderTestModels">The model ids the system under test uses.</param>
    /// <exception cref="InvalidOperationException">A judge uses one of those models (or a dated snapshot of one).</exception>
    public static void Check(IEnumerable<IJudge> judges, IEnumerable<string> systemUnderTestModels)
    {
        ArgumentNullException.ThrowIfNull(judges);
        ArgumentNullException.ThrowIfNull(systemUnderTestModels);
        string[] models = systemUnderTestModels.Where(m => !string.IsNullOrWhiteSpace(m)).ToArray();
        string[] offending = judges
            .SelectMany(j => j is JudgeCascade cascade ? cascade.Tiers.SelectMany(t => t.Judges) : new[] { j })
            .OfType<IModelJudge>()
            .Where(j => !j.AllowSelfPreference && j.Model is not null && models.Any(m => SameModel(j.Model, m)))
            .Select(j => $"'{j.Name}' ({j.Model})")
            .ToArray();
        if (offending.Length > 0)
        {
            throw new InvalidOperationException(
                $"Judge {string.Join(", ", offending)} uses the model under test; a model grading its own outputs favours them (self-preference). " +
                "Use a judge from another model family, or set LlmJudgeOptions.AllowSelfPreference = true if you accept the bias.");
        }
    }

    /// <summary>Same model, ignoring case and dated snapshots: <c>gpt-4o-2024-08-06</c> is <c>gpt-4o</c>.</summary>
    internal static bool SameModel(string judge, string systemUnderTest) =>
        string.Equals(judge, systemUnderTest, StringComparison.OrdinalIgnoreCase)
        || IsSnapshotOf(judge, systemUnderTest)
        || IsSnapshotOf(systemUnderTest, judge);

    /// <summary>Whether <paramref name="id"/> is <paramref name="model"/> followed by a dash and a digit (a dated snapshot).</summary>
    private static bool IsSnapshotOf(string id, string model) =>
        id.Length > model.Length + 1
        && id.StartsWith(model + "-", StringComparison.OrdinalIgnoreCase)
        && char.IsDigit(id[model.Length + 1]);
}
