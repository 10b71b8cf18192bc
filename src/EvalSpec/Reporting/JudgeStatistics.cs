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

    public void Record(PanelVerdict verdict)
    {
        lock (_gate)
        {
            foreach (Verdict v in verdict.Verdicts)
            {
                if (!_judges.TryGetValue(v.Judge, out JudgeCounts? counts))
                {
                    counts = new JudgeCounts();
                    _judges[v.Judge] = counts;
                }

                counts.Add(v);
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
}
