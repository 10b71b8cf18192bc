using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;
using FaqBot;

namespace FaqBot.Evals;

/// <summary>Shipping, tracking and cancellation questions, asked plainly and wrapped in small talk.</summary>
public partial class OrdersEvals
{
    private readonly SupportBot _bot = SupportBot.CreateDefault();

    [Eval(Rubric = "Answers the shipping or order question with the policy's facts.")]
    [Prompt("plain", "{question}")]
    [Prompt("polite", "Hi there! {question} Thanks a lot.")]
    [Prompt("hurried", "{question} need a quick answer pls")]
    [Case("How long does standard shipping take?", Id = "standard-time", Expected = "3 to 5 business days")]
    [Case("How much does express shipping cost?", Id = "express-cost", Expected = "$14.99")]
    [Case("Do you deliver to Canada?", Id = "canada", Expected = "Canada")]
    [Case("How can I track my order?", Id = "tracking", Expected = "tracking number")]
    [Case("Where is my package?", Id = "where-is-package", Expected = "tracking number")]
    [Case("Can I still cancel the order I placed ten minutes ago?", Id = "cancel", Expected = "Processing")]
    [Case("My new TV arrived with a cracked screen. What should I do?", Id = "damaged-tv", Expected = "48 hours")]
    [Invariant<Typos>(Parameter = "question", Name = "question-typos")]
    [Invariant<Lowercase>, Invariant<WhitespaceNoise>, Invariant<Contractions>(Parameter = "question"), Invariant<FillerWords>(Parameter = "question")]
    public async Task<string> OrderQuestions(EvalInput input, string question) =>
        await _bot.AnswerAsync(input.Prompt, input.CancellationToken);
}
