namespace EvalSpec.Statistics;

/// <summary>What a stratified sample saw in one stratum (<see cref="StratifiedEstimate"/>).</summary>
/// <param name="Population">N<sub>h</sub>, the rows in the stratum.</param>
/// <param name="Sampled">n<sub>h</sub>, the rows that were run (0 ≤ n<sub>h</sub> ≤ N<sub>h</sub>).</param>
/// <param name="Passed">passes<sub>h</sub>, how many of the run rows passed (0 ≤ passes<sub>h</sub> ≤ n<sub>h</sub>).</param>
internal readonly record struct StratumObservation(int Population, int Sampled, int Passed);
