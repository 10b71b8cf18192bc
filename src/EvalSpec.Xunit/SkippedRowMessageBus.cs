using System;
using System.Linq;
using System.Threading;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// Passes test messages through, turning the failure of a row that is not to block the run — a known failure
/// (<see cref="EvalRowKnownFailureException"/>) or a row that was not judged (<see cref="EvalRowSkippedException"/>)
/// — into a skip with the message as the reason.
/// </summary>
internal sealed class SkippedRowMessageBus : IMessageBus
{
    private static readonly System.Collections.Immutable.ImmutableArray<string> SkippedTypes = [typeof(EvalRowKnownFailureException).FullName!, typeof(EvalRowSkippedException).FullName!];
    private readonly IMessageBus _inner;
    private int _converted;

    public SkippedRowMessageBus(IMessageBus inner)
    {
        _inner = inner;
    }

    /// <summary>How many failures were reported as skips.</summary>
    public int Converted => Volatile.Read(ref _converted);

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.FirstOrDefault() is { } thrown && SkippedTypes.Contains(thrown))
        {
            Interlocked.Increment(ref _converted);
            return _inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages.FirstOrDefault() ?? "Skipped"));
        }

        return _inner.QueueMessage(message);
    }

    public void Dispose()
    {
        // The inner bus belongs to the caller.
    }
}
