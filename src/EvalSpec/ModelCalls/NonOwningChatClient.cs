using Microsoft.Extensions.AI;

namespace EvalSpec.ModelCalls;

/// <summary>
/// The bottom of a run's model call pipeline: passes everything to the user's client, but disposing the pipeline at the
/// end of the run does not dispose that client, which the user owns and may use after the run.
/// </summary>
internal sealed class NonOwningChatClient : DelegatingChatClient
{
    public NonOwningChatClient(IChatClient innerClient)
        : base(innerClient)
    {
    }

    protected override void Dispose(bool disposing)
    {
        // Deliberately not base.Dispose: the inner client is the user's.
    }
}
