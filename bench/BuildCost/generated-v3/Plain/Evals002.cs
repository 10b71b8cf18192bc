using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals002
{
    public Task<string> Method0100(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0101(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0102(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0103(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0104(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0105(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0106(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0107(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0108(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0109(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0110(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0111(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0112(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0113(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0114(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0115(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0116(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0117(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0118(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0119(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0120(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0121(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0122(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0123(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0124(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0125(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0126(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0127(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0128(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0129(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0130(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0131(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0132(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0133(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0134(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0135(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0136(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0137(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0138(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0139(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0140(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0141(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0142(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0143(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0144(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0145(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0146(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0147(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0148(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0149(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
