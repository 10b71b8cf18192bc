using System.Collections.Generic;

namespace EvalSpec.Statistics;

/// <summary>What <see cref="FixedSequenceTest.Run"/> found.</summary>
/// <param name="Selected">The index of the last certified candidate, or -1 when the first candidate tested was not certified.</param>
/// <param name="Steps">Every candidate tested, in order; the last one is the first that was not certified (unless all were).</param>
internal sealed record FixedSequenceResult(int Selected, IReadOnlyList<FixedSequenceStep> Steps);
