using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;
using FaqBot;

namespace FaqBot.Evals;

/// <summary>Return windows differ by product category; customers ask about them in many ways (prompts/returns.prompts).</summary>
public partial class ReturnsEvals
{
    private readonly SupportBot _bot = SupportBot.CreateDefault();

    [Eval(Rubric = "States the correct return window for the product's category.")]
    [PromptSet("returns")]
    [Case("a laptop", Id = "laptop", Expected = "30 days")]
    [Case("a tablet", Id = "tablet", Expected = "30 days")]
    [Case("a desktop computer", Id = "desktop", Expected = "30 days")]
    [Case("headphones", Id = "headphones", Expected = "14 days")]
    [Case("wireless earbuds", Id = "earbuds", Expected = "14 days")]
    [Case("a smartwatch", Id = "smartwatch", Expected = "30 days")]
    // character level
    [Invariant<Typos>, Invariant<Lowercase>, Invariant<WhitespaceNoise>, Invariant<PunctuationNoise>]
    // word and sentence level, and the same question twice
    [Invariant<Synonyms>, Invariant<DistractorSentence>, Invariant<InstructionParaphrase>, Invariant<Repeat>]
    // the answer must change when the product moves to the other return window
    [Directional<ProductCategorySwap>(Parameter = "product", Name = "other-category", Threshold = 0.7)]
    public async Task<string> ReturnWindow(EvalInput input, string product) =>
        await _bot.AnswerAsync(input.Prompt, input.CancellationToken);
}
