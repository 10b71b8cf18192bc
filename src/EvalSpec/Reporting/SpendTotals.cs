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
        private double _cost;
        private int _unpriced;

        public void Add(RowSpendResult spend)
        {
            _rows++;
            _sutTokens += spend.SutInputTokens + spend.SutOutputTokens;
            _judgeTokens += spend.JudgeInputTokens + spend.JudgeOutputTokens;
            _latencies.Add(spend.SutLatencyMs);
            if (spend.CostUsd is double cost)
            {
                _cost += cost;
            }
            else
            {
                _unpriced++;
            }
        }

        public void Merge(Totals other)
        {
            _rows += other._rows;
            _sutTokens += other._sutTokens;
            _judgeTokens += other._judgeTokens;
            _latencies.AddRange(other._latencies);
            _cost += other._cost;
            _unpriced += other._unpriced;
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
                _unpriced);
        }
    }
}

/// <summary>A method's spend: all its rows, and each prompt variant's.</summary>
internal sealed record MethodSpend(SpendSection Total, IReadOnlyDictionary<string, SpendSection> Variants);

/// <summary>
/// Rows, tokens of the system under test and of the judges, the system under test's mean and 95th-percentile latency per row
/// (ms), and the cost in US dollars (null when some row's models were not all priced: <see cref="UnpricedRows"/> says how many).
/// </summary>
internal sealed record SpendSection(int Rows, long SutTokens, long JudgeTokens, double MeanLatencyMs, double P95LatencyMs, double? CostUsd, int UnpricedRows);
