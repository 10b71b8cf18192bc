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
    /// <param name="judges">The judges to check.</param>
    /// <param name="systemUnderTestModels">The model ids the system under test uses.</param>
    /// <exception cref="InvalidOperationException">A judge uses one of those models.</exception>
    public static void Check(IEnumerable<IJudge> judges, IEnumerable<string> systemUnderTestModels)
    {
        ArgumentNullException.ThrowIfNull(judges);
        ArgumentNullException.ThrowIfNull(systemUnderTestModels);
        var models = new HashSet<string>(systemUnderTestModels.Where(m => !string.IsNullOrWhiteSpace(m)), StringComparer.OrdinalIgnoreCase);
        string[] offending = judges
            .OfType<IModelJudge>()
            .Where(j => !j.AllowSelfPreference && j.Model is not null && models.Contains(j.Model))
            .Select(j => $"'{j.Name}' ({j.Model})")
            .ToArray();
        if (offending.Length > 0)
        {
            throw new InvalidOperationException(
                $"Judge {string.Join(", ", offending)} uses the model under test; a model grading its own outputs favours them (self-preference). " +
                "Use a judge from another model family, or set LlmJudgeOptions.AllowSelfPreference = true if you accept the bias.");
        }
    }
}
