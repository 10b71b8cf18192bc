using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;
using EvalSpec.Recording;
using Microsoft.Extensions.AI;

namespace RecordingSuite;

/// <summary>
/// 50 cases x 4 prompt variants x (identity + 4 invariant relations) = 1,000 rows: 1,000 calls of the bot (200 sources,
/// 800 follow-ups) and 200 of the LLM judge (the identity rows), all through recording clients.
/// </summary>
public partial class SupportEvals
{
    private static readonly IChatClient Bot = Models.Client("bot-model").AsBuilder().UseEvalSpecRecording("bot").Build();

    [Eval(Rubric = "Names the item asked about.")]
    [Prompt("ask", "Tell me about {item}.")]
    [Prompt("shout", "Tell me about {item}, please!")]
    [Prompt("short", "What is {item}?")]
    [Prompt("polite", "Could you describe {item}, please?")]
    [Case("item-01", Expected = "item-01")]
    [Case("item-02", Expected = "item-02")]
    [Case("item-03", Expected = "item-03")]
    [Case("item-04", Expected = "item-04")]
    [Case("item-05", Expected = "item-05")]
    [Case("item-06", Expected = "item-06")]
    [Case("item-07", Expected = "item-07")]
    [Case("item-08", Expected = "item-08")]
    [Case("item-09", Expected = "item-09")]
    [Case("item-10", Expected = "item-10")]
    [Case("item-11", Expected = "item-11")]
    [Case("item-12", Expected = "item-12")]
    [Case("item-13", Expected = "item-13")]
    [Case("item-14", Expected = "item-14")]
    [Case("item-15", Expected = "item-15")]
    [Case("item-16", Expected = "item-16")]
    [Case("item-17", Expected = "item-17")]
    [Case("item-18", Expected = "item-18")]
    [Case("item-19", Expected = "item-19")]
    [Case("item-20", Expected = "item-20")]
    [Case("item-21", Expected = "item-21")]
    [Case("item-22", Expected = "item-22")]
    [Case("item-23", Expected = "item-23")]
    [Case("item-24", Expected = "item-24")]
    [Case("item-25", Expected = "item-25")]
    [Case("item-26", Expected = "item-26")]
    [Case("item-27", Expected = "item-27")]
    [Case("item-28", Expected = "item-28")]
    [Case("item-29", Expected = "item-29")]
    [Case("item-30", Expected = "item-30")]
    [Case("item-31", Expected = "item-31")]
    [Case("item-32", Expected = "item-32")]
    [Case("item-33", Expected = "item-33")]
    [Case("item-34", Expected = "item-34")]
    [Case("item-35", Expected = "item-35")]
    [Case("item-36", Expected = "item-36")]
    [Case("item-37", Expected = "item-37")]
    [Case("item-38", Expected = "item-38")]
    [Case("item-39", Expected = "item-39")]
    [Case("item-40", Expected = "item-40")]
    [Case("item-41", Expected = "item-41")]
    [Case("item-42", Expected = "item-42")]
    [Case("item-43", Expected = "item-43")]
    [Case("item-44", Expected = "item-44")]
    [Case("item-45", Expected = "item-45")]
    [Case("item-46", Expected = "item-46")]
    [Case("item-47", Expected = "item-47")]
    [Case("item-48", Expected = "item-48")]
    [Case("item-49", Expected = "item-49")]
    [Case("item-50", Expected = "item-50")]
    [Invariant<Uppercase>, Invariant<Repeat>, Invariant<WhitespaceNoise>, Invariant<PunctuationNoise>]
    public async Task<string> Describe(EvalInput input, string item)
    {
        ChatResponse response = await Bot.GetResponseAsync(input.Prompt, new ChatOptions { Temperature = 0 }, input.CancellationToken);
        return response.Text;
    }
}
