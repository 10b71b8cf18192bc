using System;
using System.Collections.Generic;
using EvalSpec.Judging;

namespace EvalSpec.Tests.Judging.Aggregation;

/// <summary>
/// Panel verdicts drawn from a known Dawid-Skene model with a seeded <see cref="Random"/>: each item truly
/// passes with probability <c>priorPass</c>; each judge abstains with probability <c>abstention</c>, otherwise
/// answers according to its sensitivity and specificity.
/// </summary>
internal sealed class SyntheticPanel
{
    private SyntheticPanel(List<IReadOnlyList<Verdict>> judgements, List<VerdictOutcome> truth)
    {
        Judgements = judgements;
        Truth = truth;
    }

    public List<IReadOnlyList<Verdict>> Judgements { get; }

    public List<VerdictOutcome> Truth { get; }

    public static SyntheticPanel Generate(int seed, int items, double priorPass, double abstention, params (string Judge, double Sensitivity, double Specificity)[] judges)
    {
        var random = new Random(seed);
        var judgements = new List<IReadOnlyList<Verdict>>(items);
        var truth = new List<VerdictOutcome>(items);
        for (int i = 0; i < items; i++)
        {
            bool passes = random.NextDouble() < priorPass;
            var verdicts = new List<Verdict>(judges.Length);
            foreach ((string judge, double sensitivity, double specificity) in judges)
            {
                if (random.NextDouble() < abstention)
                {
                    verdicts.Add(Verdicts.Abstain(judge));
                    continue;
                }

                bool saysPass = passes ? random.NextDouble() < sensitivity : random.NextDouble() >= specificity;
                verdicts.Add(saysPass ? Verdicts.Pass(judge) : Verdicts.Fail(judge));
            }

            judgements.Add(verdicts);
            truth.Add(passes ? VerdictOutcome.Pass : VerdictOutcome.Fail);
        }

        return new SyntheticPanel(judgements, truth);
    }

    /// <summary>The share of items on which the aggregator's decision is the true outcome (inconclusive counts as wrong).</summary>
    public double AccuracyOf(IVerdictAggregator aggregator)
    {
        int correct = 0;
        for (int i = 0; i < Judgements.Count; i++)
        {
            if (aggregator.Decide(Judgements[i]).Outcome == Truth[i])
            {
                correct++;
            }
        }

        return correct / (double)Judgements.Count;
    }
}
