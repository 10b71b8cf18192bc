namespace EvalSpec.Testing.OpenAI;

/// <summary>
/// The token counts a scripted completion reports in its <c>usage</c> object
/// (<c>prompt_tokens</c>, <c>completion_tokens</c>, <c>total_tokens</c>).
/// </summary>
/// <param name="PromptTokens">The reported <c>prompt_tokens</c>.</param>
/// <param name="CompletionTokens">The reported <c>completion_tokens</c>.</param>
public sealed record ScriptedUsage(int PromptTokens, int CompletionTokens)
{
    /// <summary>Gets the reported <c>total_tokens</c>: the sum of prompt and completion tokens, as OpenAI reports it.</summary>
    public int TotalTokens => PromptTokens + CompletionTokens;
}
