using System;
using System.Collections.Generic;
using System.Threading;

namespace EvalSpec.Recording;

/// <summary>
/// The recorded answers behind one use of a model's answer (a judge asking for a verdict), so that the user of the answer can
/// tell the recordings it could not use them: code that calls a recorded client inside <see cref="Begin"/> and finds the
/// answer unusable calls <see cref="MarkUnusable"/>. Auto mode then never replays those answers again (it calls the model
/// and records the new answer in their place); Replay mode replays them all the same, so that a build server stays
/// deterministic. Flows with the async call, like <see cref="Execution.EvalCallContext"/>; without a scope, nothing is noted.
/// </summary>
internal sealed class RecordedAnswerScope : IDisposable
{
    /// <summary>How much of the reason is kept in the recordings file.</summary>
    private const int ReasonLimit = 300;

    private static readonly AsyncLocal<RecordedAnswerScope?> s_current = new();

    private readonly RecordedAnswerScope? _previous;
    private readonly List<(RecordingSession Session, string Suite, RecordingEntryId Id)> _answers = new();
    private bool _disposed;

    private RecordedAnswerScope(RecordedAnswerScope? previous) => _previous = previous;

    /// <summary>Starts noting the recorded answers of the calls made in the current async flow until disposed.</summary>
    public static RecordedAnswerScope Begin()
    {
        var scope = new RecordedAnswerScope(s_current.Value);
        s_current.Value = scope;
        return scope;
    }

    /// <summary>Notes a recorded or replayed answer in the current scope, if there is one.</summary>
    internal static void Observe(RecordingSession session, string suite, RecordingEntryId id)
    {
        if (s_current.Value is { } scope)
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
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            s_current.Value = _previous;
        }
    }
}
