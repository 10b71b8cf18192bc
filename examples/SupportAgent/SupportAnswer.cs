using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace SupportAgent;

/// <summary>What the agent did for one question: the whole run (tool calls, tool results, final answer) and the FAQ passages it was given.</summary>
/// <param name="Response">The run: every assistant turn, tool call and tool result, and the final answer.</param>
/// <param name="Passages">The FAQ passages retrieved for the question and put in the system prompt.</param>
public sealed record SupportAnswer(ChatResponse Response, IReadOnlyList<string> Passages);
