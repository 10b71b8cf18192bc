using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Snapshots;

/// <summary>Whether a received output means the same as the verified one, and why (the equivalence judge's answer).</summary>
/// <param name="Equivalent">True when the outputs say the same thing.</param>
/// <param name="Reason">The judge's reason, shown in the result either way.</param>
internal readonly record struct SnapshotEquivalence(bool Equivalent, string? Reason);

/// <summary>
/// Decides whether a received output that differs from the verified one still means the same (snapshots compared by
/// meaning, in verify mode). Called only when the prompt part matched exactly and the outputs differ.
/// </summary>
/// <param name="verifiedOutput">The verified output part (scrubbed; indented JSON for structured outputs).</param>
/// <param name="receivedOutput">The received output part, scrubbed the same way.</param>
/// <param name="cancellationToken">The row's cancellation.</param>
internal delegate ValueTask<SnapshotEquivalence> SnapshotOutputEquivalence(string verifiedOutput, string receivedOutput, CancellationToken cancellationToken);
