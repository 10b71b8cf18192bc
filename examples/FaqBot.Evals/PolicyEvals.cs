using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;
using FaqBot;

namespace FaqBot.Evals;

/// <summary>Warranty, payment and account policies, and questions the bot must not pretend to know.</summary>
public partial class PolicyEvals
{
    private readonly SupportBot _bot = SupportBot.CreateDefault();

    [Eval(Rubric = "Gives the correct policy fact.")]
    [Prompt("direct", "{question}")]
    [Prompt("context", "I'm a Northwind customer with a question. {question}")]
    [Case("How long is the warranty on a laptop?", Id = "laptop-warranty", Expected = "2 years")]
    [Case("My laptop stopped working after 18 months. Is it still covered?", Id = "laptop-18-months", Expected = "2 years")]
    [Case("Do you accept PayPal?", Id = "paypal", Expected = "PayPal")]
    [Case("Can I split my payment into installments?", Id = "installments", Expected = "4 interest-free installments")]
    [Case("Do gift cards expire?", Id = "gift-card-expiry", Expected = "never expire")]
    [Case("Is there a discount for students?", Id = "student-discount", Expected = "10%")]
    [Invariant<Typos>(Parameter = "question", Name = "question-typos"), Invariant<Lowercase>, Invariant<PunctuationNoise>]
    public async Task<string> PolicyFacts(EvalInput input, string question) =>
        await _bot.AnswerAsync(input.Prompt, input.CancellationToken);

    [Eval(Rubric = "Does not answer questions outside the shop's FAQ; refers the customer to a person instead.")]
    [Prompt("direct", "{question}")]
    [Prompt("context", "Quick question for Northwind support: {question}")]
    [Case("What is the capital of France?", Id = "geography", Expected = "contact support")]
    [Case("Can you recommend a good gaming laptop?", Id = "recommendation", Expected = "contact support")]
    [Case("Write me a short poem about shipping.", Id = "poem", Expected = "contact support")]
    [Case("What will the weather be like tomorrow?", Id = "weather", Expected = "contact support")]
    [Case("Which laptop is faster, yours or the one from the store across the street?", Id = "comparison", Expected = "contact support")]
    [Invariant<Typos>(Parameter = "question", Name = "question-typos"), Invariant<Lowercase>]
    public async Task<string> OutOfScope(EvalInput input, string question) =>
        await _bot.AnswerAsync(input.Prompt, input.CancellationToken);
}
