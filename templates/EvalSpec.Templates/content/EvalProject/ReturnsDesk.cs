namespace MyEvals;

/// <summary>
/// The system under test of the example: a tiny returns desk that answers from a table, so the example runs offline
/// and gives the same answer every time. Replace it with your LLM-backed feature: build its IChatClient with
/// <c>.AsBuilder().UseEvalSpecRecording("bot").Build()</c>, so that a pull request replays the recorded answers
/// instead of calling the model (see the EvalSpec README, "Record and replay of model calls").
/// </summary>
public sealed class ReturnsDesk
{
    private static readonly Dictionary<string, string> ReturnWindows = new(StringComparer.OrdinalIgnoreCase)
    {
        ["laptop"] = "30 days",
        ["headphones"] = "14 days",
        ["monitor"] = "30 days",
    };

    /// <summary>Answers a question about returning a product.</summary>
    public Task<string> AskAsync(string question, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach ((string product, string window) in ReturnWindows)
        {
            if (question.Contains(product, StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult($"You can return a {product} within {window} of delivery for a full refund.");
            }
        }

        return Task.FromResult("Sorry, I can only help with returns of laptops, headphones and monitors.");
    }
}
