using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// A panel of judges (PoLL-style jury): asks every judge, then aggregates their verdicts. A judge that
/// throws or returns an invalid score becomes an inconclusive verdict carrying the reason; a panel whose
/// non-abstaining judges are fewer than <see cref="Quorum"/> is inconclusive.
/// </summary>
public sealed class JudgePanel
{
    /// <summary>Creates a panel.</summary>
    /// <param name="name">The panel's name, used in messages and results.</param>
    /// <param name="judges">The judges; at least one, with distinct names.</param>
    /// <param name="aggregation">How verdicts are combined.</param>
    /// <param name="quorum">Minimum number of judges that must pass or fail (not abstain).</param>
    public JudgePanel(string name, IEnumerable<IJudge> judges, PanelAggregation aggregation = PanelAggregation.Majority, int quorum = 1)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A panel needs a name.", nameof(name)) : name;
        Judges = (judges ?? throw new ArgumentNullException(nameof(judges))).ToArray();
        if (Judges.Count == 0)
        {
            throw new ArgumentException($"Panel '{name}' has no judges; add at least one.", nameof(judges));
        }

        string? duplicate = Judges.GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Panel '{name}' has two judges named '{duplicate}'; judge names must be unique within a panel.", nameof(judges));
        }

        if (quorum < 1 || quorum > Judges.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(quorum), quorum, $"Panel '{name}' has {Judges.Count} judge(s); its quorum must be between 1 and {Judges.Count}.");
        }

        if (!Enum.IsDefined(aggregation))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation.");
        }

        Aggregation = aggregation;
        Quorum = quorum;
    }

    /// <summary>The panel's name.</summary>
    public string Name { get; }

    /// <summary>The judges, in the order their verdicts are reported.</summary>
    public IReadOnlyList<IJudge> Judges { get; }

    /// <summary>How verdicts are combined.</summary>
    public PanelAggregation Aggregation { get; }

    /// <summary>Minimum number of judges that must pass or fail (not abstain) for a decision.</summary>
    public int Quorum { get; }

    /// <summary>Asks every judge (concurrently) and aggregates their verdicts.</summary>
    /// <param name="request">The output and its context.</param>
    /// <param name="cancellationToken">Cancels the judging; cancellation is not turned into a verdict.</param>
    /// <returns>The panel's verdict, with every judge's verdict.</returns>
    public async Task<PanelVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Verdict[] verdicts = await Task.WhenAll(Judges.Select(judge => AskAsync(judge, request, cancellationToken))).ConfigureAwait(false);
        return Aggregate(verdicts);
    }

    /// <summary>Aggregates verdicts already collected, with this panel's rule and quorum.</summary>
    /// <param name="verdicts">One verdict per judge.</param>
    /// <returns>The panel verdict.</returns>
    public PanelVerdict Aggregate(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        int pass = verdicts.Count(v => v.Outcome == VerdictOutcome.Pass);
        int fail = verdicts.Count(v => v.Outcome == VerdictOutcome.Fail);
        int abstained = verdicts.Count - pass - fail;
        double[] scores = verdicts.Where(v => v.Outcome != VerdictOutcome.Inconclusive && v.Score is not null).Select(v => v.Score!.Value).ToArray();
        double? meanScore = scores.Length == 0 ? null : scores.Average();

        string tally = string.Create(CultureInfo.InvariantCulture, $"{pass} pass, {fail} fail, {abstained} inconclusive of {verdicts.Count}");
        if (pass + fail < Quorum)
        {
            return new PanelVerdict(Name, VerdictOutcome.Inconclusive, meanScore, $"quorum not met: {pass + fail} judge(s) decided, {Quorum} needed ({tally})", verdicts);
        }

        VerdictOutcome outcome = pass > fail ? VerdictOutcome.Pass : fail > pass ? VerdictOutcome.Fail : VerdictOutcome.Inconclusive;
        if (verdicts.Count == 1)
        {
            return new PanelVerdict(Name, outcome, meanScore, verdicts[0].Rationale, verdicts);
        }

        string rationale = outcome == VerdictOutcome.Inconclusive ? $"judges tied ({tally})" : $"majority {outcome.ToString().ToLowerInvariant()} ({tally})";
        return new PanelVerdict(Name, outcome, meanScore, rationale, verdicts);
    }

    private static async Task<Verdict> AskAsync(IJudge judge, JudgeRequest request, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        Verdict verdict;
        try
        {
            verdict = await judge.JudgeAsync(request, cancellationToken).ConfigureAwait(false)
                ?? Verdict.Inconclusive(judge.Name, $"judge '{judge.Name}' ({judge.GetType().FullName}) returned no verdict");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            verdict = Verdict.Inconclusive(judge.Name, $"judge '{judge.Name}' threw {ex.GetType().Name}: {ex.Message}");
        }

        if (verdict.Score is double score && (double.IsNaN(score) || score < 0 || score > 1))
        {
            verdict = Verdict.Inconclusive(
                judge.Name,
                string.Create(CultureInfo.InvariantCulture, $"judge '{judge.Name}' returned score {score}, outside [0, 1]; its verdict ({verdict.Outcome}: {verdict.Rationale}) is not used"),
                verdict.RawOutput);
        }

        if (verdict.Latency == TimeSpan.Zero)
        {
            verdict = verdict with { Latency = Stopwatch.GetElapsedTime(started) };
        }

        return verdict;
    }
}
