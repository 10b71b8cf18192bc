using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Bench.LlmBar;

/// <summary>
/// An <see cref="IChatClient"/> that answers a pairwise judge's request with the completion LLMBar recorded
/// for the same item and presentation order: it reads the two outputs from the request (in the order the
/// judge showed them) and returns the recorded unswapped or swapped completion. Counts calls.
/// </summary>
internal sealed partial class ReplayChatClient : IChatClient
{
    private readonly Dictionary<(string Instruction, string First, string Second), string> _completions = new();
    private int _calls;

    public ReplayChatClient(string judge, IReadOnlyList<LlmBarItem> items, IReadOnlyList<RecordedJudgement> judgements)
    {
        Judge = judge;
        for (int i = 0; i < items.Count; i++)
        {
            LlmBarItem item = items[i];
            _completions[(item.Instruction, item.Output1, item.Output2)] = judgements[i].Unswapped;
            _completions[(item.Instruction, item.Output2, item.Output1)] = judgements[i].Swapped;
        }
    }

    public string Judge { get; }

    public int Calls => Volatile.Read(ref _calls);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        string item = messages.Last(m => m.Role == ChatRole.User && m.Text.Contains("<output_a>", StringComparison.Ordinal)).Text;
        string instruction = Tag(item, "instruction");
        string first = Tag(item, "output_a");
        string second = Tag(item, "output_b");
        if (!_completions.TryGetValue((instruction, first, second), out string? completion))
        {
            throw new InvalidOperationException($"No recorded completion of {Judge} for this item and order.");
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, completion)) { ModelId = Judge });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The replay answers whole responses only.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("llmbar-replay", null, Judge) : null;

    public void Dispose()
    {
    }

    // The judge writes "<tag>\n{text}\n</tag>" with "</tag" inside the text escaped as "<\/tag".
    private static string Tag(string text, string tag)
    {
        int start = text.IndexOf("<" + tag + ">\n", StringComparison.Ordinal) + tag.Length + 3;
        int end = text.IndexOf("\n</" + tag + ">", start, StringComparison.Ordinal);
        return text[start..end].Replace("<\\/" + tag, "</" + tag, StringComparison.Ordinal);
    }
}
