using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Cascaded selective judging (Jung, Brahman &amp; Choi, "Trust or Escalate: LLM Judges with Provable Guarantees for Human
/// Agreement", ICLR 2025): tiers of judges ordered by cost; each tier gives a verdict and a confidence, the share of its
/// votes (over its judges, both presentation orders of pairwise judges, and re-asked samples) that agree; a tier whose
/// confidence is below its threshold escalates to the next; past the last tier the cascade abstains, and the row is
/// inconclusive ("below the calibrated confidence") and goes to the review queue.
/// </summary>
/// <remarks>
/// <para>
/// Use it where a judge is used: <c>setup.AddRubricJudge(cascade)</c> puts it on the rubric panel of a suite. Its verdict carries
/// its <see cref="Verdict.Cascade"/> trail: each tier asked, its votes, confidence and threshold, who decided, and the
/// guarantee. Each tier's judges are asked as a panel named <c>&lt;cascade&gt;/&lt;tier&gt;</c>, so the run summary counts their
/// verdicts, errors, model calls and tokens; the cascade's own verdict counts no model call (its tiers' judges do).
/// </para>
/// <para>
/// Thresholds come from <c>evalspec calibrate</c> (<see cref="UseCalibration"/>, loaded from <c>evalspec.calibration.json</c> by a
/// run): fitted on labelled items by fixed-sequence testing with exact binomial bounds, they guarantee that decided outputs
/// agree with people at a chosen level with a chosen risk. Without a calibration the tiers' own
/// <see cref="CascadeTier.Threshold"/>s apply (by default every vote must agree) and no agreement level is claimed. A
/// calibration whose judges now report other model ids is stale: its thresholds still apply, but nothing is claimed.
/// </para>
/// </remarks>
public sealed class JudgeCascade : IJudge
{
    private readonly TierPanel[] _tiers;
    private CascadeSettings _settings;

    /// <summary>Creates a cascade.</summary>
    /// <param name="name">The cascade's name, used in messages and results.</param>
    /// <param name="tiers">The tiers, cheapest first; at least one, with distinct names; a judge name may appear in one tier only.</param>
    /// <exception cref="ArgumentException">The name is empty, there are no tiers, or a tier or judge name repeats.</exception>
    public JudgeCascade(string name, IEnumerable<CascadeTier> tiers)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A cascade needs a name.", nameof(name)) : name;
        Tiers = (tiers ?? throw new ArgumentNullException(nameof(tiers))).ToArray();
        if (Tiers.Count == 0)
        {
            throw new ArgumentException($"Cascade '{name}' has no tiers; add at least one.", nameof(tiers));
        }

        if (Tiers.Any(t => t is null))
        {
            throw new ArgumentException($"Cascade '{name}' has a null tier.", nameof(tiers));
        }

        if (Tiers.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key is { } tier)
        {
            throw new ArgumentException($"Cascade '{name}' has two tiers named '{tier}'; tier names must be unique.", nameof(tiers));
        }

        if (Tiers.SelectMany(t => t.Judges).GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key is { } judge)
        {
            throw new ArgumentException($"Cascade '{name}' has judge '{judge}' in two tiers; judge names must be unique in a cascade (weights and calibration files name judges).", nameof(tiers));
        }

        _tiers = Tiers.Select(t => new TierPanel(name, t)).ToArray();
        _settings = CascadeSettings.Uncalibrated(Tiers);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The tiers, in the order they are asked.</summary>
    public IReadOnlyList<CascadeTier> Tiers { get; }

    /// <inheritdoc/>
    /// <remarks>True when a judge of any tier reads rubrics.</remarks>
    public bool ReadsRubric => Tiers.Any(t => t.Judges.Any(j => j.ReadsRubric));

    /// <summary>
    /// Asks every tier on every output, even after a tier decided (the decision is still the first tier's that reached its
    /// threshold): to collect calibration data, whose items need every tier's votes. Set by the run from
    /// <c>Cascade:AskAllTiers</c> in evalspec.json (<c>EVALSPEC_CASCADE__ASKALLTIERS=true</c>). Default false.
    /// </summary>
    public bool AskAllTiers { get; set; }

    /// <summary>The calibration in use, or null.</summary>
    public CascadeCalibration? Calibration => Volatile.Read(ref _settings).Calibration;

    /// <summary>The agreement level the cascade guarantees, or null when it claims none (see <see cref="NoGuaranteeReason"/>).</summary>
    public CascadeGuarantee? Guarantee => Volatile.Read(ref _settings).Guarantee;

    /// <summary>Why the cascade claims no agreement level (uncalibrated, or a stale calibration); null when it claims one.</summary>
    public string? NoGuaranteeReason => Volatile.Read(ref _settings).NoGuaranteeReason;

    /// <summary>The tiers and their judges' names and model ids, as a calibration file records them.</summary>
    /// <returns>Per tier, in order: its name and its judges' names and model ids.</returns>
    public IReadOnlyList<(string Tier, IReadOnlyList<(string Judge, string? Model)> Judges)> Shape() =>
        Tiers.Select(t => (t.Name, (IReadOnlyList<(string, string?)>)t.Judges.Select(j => (j.Name, (j as IModelJudge)?.Model)).ToArray())).ToArray();

    /// <summary>
    /// Uses the thresholds and weights of <paramref name="calibration"/>. Its tiers and judges must be the cascade's (by name,
    /// tiers in order); when a judge's model id differs from the calibrated one, the calibration is stale: its thresholds
    /// apply, but the cascade claims no agreement level (<see cref="NoGuaranteeReason"/> says why).
    /// </summary>
    /// <param name="calibration">The calibration (see <see cref="CascadeCalibration.Load"/>).</param>
    /// <param name="source">Where it came from, for messages (the file's path).</param>
    /// <exception cref="ArgumentException">The calibration's tiers or judges are not this cascade's: the message lists the differences.</exception>
    public void UseCalibration(CascadeCalibration calibration, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        Volatile.Write(ref _settings, CascadeSettings.From(this, calibration, source ?? CascadeCalibration.FileName));
    }

    /// <inheritdoc/>
    public async ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CascadeSettings settings = Volatile.Read(ref _settings);
        bool askAll = AskAllTiers;
        var steps = new List<CascadeStep>(_tiers.Length);
        var tallies = new List<TierTally>(_tiers.Length);
        int decidedAt = -1;
        for (int i = 0; i < _tiers.Length && (decidedAt < 0 || askAll); i++)
        {
            PanelVerdict asked = await _tiers[i].Panel.JudgeAsync(request, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<CascadeVote> votes = _tiers[i].Votes(asked.Verdicts);
            TierTally tally = TierTally.Of(votes, settings.Weights[i]);
            bool decides = decidedAt < 0 && tally.Decides(settings.Thresholds[i]);
            if (decides)
            {
                decidedAt = i;
            }

            steps.Add(new CascadeStep(Tiers[i].Name, votes, asked.Verdicts, tally.Leaning, tally.Confidence, settings.Thresholds[i], decides));
            tallies.Add(tally);
        }

        VerdictOutcome outcome = decidedAt < 0 ? VerdictOutcome.Inconclusive : tallies[decidedAt].Leaning;
        bool contested = decidedAt >= 0
            && ((tallies[decidedAt].PassWeight > 0 && tallies[decidedAt].FailWeight > 0)
                || tallies.Take(decidedAt).Any(t => t.Leaning != VerdictOutcome.Inconclusive && t.Leaning != outcome));
        var trail = new CascadeTrail(steps, decidedAt < 0 ? null : Tiers[decidedAt].Name, contested, settings.Guarantee, settings.NoGuaranteeReason);
        string rationale = Rationale(trail, tallies, settings);
        return new Verdict(Name, outcome, decidedAt < 0 ? null : tallies[decidedAt].PassShare, rationale) { Cascade = trail };
    }

    /// <summary>What decided, what escalated, and what is guaranteed, in one paragraph.</summary>
    private static string Rationale(CascadeTrail trail, IReadOnlyList<TierTally> tallies, CascadeSettings settings)
    {
        var text = new StringBuilder();
        int decided = trail.Steps.Select((s, i) => (s, i)).FirstOrDefault(p => p.s.Decided, (null!, -1)).Item2;
        if (decided < 0)
        {
            text.Append(settings.Calibration is null
                ? "below the confidence threshold of every tier (uncalibrated thresholds): "
                : "below the calibrated confidence: ");
            text.AppendJoin("; ", trail.Steps.Select((s, i) => Escalated(s, tallies[i])));
            text.Append("; the row goes to the review queue (review.jsonl)");
        }
        else
        {
            CascadeStep step = trail.Steps[decided];
            text.Append(CultureInfo.InvariantCulture, $"tier '{step.Tier}' decided {step.Leaning.ToString().ToLowerInvariant()} with confidence {step.Confidence:0.00} >= {step.Threshold:0.00} ({tallies[decided].DescribeVotes()})");
            if (decided > 0)
            {
                text.Append(" after escalations: ").AppendJoin("; ", trail.Steps.Take(decided).Select((s, i) => Escalated(s, tallies[i])));
            }

            if (trail.Contested)
            {
                text.Append("; contested (a vote or an earlier tier disagreed), so the row goes to the review queue");
            }
        }

        string[] errored = trail.Steps.SelectMany(s => s.Verdicts).Where(v => v.Errored).Select(v => $"{v.Judge} ({PanelVerdict.Problem(v)}: {v.Rationale})").ToArray();
        if (errored.Length > 0)
        {
            text.Append("; judges errored or unreadable (their votes count for no side): ").AppendJoin(", ", errored);
        }

        text.Append(trail.Guarantee is { } g
            ? string.Create(CultureInfo.InvariantCulture, $" [calibrated: agreement with people >= {g.Target:0.###} on decided outputs, risk {g.Risk:0.###}, from {g.CalibrationItems} labelled items]")
            : $" [no guarantee: {trail.NoGuaranteeReason}]");
        return text.ToString();
    }

    private static string Escalated(CascadeStep step, TierTally tally)
    {
        string threshold = step.Threshold is double t ? t.ToString("0.00", CultureInfo.InvariantCulture) : "none (the tier never decides)";
        string leaning = step.Leaning == VerdictOutcome.Inconclusive ? "no leaning" : "leaning " + step.Leaning.ToString().ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"tier '{step.Tier}' {leaning}, confidence {step.Confidence:0.00} < {threshold} ({tally.DescribeVotes()})");
    }

    /// <summary>A tier asked as a panel (so the run's statistics see its judges), with each panel seat's judge and sample.</summary>
    private sealed class TierPanel
    {
        private readonly SampledJudge[] _seats;

        public TierPanel(string cascade, CascadeTier tier)
        {
            _seats = tier.Judges.SelectMany(j => Enumerable.Range(1, tier.Samples).Select(s => new SampledJudge(j, s))).ToArray();
            Panel = new JudgePanel(cascade + "/" + tier.Name, _seats, MajorityAggregator.Instance, quorum: 1);
        }

        public JudgePanel Panel { get; }

        public IReadOnlyList<CascadeVote> Votes(IReadOnlyList<Verdict> verdicts)
        {
            var votes = new List<CascadeVote>(_seats.Length * 2);
            for (int i = 0; i < _seats.Length; i++)
            {
                votes.AddRange(CascadeVotes.Of(_seats[i].Inner, _seats[i].Inner.Name, _seats[i].Sample, verdicts[i]));
            }

            return votes;
        }
    }
}
