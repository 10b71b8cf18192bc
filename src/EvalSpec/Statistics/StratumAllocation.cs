namespace EvalSpec.Statistics;

/// <summary>How many rows a stratified sample took from one stratum (<see cref="StratifiedSample"/>).</summary>
/// <param name="Stratum">The stratum key, for example "RefundWindow|casual|typos".</param>
/// <param name="Population">N<sub>h</sub>, the rows in the stratum.</param>
/// <param name="Sampled">n<sub>h</sub>, the rows selected from it (0 only when the budget was smaller than the number of strata).</param>
internal readonly record struct StratumAllocation(string Stratum, int Population, int Sampled)
{
    /// <summary>This stratum's observation once its sampled rows have run, for <see cref="StratifiedEstimate"/>.</summary>
    /// <param name="passed">How many of the <see cref="Sampled"/> rows passed.</param>
    /// <returns>The observation (N<sub>h</sub>, n<sub>h</sub>, passes<sub>h</sub>).</returns>
    public StratumObservation Observe(int passed) => new(Population, Sampled, passed);
}
