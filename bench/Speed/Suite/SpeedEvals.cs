using System;
using System.Threading.Tasks;
using EvalSpec;
using Microsoft.Extensions.AI;

namespace SpeedSuite;

/// <summary>
/// Speed benchmark rows (bench/Speed): one real HTTP call per row through the Microsoft.Extensions.AI OpenAI client to
/// fake_openai.py (SPEED_URL), and trivial rows without I/O. The bare-client program (bench/Speed/Bare) makes the
/// same calls with the same client.
/// </summary>
public partial class SpeedEvals
{
    // Built when xUnit first creates the class (before the first row starts), as Bare builds its client before its clock starts.
    private static readonly IChatClient Client = SpeedClient.Client;

    [Eval]
    [Prompt("ask", "Reply to: {q}")]
    [CasesFrom("../Suite/data/http200.jsonl")]
    public async Task<string> Http200(EvalInput input, string q) =>
        (await Client.GetResponseAsync(input.Prompt, cancellationToken: input.CancellationToken).ConfigureAwait(false)).Text;

    [Eval]
    [Prompt("ask", "Reply to: {q}")]
    [CasesFrom("../Suite/data/http1000.jsonl")]
    public async Task<string> Http1000(EvalInput input, string q) =>
        (await Client.GetResponseAsync(input.Prompt, cancellationToken: input.CancellationToken).ConfigureAwait(false)).Text;

    [Eval]
    [Prompt("ask", "Reply to: {q}")]
    [CasesFrom("../Suite/data/trivial1000.jsonl")]
    public Task<string> Trivial(EvalInput input, string q) => Task.FromResult("Answer: " + q);
}
