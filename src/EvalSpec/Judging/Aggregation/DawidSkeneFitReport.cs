namespace EvalSpec.Judging;

/// <summary>How a <see cref="DawidSkeneModel"/> was fitted.</summary>
/// <param name="Items">The items the fit used (for EM: those on which at least one judge decided).</param>
/// <param name="Iterations">EM iterations run; 0 for a fit from labelled items (closed form).</param>
/// <param name="Converged">
/// Whether EM stopped because no parameter moved more than the tolerance (always true for a labelled fit);
/// false means it hit its iteration limit and the parameters may still be moving.
/// </param>
/// <param name="LogLikelihood">The log-likelihood of the judges' verdicts on the items under the fitted model (labels not included).</param>
public sealed record DawidSkeneFitReport(int Items, int Iterations, bool Converged, double LogLikelihood);
