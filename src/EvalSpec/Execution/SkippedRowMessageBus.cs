using System;
using System.Linq;
using System.Threading;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// Passes test messages through, turning the failure of a row that failed as the baseline records
/// (<see cref="EvalRowKnownFailureException"/>) into a skip with the failure message as the reason.
/// </summary>
internal sealed class KnownFailureMessageBus : IMessageBus
{
    private static readonly string KnownFailureType = typeof(EvalRowKnownFailureException).FullName!;
    private readonly IMessageBus _inner;
    private int _converted;

    public KnownFailureMessageBus(IMessageBus inner)
    {
        _inner = inner;
    }

    /// <summary>How many failures were reported as skips.</summary>
    public int Converted => Volatile.Read(ref _converted);

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.FirstOrDefault() == KnownFailureType)
        {
            Interlocked.Increment(ref _converted);
            return _inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages.FirstOrDefault() ?? "Known failure"));
        }

        return _inner.QueueMessage(message);
    }

    public void Dispose()
    {
        // The inner bus belongs to the caller.
    }
}
