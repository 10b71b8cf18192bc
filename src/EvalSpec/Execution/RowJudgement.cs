using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using EvalSpec.Judging;

namespace EvalSpec.Execution;

/// <summary>
/// What the judge stage (<see cref="RowJudging"/>) decided for a row or one trial of it, from its runs: the decision, the
/// checks in the order they ran, the notes, and whether the eval's rubric went unchecked. Immutable.
/// </summary>
/// <param name="Decision">How the runs and checks decide the row (before its snapshot and budget checks).</param>
/// <param name="Checks">The checks, in the order they ran.</param>
/// <param name="Notes">What the row's message and result say besides its checks (a rubric no judge checked, a stale pin).</param>
/// <param name="RubricNotChecked">The eval has a rubric and no rubric judge checked it.</param>
internal sealed record RowJudgement(RowDecision Decision, IReadOnlyList<PanelVerdict> Checks, IReadOnlyList<string> Notes, bool RubricNotChecked = false)
{
    /// <summary>
    /// The exception that stopped the stage before it decided (the run was cancelled while a panel judged), or null. The
    /// checks made before it are kept, so that the row records them; the pipeline rethrows it to decide the row.
    /// </summary>
    public ExceptionDispatchInfo? StoppedBy { get; init; }

    /// <summary>The runs decided the row before any judge was asked (a failed, timed-out or unreadable run).</summary>
    public static RowJudgement Unjudged(RowDecision decision) => new(decision, Array.Empty<PanelVerdict>(), Array.Empty<string>());
}
