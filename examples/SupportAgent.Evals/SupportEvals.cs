using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Embeddings.MiniLM;
using Microsoft.Extensions.AI;

namespace SupportAgent.Evals;

/// <summary>
/// The support agent on five customer questions. Each row returns the agent's whole run (a <see cref="ChatResponse"/>
/// with every tool call and result), so EvalSpec judges its trajectory; the FAQ passages the agent retrieved and the tool
/// results it saw are the row's context, which the grounding judge checks the answer against.
/// </summary>
public partial class SupportEvals
{
    // "Today" is fixed so that refund eligibility (30 days from delivery) gives the recorded answers on every day.
    private static readonly SupportAgentService Agent = new(
        Models.Agent(),
        new SupportTools(new OrderDatabase(new DateOnly(2026, 12, 1))),
        new FaqSearch(new MiniLmEmbeddingGenerator()));

    [Eval(Rubric = "Resolves the customer's request with the order tools and tells the outcome truthfully.", MaxTokens = 6000)]
    [Prompt("ask", "{question}")]
    [Case("I want to return order A-1001, the headphones stopped working.", Id = "return-eligible", Expected = "R-A-1001")]
    [Case("Can I return order A-1002? The rain jacket is too small.", Id = "return-too-late", Expected = "cannot be returned")]
    [Case("Where is my order A-1003? I ordered a desk lamp.", Id = "where-is-my-order", Expected = "shipped")]
    [Case("How long does a refund take to reach my card?", Id = "refund-time", Expected = "5 business days")]
    [Case("Please return order A-1004 and refund the $45.50, the grinder is too loud.", Id = "return-unchecked", Expected = "R-A-1004")]
    public async Task<ChatResponse> Answer(EvalInput input, string question)
    {
        SupportAnswer answer = await Agent.AnswerAsync(input.Prompt, input.CancellationToken);
        input.AddContext(answer.Passages.ToArray());
        input.AddContext(answer.Response.Messages
            .SelectMany(m => m.Contents)
            .OfType<FunctionResultContent>()
            .Select(r => "Tool result: " + r.Result)
            .ToArray());
        return answer.Response;
    }
}
