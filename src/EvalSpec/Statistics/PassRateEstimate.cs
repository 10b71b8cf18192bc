using System.Globalization;

namespace EvalSpec.Statistics;

/// <summary>An estimated population pass rate with its confidence interval (<see cref="StratifiedEstimate"/>).</summary>
internal sealed class PassRateEstimate
{
    internal PassRateEstimate(double passRate, double standardError, ConfidenceInterval interval, long population, long sampled, long unsampledPopulation)
    {
        PassRate = passRate;
        StandardError = standardError;
        Interval = interval;
        Population = population;
        Sampled = sampled;
        UnsampledPopulation = unsampledPopulation;
    }

    /// <summary>The estimated pass rate of the population: Σ (N<sub>h</sub> / N) × p<sub>h</sub>.</summary>
    public double PassRate { get; }

    /// <summary>The estimated standard error of <see cref="PassRate"/> (with the finite population correction).</summary>
    public double StandardError { get; }

    /// <summary>PassRate ± z × StandardError, clamped to [0, 1].</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>N, the rows the estimate speaks for: the rows of the strata that were sampled.</summary>
    public long Population { get; }

    /// <summary>Σ n<sub>h</sub>, the rows that were run.</summary>
    public long Sampled { get; }

    /// <summary>Rows in strata with no sampled row: left out of the estimate, which says nothing about them.</summary>
    public long UnsampledPopulation { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"estimated pass rate {PassRate:0.000} {Interval} from {Sampled} of {Population} row(s){(UnsampledPopulation > 0 ? $"; {UnsampledPopulation} row(s) in unsampled strata not covered" : string.Empty)}");
}
