using System;
using System.Collections.Generic;
using EvalSpec.Execution;

namespace EvalSpec.Recording;

/// <summary>
/// The recorded answers behind one use of a model's answer (a judge asking for a verdict), so that the user of the answer can
/// tell the recordings it could not use them: code that calls a recorded client inside <see cref="Begin"/> and finds the
/// answer unusable calls <see cref="MarkUnusable"/>. Auto mode then never replays those answers again (it calls the model
/// and records the new answer in their place); Replay mode replays them all the same, so that a build server stays
/// deterministic. Flows with the async call in the run's <see cref="EvalFlow"/> (a scope collects for the judge call that
/// began it, and only there); without a scope, nothing is noted.
/// </summary>
internal sealed class RecordedAnswerScope : IDisposable
{
    /// <summary>How much of the reason is kept in the recordings file.</summary>
    private const int ReasonLimit = 300;

    private readonly List<(RecordingSession Session, string Suite, RecordingEntryId Id)> _answers = new();
    private IDisposable? _flow;

    private RecordedAnswerScope()
    {
    }

    /// <summary>Starts noting the recorded answers of the calls made in the current async flow until disposed.</summary>
    public static RecordedAnswerScope Begin()
    {
        var scope = new RecordedAnswerScope();
        scope._flow = EvalFlow.Enter((EvalFlow.Current ?? EvalFlow.None) with { Answers = scope });
        return scope;
    }

    /// <summary>Notes a recorded or replayed answer in the current scope, if there is one.</summary>
    internal static void Observe(RecordingSession session, string suite, RecordingEntryId id)
    {
        if (EvalFlow.Current?.Answers is { } scope)
        {
            lock (scope._answers)
            {
                scope._answers.Add((session, suite, id));
            }
        }
    }

    /// <summary>Tells the recordings that every answer noted so far could not be used, and why.</summary>
    /// <param name="reason">Why (kept in the recordings file next to the answer, shortened).</param>
    public void MarkUnusable(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        string shown = reason.Length > ReasonLimit ? reason[..ReasonLimit] + "..." : reason;
        (RecordingSession Session, string Suite, RecordingEntryId Id)[] answers;
        lock (_answers)
        {
            answers = _answers.ToArray();
        }

        foreach ((RecordingSession session, string suite, RecordingEntryId id) in answers)
        {
            session.MarkUnusable(suite, id, shown);
        }
    }

    /// <summary>Stops noting answers.</summary>
    public void Dispose() => _flow?.Dispose();
}
