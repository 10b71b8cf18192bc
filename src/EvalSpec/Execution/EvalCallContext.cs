using System;

namespace EvalSpec.Execution;

/// <summary>
/// The eval row a model call is made for, flowing with the async call: set while an eval method runs for a row (the
/// source or the follow-up run of one trial) and while the row's judges run. Recording middleware uses it to key and
/// file recordings by test class, row, trial and phase; it is null outside eval rows.
/// </summary>
public sealed record EvalCallContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="suite">The full name of the eval class (recordings are filed per class).</param>
    /// <param name="rowId">The row id the call belongs to (for a source run, the identity row's id).</param>
    /// <param name="trial">The trial index, 0 unless the eval runs several trials.</param>
    /// <param name="phase">What the call is for (<see cref="SourcePhase"/>, <see cref="FollowUpPhase"/>, <see cref="JudgePhase"/>, <see cref="SimilarityPhase"/>).</param>
    public EvalCallContext(string suite, string rowId, int trial, string phase)
    {
        Suite = suite ?? throw new ArgumentNullException(nameof(suite));
        RowId = rowId ?? throw new ArgumentNullException(nameof(rowId));
        Trial = trial;
        Phase = phase ?? throw new ArgumentNullException(nameof(phase));
    }

    /// <summary>The phase of the source run (the eval method called with the row's own input).</summary>
    public const string SourcePhase = "source";

    /// <summary>The phase of a relation row's follow-up run (the eval method called with the transformed input).</summary>
    public const string FollowUpPhase = "follow-up";

    /// <summary>The phase in which the row's judges run.</summary>
    public const string JudgePhase = "judge";

    /// <summary>The phase in which a relation row's input similarity is measured (embedding calls that weigh the row).</summary>
    public const string SimilarityPhase = "similarity";

    /// <summary>The context of the current async flow, or null outside eval rows.</summary>
    public static EvalCallContext? Current => EvalFlow.Current?.Call;

    /// <summary>The full name of the eval class.</summary>
    public string Suite { get; }

    /// <summary>The row id the call belongs to.</summary>
    public string RowId { get; }

    /// <summary>The trial index.</summary>
    public int Trial { get; }

    /// <summary>What the call is for: source, follow-up, judge or similarity.</summary>
    public string Phase { get; }

    /// <summary>Row, phase and trial as one stable path: <c>Namespace.Class.Method/case/variant/relation/source/0</c>.</summary>
    public override string ToString() => RowId + "/" + Phase + "/" + Trial.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Makes <paramref name="context"/> current, in the current run's flow, until the returned scope is disposed.</summary>
    /// <param name="context">The context to enter.</param>
    /// <returns>A scope that restores the previous context.</returns>
    public static IDisposable Enter(EvalCallContext? context) => EvalFlow.Enter(EvalFlow.WithCall(context));
}
