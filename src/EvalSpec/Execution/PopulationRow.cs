namespace EvalSpec.Execution;

/// <summary>One row of a <see cref="RowPopulation"/>: its id and its stratum (method, prompt variant and relation).</summary>
/// <param name="RowId">The row id (<see cref="RowIds.Row"/>).</param>
/// <param name="Stratum">The stratum key (<see cref="RowSample.StratumOf"/>).</param>
internal sealed record PopulationRow(string RowId, string Stratum);
