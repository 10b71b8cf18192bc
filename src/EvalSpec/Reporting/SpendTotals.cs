using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Reporting;

/// <summary>
/// What the rows of a run spent, per eval method and per prompt variant: tokens of the system under test and of the judges,
/// the system under test's latency, and the cost when every model was priced. Written to <c>summary.json</c> (<c>spend</c>).
/// </summary>
internal sealed class SpendTotals
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Method, string Variant), Totals> _totals = new();

    public void Add(string methodId, string variant, RowSpendResult spend)
    {
        lock (_gate)
        {
            if (!_totals.TryGetValue((methodId, variant), out Totals? totals))
            {
                totals = new Totals();
                _totals[(methodId, variant)] = totals;
            }

            totals.Add(spend);
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _totals.Count == 0;
            }
        }
    }

    /// <summary>Per method (sorted by id): its totals, and per variant (sorted by key).</summary>
    public IReadOnlyDictionary<string, MethodSpend> ToSummary()
    {
        lock (_gate)
        {
            return _totals
                .GroupBy(p => p.Key.Method, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g =>
                    {
                        var all = new Totals();
                        foreach (KeyValuePair<(string Method, string Variant), Totals> variant in g)
                        {
                            all.Merge(variant.Value);
                        }

                        return new MethodSpend(all.ToSection(), g.OrderBy(p => p.Key.Variant, StringComparer.Ordinal).ToDictionary(p => p.Key.Variant, p => p.Value.ToSection(), StringComparer.Ordinal));
                    },
                    StringComparer.Ordinal);
        }
    }

    private sealed class Totals
    {
        private readonly List<double> _latencies = new();
        private int _rows;
        private long _sutTokens;
        private long _judgeTokens;
        private long _sutInput;
        private long _sutOutput;
        private long _judgeInput;
        private long _judgeOutput;
        private double _judgeLatency;
        private double _cost;
        private double _sutCost;
        private double _judgeCost;
        private int _unpriced;
        private int _sutUnpriced;
        private int _judgeUnpriced;

        public void Add(RowSpendResult spend)
        {
            _rows++;
            _sutTokens += spend.SutInputTokens + spend.SutOutputTokens;
            _judgeTokens += spend.JudgeInputTokens + spend.JudgeOutputTokens;
            _sutInput += spend.SutInputTokens;
            _sutOutput += spend.SutOutputTokens;
            _judgeInput += spend.JudgeInputTokens;
            _judgeOutput += spend.JudgeOutputTokens;
            _judgeLatency += spend.JudgeLatencyMs;
            _latencies.Add(spend.SutLatencyMs);
            if (spend.CostUsd is double cost)
            {
                _cost += cost;
            }
            else
            {
                _unpriced++;
            }

            if (spend.SutCostUsd is double sutCost)
            {
                _sutCost += sutCost;
            }
            else
            {
                _sutUnpriced++;
            }

            if (spend.JudgeCostUsd is double judgeCost)
            {
                _judgeCost += judgeCost;
            }
            else
            {
                _judgeUnpriced++;
            }
        }

        public void Merge(Totals other)
        {
            _rows += other._rows;
            _sutTokens += other._sutTokens;
            _judgeTokens += other._judgeTokens;
            _sutInput += other._sutInput;
            _sutOutput += other._sutOutput;
            _judgeInput += other._judgeInput;
            _judgeOutput += other._judgeOutput;
            _judgeLatency += other._judgeLatency;
            _latencies.AddRange(other._latencies);
            _cost += other._cost;
            _sutCost += other._sutCost;
            _judgeCost += other._judgeCost;
            _unpriced += other._unpriced;
            _sutUnpriced += other._sutUnpriced;
            _judgeUnpriced += other._judgeUnpriced;
        }

        public SpendSection ToSection()
        {
            double[] sorted = _latencies.OrderBy(l => l).ToArray();
            return new SpendSection(
                _rows,
                _sutTokens,
                _judgeTokens,
                sorted.Length == 0 ? 0 : Math.Round(sorted.Average(), 1),
                sorted.Length == 0 ? 0 : Math.Round(sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1], 1),
                _unpriced == 0 ? Math.Round(_cost, 8) : null,
                _unpriced)
            {
                SutInputTokens = _sutInput,
                SutOutputTokens = _sutOutput,
                JudgeInputTokens = _judgeInput,
                JudgeOutputTokens = _judgeOutput,
                MeanJudgeLatencyMs = _rows == 0 ? 0 : Math.Round(_judgeLatency / _rows, 1),
                SutCostUsd = _sutUnpriced == 0 ? Math.Round(_sutCost, 8) : null,
                JudgeCostUsd = _judgeUnpriced == 0 ? Math.Round(_judgeCost, 8) : null,
            };
        }
    }
}

/// <summary>A method's spend: all its rows, and each prompt variant's.</summary>
internal sealed record MethodSpend(SpendSection Total, IReadOnlyDictionary<string, SpendSection> Variants);

/// <summary>
/// Rows, tokens of the system under test and of the judges, the system under test's mean and 95th-percentile latency per row
/// (ms), and the cost in US dollars (null when some row's models were not all priced: <see cref="UnpricedRows"/> says how many).
/// </summary>
internal sealed record SpendSection(int Rows, long SutTokens, long JudgeTokens, double MeanLatencyMs, double P95LatencyMs, double? CostUsd, int UnpricedRows)
{
    /// <summary>The system under test's input tokens; null in a summary written before they were kept apart.</summary>
    public long? SutInputTokens { get; init; }

    /// <summary>The system under test's output tokens; null in an older summary.</summary>
    public long? SutOutputTokens { get; init; }

    /// <summary>The judges' input tokens; null in an older summary.</summary>
    public long? JudgeInputTokens { get; init; }

    /// <summary>The judges' output tokens; null in an older summary.</summary>
    public long? JudgeOutputTokens { get; init; }

    /// <summary>The judges' mean time per row (ms; not counted in a latency budget); null in an older summary.</summary>
    public double? MeanJudgeLatencyMs { get; init; }

    /// <summary>The system under test's cost (null when some row's models were not all priced, or in an older summary).</summary>
    public double? SutCostUsd { get; init; }

    /// <summary>The judges' cost (null when some row's judge models were not all priced, or in an older summary).</summary>
    public double? JudgeCostUsd { get; init; }
}
