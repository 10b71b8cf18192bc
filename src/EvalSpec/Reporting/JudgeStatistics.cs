using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Reporting;

/// <summary>
/// What the judges did during a run, for the summary: verdict counts, errors, model calls and tokens per
/// judge; the verdicts of each multi-judge panel (for agreement statistics); early-stop savings; pairwise
/// position and verbosity bias. Safe for concurrent rows.
/// </summary>
internal sealed class JudgeStatistics
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JudgeCounts> _judges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PanelRecord> _panels = new(StringComparer.Ordinal);
    private readonly List<PairwiseComparison> _pairwise = new();
    private readonly Dictionary<string, CascadeCounts> _cascades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PanelVerdict>> _byRow = new(StringComparer.Ordinal);

    /// <summary>Counts a panel verdict given outside any row (an ordinary test of the assembly).</summary>
    public void Record(PanelVerdict verdict) => Record(verdict, rowId: null);

    /// <summary>
    /// Counts a panel verdict; one given for a row is also kept for the row's results line (<see cref="TakeRow"/>), from
    /// which a merge or a resumed run counts it again.
    /// </summary>
    public void Record(PanelVerdict verdict, string? rowId)
    {
        lock (_gate)
        {
            if (rowId is not null)
            {
                if (!_byRow.TryGetValue(rowId, out List<PanelVerdict>? row))
                {
                    _byRow[rowId] = row = new List<PanelVerdict>();
                }

                row.Add(verdict);
            }

            foreach (Verdict v in verdict.Verdicts)
            {
                if (!_judges.TryGetValue(v.Judge, out JudgeCounts? counts))
                {
                    counts = new JudgeCounts();
                    _judges[v.Judge] = counts;
                }

                counts.Add(v);
                if (v.Cascade is not null)
                {
                    if (!_cascades.TryGetValue(v.Judge, out CascadeCounts? cascade))
                    {
                        cascade = new CascadeCounts();
                        _cascades[v.Judge] = cascade;
                    }

                    cascade.Add(v.Cascade);
                }

                if (v.Pairwise is not null)
                {
                    _pairwise.Add(v.Pairwise);
                }
            }

            if (!_panels.TryGetValue(verdict.Panel, out PanelRecord? panel))
            {
                panel = new PanelRecord();
                _panels[verdict.Panel] = panel;
            }

            panel.Judgements.Add(verdict.Verdicts);
            panel.JudgesSkipped += verdict.JudgesSkipped;
            panel.JudgesAsked += verdict.Verdicts.Count;
        }
    }

    /// <summary>The panel verdicts counted for <paramref name="rowId"/>, in the results line's form, forgotten here (empty when none).</summary>
    public JudgementResult[] TakeRow(string rowId)
    {
        List<PanelVerdict>? verdicts;
        lock (_gate)
        {
            _byRow.Remove(rowId, out verdicts);
        }

        return RowJudgements.ToResults(verdicts ?? []);
    }

    /// <summary>Counts the panel verdicts of a row decided in another process (a shard, the run a resumed run takes over), from its results line.</summary>
    public void Replay(IEnumerable<JudgementResult> judgements)
    {
        foreach (PanelVerdict verdict in RowJudgements.FromResults(judgements))
        {
            Record(verdict);
        }
    }

    public IReadOnlyDictionary<string, JudgeCounts> Judges
    {
        get
        {
            lock (_gate)
            {
                return _judges.ToDictionary(p => p.Key, p => p.Value.Copy(), StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyDictionary<string, PanelRecord> Panels
    {
        get
        {
            lock (_gate)
            {
                return _panels.ToDictionary(p => p.Key, p => p.Value.Copy(), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>What each cascade did, by name: rows decided per tier, escalations, abstentions, contested rows, model calls per tier.</summary>
    public IReadOnlyDictionary<string, CascadeCounts> Cascades
    {
        get
        {
            lock (_gate)
            {
                return _cascades.ToDictionary(p => p.Key, p => p.Value.Copy(), StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<PairwiseComparison> Pairwise
    {
        get
        {
            lock (_gate)
            {
                return _pairwise.ToArray();
            }
        }
    }

    /// <summary>Verdict counts, errors and cost of one judge.</summary>
    internal sealed class JudgeCounts
    {
        public int Pass { get; private set; }

        public int Fail { get; private set; }

        public int Inconclusive { get; private set; }

        public int Errored { get; private set; }

        public int ModelCalls { get; private set; }

        public long InputTokens { get; private set; }

        public long OutputTokens { get; private set; }

        public void Add(Verdict verdict)
        {
            switch (verdict.Outcome)
            {
                case VerdictOutcome.Pass:
                    Pass++;
                    break;
                case VerdictOutcome.Fail:
                    Fail++;
                    break;
                default:
                    Inconclusive++;
                    break;
            }

            Errored += verdict.Errored ? 1 : 0;
            ModelCalls += verdict.ModelCalls;
            InputTokens += verdict.Usage?.InputTokenCount ?? 0;
            OutputTokens += verdict.Usage?.OutputTokenCount ?? 0;
        }

        public JudgeCounts Copy() => (JudgeCounts)MemberwiseClone();
    }

    /// <summary>The judgements of one panel.</summary>
    internal sealed class PanelRecord
    {
        public List<IReadOnlyList<Verdict>> Judgements { get; private set; } = new();

        public int JudgesAsked { get; set; }

        public int JudgesSkipped { get; set; }

        public PanelRecord Copy() => new() { Judgements = new List<IReadOnlyList<Verdict>>(Judgements), JudgesAsked = JudgesAsked, JudgesSkipped = JudgesSkipped };
    }

    /// <summary>What one cascade did over the run.</summary>
    internal sealed class CascadeCounts
    {
        public int Judged { get; private set; }

        public int Abstained { get; private set; }

        public int Contested { get; private set; }

        public string? Guarantee { get; private set; }

        /// <summary>Per tier, in order: rows it was asked on, decided, escalated, and its judges' model calls.</summary>
        public List<TierCounts> Tiers { get; private set; } = new();

        public void Add(CascadeTrail trail)
        {
            Judged++;
            Abstained += trail.Abstained ? 1 : 0;
            Contested += trail.Contested ? 1 : 0;
            Guarantee = trail.Guarantee is { } g
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"agreement >= {g.Target:0.###} at risk {g.Risk:0.###} ({g.CalibrationItems} labelled items)")
                : "none: " + trail.NoGuaranteeReason;
            bool decidedEarlier = false;
            foreach (CascadeStep step in trail.Steps)
            {
                TierCounts tier = Tiers.Find(t => t.Tier == step.Tier) ?? Added(step.Tier);
                tier.Asked++;
                tier.ModelCalls += step.ModelCalls;
                tier.Decided += step.Decided ? 1 : 0;

                // A tier asked only to collect calibration data (after an earlier tier decided) did not escalate.
                tier.Escalated += !step.Decided && !decidedEarlier ? 1 : 0;
                decidedEarlier |= step.Decided;
            }
        }

        public CascadeCounts Copy() => new()
        {
            Judged = Judged,
            Abstained = Abstained,
            Contested = Contested,
            Guarantee = Guarantee,
            Tiers = Tiers.Select(t => t with { }).ToList(),
        };

        private TierCounts Added(string tier)
        {
            var counts = new TierCounts { Tier = tier };
            Tiers.Add(counts);
            return counts;
        }
    }

    /// <summary>One cascade tier over the run.</summary>
    internal sealed record TierCounts
    {
        public required string Tier { get; init; }

        public int Asked { get; set; }

        public int Decided { get; set; }

        public int Escalated { get; set; }

        public int ModelCalls { get; set; }
    }
}
