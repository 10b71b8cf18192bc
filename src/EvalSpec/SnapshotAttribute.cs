using System;

namespace EvalSpec;

/// <summary>
/// Verifies every row of the eval against a committed snapshot: a <c>&lt;Class&gt;.&lt;Method&gt;.&lt;case&gt;.&lt;variant&gt;.&lt;relation&gt;.verified.txt</c>
/// file (relation <c>identity</c> for identity rows; <c>.json</c> for structured outputs) next to the source file; with
/// several trials, the first trial is snapshotted and a mismatch fails the row whatever the trial rule. The rendered
/// prompt (and a relation row's follow-up prompt) must always match exactly; the output is compared as
/// <see cref="Output"/> says. A mismatch or a missing file fails the row and writes a <c>.received.</c> file; accept with
/// <c>EVALSPEC_SNAPSHOTS=accept</c> or <c>evalspec accept</c> (never on a build server). When the eval method fails,
/// only the prompt is compared and nothing is written or accepted.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SnapshotAttribute : Attribute
{
    /// <summary>How the output is compared. Default <see cref="SnapshotOutput.Auto"/>.</summary>
    public SnapshotOutput Output { get; set; }
}
