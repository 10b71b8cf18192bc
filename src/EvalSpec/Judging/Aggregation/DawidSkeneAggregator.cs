using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// Decides with a fitted <see cref="DawidSkeneModel"/>: passes when the posterior probability of a pass is at
/// least <see cref="Threshold"/>, fails otherwise. The score is that posterior. The panel is inconclusive when
/// no judge decided (the posterior would be the prior alone). Every judge of the panel must be one the model was
/// fitted with: a judge it does not know (renamed or added since) is refused when the panel is created, because
/// ignoring it would let the judges the model knows outvote it while the quorum still counted it.
/// </summary>
public sealed class DawidSkeneAggregator : IVerdictAggregator
{
    /// <summary>Creates the aggregator.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="threshold">The posterior probability of a pass needed to pass, in [0, 1]; default 0.5 (the more probable outcome).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside [0, 1].</exception>
    public DawidSkeneAggregator(DawidSkeneModel model, double threshold = 0.5)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        if (double.IsNaN(threshold) || threshold < 0 || threshold > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be between 0 and 1.");
        }

        Threshold = threshold;
    }

    /// <summary>The model that weighs the verdicts.</summary>
    public DawidSkeneModel Model { get; }

    /// <summary>The posterior probability of a pass needed to pass.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public string Name => "dawid-skene";

    /// <inheritdoc/>
    public PanelDecision Decide(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        string[] unknown = verdicts.Where(v => !Model.Judges.ContainsKey(v.Judge)).Select(v => v.Judge).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            string known = string.Join(", ", Model.Judges.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => "'" + k + "'"));
            throw new ArgumentException(
                $"Judge(s) {string.Join(", ", unknown.Select(j => "'" + j + "'"))} are unknown to the {Name} model (fitted with {known}). Fit the model again with {nameof(DawidSkeneModel)}.{nameof(DawidSkeneModel.Fit)} on labelled verdicts of every judge of the panel, or keep the judges' names.",
                nameof(verdicts));
        }

        int deciding = verdicts.Count(v => v.Outcome != VerdictOutcome.Inconclusive);
        if (deciding == 0)
        {
            return new PanelDecision(VerdictOutcome.Inconclusive, null, "no judge decided");
        }

        double posterior = Model.PosteriorPass(verdicts);
        VerdictOutcome outcome = posterior >= Threshold ? VerdictOutcome.Pass : VerdictOutcome.Fail;
        string rationale = string.Create(
            CultureInfo.InvariantCulture,
            $"P(pass | verdicts) = {posterior:0.000} {(outcome == VerdictOutcome.Pass ? ">=" : "<")} {Threshold:0.00} from {deciding} judge(s) (prior {Model.PriorPass:0.000}: {Votes(verdicts)})");
        return new PanelDecision(outcome, posterior, rationale);
    }

    private string Votes(IReadOnlyList<Verdict> verdicts) => string.Join(
        ", ",
        verdicts.Where(v => v.Outcome != VerdictOutcome.Inconclusive).Select(v => v.Judge + " " + v.Outcome.ToString().ToLowerInvariant()));
}
