namespace EvalSpec.Statistics;

/// <summary>One metamorphic relation row, as robustness metrics see it (<see cref="RobustnessMetrics"/>).</summary>
/// <param name="Applicable">
/// False when the perturbation could not be applied (for example no letters to put a typo in) and the row says nothing
/// about robustness; such rows are counted but left out of both rates.
/// </param>
/// <param name="Violated">True when the relation did not hold: the perturbation "succeeded" against the system.</param>
/// <param name="MeaningPreservation">
/// How well the follow-up input kept the source input's meaning, in [0, 1] (for example the semantic similarity of the
/// two inputs). 1, the default, treats the perturbation as meaning-preserving and makes the weighted rate equal the plain one.
/// </param>
internal readonly record struct PerturbationOutcome(bool Applicable, bool Violated, double MeaningPreservation = 1.0);
