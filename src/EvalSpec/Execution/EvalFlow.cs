using System;
using System.Threading;
using EvalSpec.Recording;
using EvalSpec.Reporting;
using EvalSpec.Snapshots;

namespace EvalSpec.Execution;

/// <summary>
/// What the run gives code it cannot pass anything to, flowing with the async call (like <c>Activity.Current</c> or
/// xUnit v3's <c>TestContext.Current</c>): a recording client built inside the user's system under test must find the
/// run's recording session and the row it is called for, a <see cref="Judging.JudgePanel"/> used inside an eval method
/// must count in the run's judge statistics, <see cref="Snapshot.VerifyAsync"/> in an ordinary test must use the
/// run's snapshot mode, and a generated row (xUnit v2 calls it without arguments) must find its run host. This is the runtime's one piece of ambient state; everything else is handed down by the test
/// framework (the run host).
/// </summary>
/// <remarks>
/// A flow value is never changed: <see cref="Enter"/> makes a new one current until its scope is disposed, so a value seen
/// by one row cannot be altered by another. EvalSpec's xUnit test framework enters the run's flow for the whole assembly
/// run (ordinary tests see the run too); the row runner narrows it to a row and phase (<see cref="Call"/>) around each
/// call of the eval method, each relation's similarity measure and each judge panel.
/// </remarks>
/// <param name="Recording">The run's recordings, or null (model calls pass through).</param>
/// <param name="Judges">Where panel verdicts are counted for the run summary, or null.</param>
/// <param name="Snapshots">The run's snapshot store (its mode and build server), or null outside a run.</param>
/// <param name="Call">The row, trial and phase the current call is made for, or null outside eval rows.</param>
/// <param name="Answers">The recorded answers a judge is collecting (<see cref="RecordedAnswerScope"/>), or null.</param>
internal sealed record EvalFlow(
    RecordingSession? Recording,
    JudgeStatistics? Judges,
    SnapshotStore? Snapshots,
    EvalCallContext? Call = null,
    RecordedAnswerScope? Answers = null)
{
    // Allow-listed in RuntimeStaticStateTests: an AsyncLocal holds one immutable value per async flow, not process-wide state.
    private static readonly AsyncLocal<EvalFlow?> s_current = new();

    /// <summary>The run host of the flow: EvalSpec's test framework enters its flow around each test it runs, and a generated row finds it here.</summary>
    public EvalRunHost? Host { get; init; }

    /// <summary>Why the test framework could not create the run host (every row of the run reports it), or null.</summary>
    public Exception? HostError { get; init; }

    /// <summary>
    /// The cancellation of the row this flow runs for, when the test framework cancels single tests (xUnit v3: the run's
    /// cancellation linked with the test's own, <c>TestContext.Current.CancellationToken</c>); none (the default) when only
    /// the whole run is cancelled. <see cref="EvalRunHost.Cancellation"/> returns it inside the row.
    /// </summary>
    public CancellationToken RowCancellation { get; init; }

    /// <summary>A flow with nothing of a run: calls pass through unrecorded, verdicts are not counted.</summary>
    public static EvalFlow None => new(null, null, null);

    /// <summary>The flow of the current async call, or null when none was entered.</summary>
    public static EvalFlow? Current => s_current.Value;

    /// <summary>Makes <paramref name="flow"/> current in this async flow until the returned scope is disposed.</summary>
    /// <param name="flow">The flow to enter; null leaves every run behind.</param>
    /// <returns>A scope that makes the previous flow current again.</returns>
    public static IDisposable Enter(EvalFlow? flow)
    {
        EvalFlow? previous = s_current.Value;
        s_current.Value = flow;
        return new Scope(previous);
    }

    /// <summary>The current flow (or <see cref="None"/>) narrowed to <paramref name="call"/>.</summary>
    public static EvalFlow WithCall(EvalCallContext? call) => (Current ?? None) with { Call = call };

    private sealed class Scope : IDisposable
    {
        private readonly EvalFlow? _previous;
        private int _disposed;

        public Scope(EvalFlow? previous) => _previous = previous;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                s_current.Value = _previous;
            }
        }
    }
}
