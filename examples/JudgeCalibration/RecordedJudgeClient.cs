using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace JudgeCalibration;

/// <summary>
/// Stands in for a judge model so the example runs offline: answers a pairwise judge's request with what the
/// real model (ChatGPT, LLaMA2 or PaLM2) answered LLMBar for the same item and presentation order. Against a
/// live model you would pass your provider's <see cref="IChatClient"/> instead.
/// </summary>
public sealed class RecordedJudgeClient(string model) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        string item = messages.Last(m => m.Role == ChatRole.User && m.Text.Contains("<output_a>", StringComparison.Ordinal)).Text;
        string first = Between(item, "<output_a>\n", "\n</output_a>");
        LabelledItem labelled = CurrentItem.Value ?? throw new InvalidOperationException("No labelled item is being judged.");
        RecordedAnswers answers = labelled.Judges[model];
        string completion = first == labelled.Output1 ? answers.Unswapped : answers.Swapped;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, completion)) { ModelId = model });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("llmbar-recording", null, model) : null;

    public void Dispose()
    {
    }

    /// <summary>The item the current row is judging (rows run concurrently, each in its own async flow).</summary>
    internal static AsyncLocal<LabelledItem?> CurrentItem { get; } = new();

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)].Replace("<\\/output_a", "</output_a", StringComparison.Ordinal);
    }
}
