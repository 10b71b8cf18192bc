using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals004
{
    public Task<string> Method0200(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0201(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0202(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0203(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0204(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0205(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0206(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0207(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0208(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0209(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0210(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0211(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0212(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0213(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0214(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0215(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0216(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0217(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0218(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0219(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0220(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0221(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0222(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0223(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0224(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0225(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0226(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0227(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0228(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0229(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0230(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0231(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0232(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0233(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0234(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0235(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0236(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0237(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0238(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0239(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0240(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0241(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0242(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0243(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0244(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0245(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0246(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0247(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0248(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0249(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
