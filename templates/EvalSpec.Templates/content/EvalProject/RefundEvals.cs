using EvalSpec;
using EvalSpec.Metamorphic;

namespace MyEvals;

/// <summary>
/// An example eval. EvalSpec's source generator turns the method into one test per row: each case, in each prompt
/// variant, plus one row per metamorphic relation (the prompt perturbed, the answer compared with the unperturbed one).
/// Here 3 cases x 2 variants x (1 + 2 relations) = 18 rows; <c>dotnet test --list-tests</c> lists them.
/// </summary>
public partial class RefundEvals
{
    private readonly ReturnsDesk _desk = new();

    [Eval]
    [Prompt("formal", "What is the refund window for a {product}?")]
    [Prompt("casual", "Hey, how long can I send back my {product}?")]
    [Case("laptop", Expected = "30 days")]
    [Case("headphones", Expected = "14 days")]
    [Case("monitor", Expected = "30 days")]
    [Invariant<Lowercase>, Invariant<WhitespaceNoise>]
    public async Task<string> RefundWindow(EvalInput input, string product)
    {
        // input.Prompt is the rendered prompt (perturbed in a relation's follow-up run); pass the token on to model calls.
        string answer = await _desk.AskAsync(input.Prompt, input.CancellationToken);
        Assert.False(string.IsNullOrWhiteSpace(answer));   // inline checks fail the row at once
        return answer;                                      // the output goes to the expected-answer and relation checks
    }
}
