using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;
using FaqBot;

namespace FaqBot.Evals;

/// <summary>Return windows differ by product category; customers ask about them in many ways.</summary>
public partial class ReturnsEvals
{
    private readonly SupportBot _bot = SupportBot.CreateDefault();

    [Eval(Rubric = "States the correct return window for the product's category.")]
    [Prompt("formal", "How many days do I have to return {product}?")]
    [Prompt("casual", "how long can i send back my {product}")]
    [Prompt("story", "I bought {product} last week and I'm not happy with it. Until when can I still return it?")]
    [Case("a laptop", Id = "laptop", Expected = "30 days")]
    [Case("a tablet", Id = "tablet", Expected = "30 days")]
    [Case("a desktop computer", Id = "desktop", Expected = "30 days")]
    [Case("headphones", Id = "headphones", Expected = "14 days")]
    [Case("wireless earbuds", Id = "earbuds", Expected = "14 days")]
    [Case("a smartwatch", Id = "smartwatch", Expected = "30 days")]
    [Invariant<Typos>, Invariant<Lowercase>, Invariant<WhitespaceNoise>, Invariant<PunctuationNoise>]
    public async Task<string> ReturnWindow(EvalInput input, string product) =>
        await _bot.AnswerAsync(input.Prompt, input.CancellationToken);
}
