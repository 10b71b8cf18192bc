using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// The recording session is process-wide (<c>RecordingSession.Current</c>), so the tests that start one run one at a time,
/// apart from the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RecordingCollection
{
    public const string Name = "Recording";
}
