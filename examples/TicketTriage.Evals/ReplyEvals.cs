using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace TicketTriage.Evals;

/// <summary>
/// Reply drafting: five conversations (two written here, three in data/conversations.jsonl). The service gets the
/// whole conversation (EvalInput.Messages); the rubric judge sees its transcript; lowercasing the customer's turns
/// (the relation changes user turns only) must not change the reply's meaning.
/// </summary>
public partial class ReplyEvals
{
    private static readonly TicketTriageService Service = new(Models.Triage());

    [Eval(Rubric = "Replies politely to the customer's last message, consistent with what was said earlier (order numbers, steps already taken).")]
    [Conversation(
        "user: My order #5521 was charged twice.",
        "assistant: Sorry about that! I can see two payments for order #5521.",
        "user: Please give me a refund for the second one.",
        Id = "double-charge-refund", Expected = "refund for order #5521")]
    [Conversation(
        "user: The tracking for order #6090 has not moved for a week.",
        "assistant: Thank you, I have asked the courier for an update.",
        "user: Any news?",
        Id = "tracking-stuck", Expected = "order #6090")]
    [CasesFrom("data/conversations.jsonl")]
    [Invariant<Lowercase>]
    public Task<string> Reply(EvalInput input) => Service.DraftReplyAsync(input.Messages, input.CancellationToken);
}
