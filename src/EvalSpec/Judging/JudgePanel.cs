using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// A panel of judges (PoLL-style jury): asks its judges, then combines their verdicts with an
/// <see cref="IVerdictAggregator"/>. A judge that throws or returns an invalid score becomes an
/// inconclusive, errored verdict carrying the reason; a panel whose deciding (non-abstaining) judges are
/// fewer than <see cref="Quorum"/> is inconclusive. By default the quorum is a strict majority of the panel's
/// judges (<see cref="MajorityQuorum"/>): a panel of three whose two judges errored or could not be read does not
/// decide on the third judge's word alone.
/// </summary>
/// <remarks>
/// With <see cref="EarlyStop"/> the panel asks its judges in order, in the smallest waves that could settle
/// the decision, and stops as soon as no outcome of the remaining judges (pass, fail or abstain) could
/// change it; <see cref="PanelVerdict.JudgesSkipped"/> says how many were not asked. Order judges cheapest
/// first. Without it, all judges are asked at once.
/// </remarks>
public sealed class JudgePanel
{
    // 3^8 completions per check: beyond that many unasked judges, early stopping waits for more verdicts.
    private const int MaxLookahead = 8;

    /// <summary>Creates a panel with a named aggregation rule.</summary>
    /// <param name="name">The panel's name, used in messages and results.</param>
    /// <param name="judges">The judges; at least one, with distinct names.</param>
    /// <param name="aggregation">How verdicts are combined.</param>
    /// <param name="quorum">
    /// Minimum number of judges that must pass or fail (not abstain or error), between 1 and the number of judges;
    /// <see langword="null"/> (the default) for a strict majority of the judges (<see cref="MajorityQuorum"/>).
    /// </param>
    public JudgePanel(string name, IEnumerable<IJudge> judges, PanelAggregation aggregation, int? quorum = null)
        : this(name, judges, Enum.IsDefined(aggregation) ? aggregation.ToAggregator() : throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation."), quorum)
    {
    }

    /// <summary>Creates a panel.</summary>
    /// <param name="name">The panel's name, used in messages and results.</param>
    /// <param name="judges">The judges; at least one, with distinct names. With early stopping, cheapest first.</param>
    /// <param name="aggregator">How verdicts are combined; default majority.</param>
    /// <param name="quorum">
    /// Minimum number of judges that must pass or fail (not abstain or error), between 1 and the number of judges;
    /// <see langword="null"/> (the default) for a strict majority of the judges (<see cref="MajorityQuorum"/>).
    /// </param>
    /// <param name="earlyStop">Whether to stop asking judges once the outcome cannot change.</param>
    public JudgePanel(string name, IEnumerable<IJudge> judges, IVerdictAggregator? aggregator = null, int? quorum = null, bool earlyStop = false)
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

        if (quorum is int explicitQuorum && (explicitQuorum < 1 || explicitQuorum > Judges.Count))
        {
            throw new ArgumentOutOfRangeException(
                nameof(quorum),
                quorum,
                $"Panel '{name}' has {Judges.Count} judge(s); its quorum must be between 1 and {Judges.Count}, or null for a strict majority ({MajorityQuorum(Judges.Count)}).");
        }

        Aggregator = aggregator ?? MajorityAggregator.Instance;
        Quorum = quorum ?? MajorityQuorum(Judges.Count);
        EarlyStop = earlyStop;

        // An aggregator that cannot work with these judges (a weight missing for one) fails here, not on the first row.
        try
        {
            Aggregator.Decide(Judges.Select(j => new Verdict(j.Name, VerdictOutcome.Inconclusive, null, "construction check")).ToArray());
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Panel '{name}': the {Aggregator.Name} aggregator does not fit its judges: {ex.Message}", nameof(aggregator), ex);
        }
    }

    /// <summary>The panel's name.</summary>
    public string Name { get; }

    /// <summary>The judges, in the order their verdicts are reported (and asked, with early stopping).</summary>
    public IReadOnlyList<IJudge> Judges { get; }

    /// <summary>How verdicts are combined.</summary>
    public IVerdictAggregator Aggregator { get; }

    /// <summary>
    /// Minimum number of judges that must pass or fail (not abstain or error) for a decision: the number given, else a
    /// strict majority of the judges.
    /// </summary>
    public int Quorum { get; }

    /// <summary>Whether the panel stops asking judges once the outcome cannot change.</summary>
    public bool EarlyStop { get; }

    /// <summary>The default quorum of a panel of <paramref name="judges"/> judges: more than half of them (1 of 1, 2 of 2 or 3, 3 of 4 or 5).</summary>
    /// <param name="judges">The number of judges on the panel.</param>
    /// <returns>The smallest number of judges that is more than half of them.</returns>
    public static int MajorityQuorum(int judges)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(judges);
        return judges / 2 + 1;
    }

    /// <summary>Asks the judges and aggregates their verdicts.</summary>
    /// <param name="request">The output and its context.</param>
    /// <param name="cancellationToken">Cancels the judging; cancellation is not turned into a verdict.</param>
    /// <returns>The panel's verdict, with every verdict it was made from.</returns>
    public Task<PanelVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) =>
        JudgeAsync(request, null, cancellationToken);

    /// <summary>
    /// Asks the judges, each within <paramref name="judgeTimeout"/>: a judge that does not answer in time gives
    /// an errored, inconclusive verdict naming it, and the panel decides from the others.
    /// </summary>
    /// <param name="request">The output and its context.</param>
    /// <param name="judgeTimeout">How long each judge may take; null for no limit.</param>
    /// <param name="cancellationToken">Cancels the judging; cancellation is not turned into a verdict.</param>
    /// <returns>The panel's verdict, with every verdict it was made from.</returns>
    public async Task<PanelVerdict> JudgeAsync(JudgeRequest request, TimeSpan? judgeTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        PanelVerdict verdict;
        if (!EarlyStop)
        {
            verdict = Aggregate(await AskAsync(Judges, request, judgeTimeout, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            var verdicts = new List<Verdict>(Judges.Count);
            while (verdicts.Count < Judges.Count && !IsSettled(verdicts))
            {
                int wave = NextWave(verdicts);
                verdicts.AddRange(await AskAsync(Judges.Skip(verdicts.Count).Take(wave), request, judgeTimeout, cancellationToken).ConfigureAwait(false));
            }

            verdict = Aggregate(verdicts) with { JudgesSkipped = Judges.Count - verdicts.Count };
        }

        // Panels used anywhere in a run's flow (row checks, assertions inside eval methods, ordinary tests of the assembly)
        // count in the run's judge statistics.
        // A row's verdicts are also kept for its results line, from which a merge or a resumed run counts them again.
        Execution.EvalFlow.Current?.Judges?.Record(verdict, Execution.EvalFlow.Current.Call?.RowId);
        return verdict;
    }

    /// <summary>Aggregates verdicts already collected, with this panel's quorum and aggregator.</summary>
    /// <param name="verdicts">One verdict per judge asked, in panel order.</param>
    /// <returns>The panel verdict.</returns>
    public PanelVerdict Aggregate(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        PanelDecision decision = Decide(verdicts);
        string rationale = verdicts.Count == 1 && decision.Outcome == verdicts[0].Outcome ? verdicts[0].Rationale : decision.Rationale;
        return new PanelVerdict(Name, decision.Outcome, decision.Score, rationale, verdicts);
    }

    private PanelDecision Decide(IReadOnlyList<Verdict> verdicts)
    {
        var tally = VerdictTally.Of(verdicts);
        if (tally.Deciding < Quorum)
        {
            int errored = verdicts.Count(v => v.Errored);
            string errors = errored == 0 ? string.Empty : $"; {errored} errored or unreadable";
            return new PanelDecision(VerdictOutcome.Inconclusive, tally.MeanScore, $"quorum not met: {tally.Deciding} judge(s) decided, {Quorum} needed ({tally}{errors})");
        }

        return Aggregator.Decide(verdicts);
    }

    /// <summary>Whether no outcome of the judges not yet asked could change the decision.</summary>
    private bool IsSettled(IReadOnlyList<Verdict> verdicts)
    {
        int remaining = Judges.Count - verdicts.Count;
        if (verdicts.Count == 0 || remaining > MaxLookahead)
        {
            return false;
        }

        VerdictOutcome? settled = null;
        foreach (IReadOnlyList<Verdict> completion in Completions(verdicts, remaining))
        {
            VerdictOutcome outcome = Decide(completion).Outcome;
            if (settled is not null && settled != outcome)
            {
                return false;
            }

            settled = outcome;
        }

        return true;
    }

    /// <summary>The fewest further judges whose verdicts could settle the decision (asked together).</summary>
    private int NextWave(IReadOnlyList<Verdict> verdicts)
    {
        int remaining = Judges.Count - verdicts.Count;
        if (remaining > MaxLookahead)
        {
            return remaining;
        }

        for (int wave = 1; wave < remaining; wave++)
        {
            if (Completions(verdicts, wave).Any(IsSettled))
            {
                return wave;
            }
        }

        return remaining;
    }

    /// <summary>Every way the next <paramref name="count"/> judges could answer: pass (1), fail (0) or abstain.</summary>
    private IEnumerable<IReadOnlyList<Verdict>> Completions(IReadOnlyList<Verdict> verdicts, int count)
    {
        int combinations = (int)Math.Pow(3, count);
        for (int combination = 0; combination < combinations; combination++)
        {
            var completion = new List<Verdict>(verdicts);
            int code = combination;
            for (int i = 0; i < count; i++)
            {
                string judge = Judges[verdicts.Count + i].Name;
                completion.Add((code % 3) switch
                {
                    0 => new Verdict(judge, VerdictOutcome.Pass, 1.0, "hypothetical"),
                    1 => new Verdict(judge, VerdictOutcome.Fail, 0.0, "hypothetical"),
                    _ => new Verdict(judge, VerdictOutcome.Inconclusive, null, "hypothetical"),
                });
                code /= 3;
            }

            yield return completion;
        }
    }

    private static async Task<Verdict[]> AskAsync(IEnumerable<IJudge> judges, JudgeRequest request, TimeSpan? judgeTimeout, CancellationToken cancellationToken) =>
        await Task.WhenAll(judges.Select(judge => AskAsync(judge, request, judgeTimeout, cancellationToken))).ConfigureAwait(false);

    private static async Task<Verdict> AskAsync(IJudge judge, JudgeRequest request, TimeSpan? judgeTimeout, CancellationToken cancellationToken)
    {
        // A cancelled run asks no judge: WaitAsync below returns a judge's verdict when the judge finished before the wait began,
        // so without this a judge that answers at once could still decide a row of a cancelled run.
        cancellationToken.ThrowIfCancellationRequested();
        long started = Stopwatch.GetTimestamp();
        using Activity? span = ModelCalls.EvalTelemetry.StartJudge(judge.Name);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (judgeTimeout is TimeSpan limit)
        {
            deadline.CancelAfter(limit);
        }

        Verdict verdict;
        try
        {
            // On the thread pool: a judge that blocks synchronously is also bounded by its deadline.
            verdict = await Task.Run(() => judge.JudgeAsync(request, deadline.Token).AsTask(), CancellationToken.None).WaitAsync(deadline.Token).ConfigureAwait(false)
                ?? Verdict.Error(judge.Name, $"judge '{judge.Name}' ({judge.GetType().FullName}) returned no verdict");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            verdict = Verdict.Error(judge.Name, string.Create(CultureInfo.InvariantCulture, $"judge '{judge.Name}' did not finish within {judgeTimeout!.Value.TotalSeconds:0.###} s"));
        }
        catch (Exception ex)
        {
            verdict = Verdict.Error(judge.Name, $"judge '{judge.Name}' threw {ex.GetType().Name}: {ex.Message}");
        }

        if (verdict.Score is double score && (double.IsNaN(score) || score < 0 || score > 1))
        {
            verdict = Verdict.Error(
                judge.Name,
                string.Create(CultureInfo.InvariantCulture, $"judge '{judge.Name}' returned score {score}, outside [0, 1]; its verdict ({verdict.Outcome}: {verdict.Rationale}) is not used"),
                verdict.RawOutput);
        }

        if (verdict.Latency == TimeSpan.Zero)
        {
            verdict = verdict with { Latency = Stopwatch.GetElapsedTime(started) };
        }

        // Aggregators and statistics key on the judge's name: the panel's name for it wins.
        verdict = verdict.Judge == judge.Name ? verdict : verdict with { Judge = judge.Name };
        ModelCalls.EvalTelemetry.JudgeFinished(span, verdict);
        return verdict;
    }
}
