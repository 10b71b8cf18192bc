using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SupportAgent;

/// <summary>
/// The support agent: retrieves the FAQ passages closest to the question, then lets the model answer with the order tools,
/// in a loop run by Microsoft.Extensions.AI's <see cref="FunctionInvokingChatClient"/> (the model asks for tool calls, the
/// client runs them and sends the results back, until the model answers in text).
/// </summary>
public sealed class SupportAgentService
{
    /// <summary>The system prompt; the retrieved passages follow it.</summary>
    public const string Instructions = """
        You are the support agent of an online shop. Use the tools to look orders up, check refund eligibility before
        creating a return, and create a return only when the customer asks for one and the order is eligible.
        Answer in two or three sentences, using only the tool results and the FAQ passages below.
        """;

    private readonly IChatClient _agent;
    private readonly SupportTools _tools;
    private readonly FaqSearch _faq;

    /// <summary>Creates the agent.</summary>
    /// <param name="model">The model (the tool loop is added around it).</param>
    /// <param name="tools">The order tools.</param>
    /// <param name="faq">The FAQ search.</param>
    public SupportAgentService(IChatClient model, SupportTools tools, FaqSearch faq)
    {
        ArgumentNullException.ThrowIfNull(model);
        _agent = model.AsBuilder().UseFunctionInvocation(configure: c => c.MaximumIterationsPerRequest = 6).Build();
        _tools = tools ?? throw new ArgumentNullException(nameof(tools));
        _faq = faq ?? throw new ArgumentNullException(nameof(faq));
    }

    /// <summary>Answers a customer's question.</summary>
    /// <param name="question">The question.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<SupportAnswer> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> passages = await _faq.SearchAsync(question, top: 3, cancellationToken).ConfigureAwait(false);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, Instructions + "\nFAQ:\n" + string.Join("\n", passages.Select(p => "- " + p))),
            new(ChatRole.User, question),
        };
        var options = new ChatOptions { Temperature = 0, Tools = _tools.All };
        ChatResponse response = await _agent.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        return new SupportAnswer(response, passages);
    }
}
