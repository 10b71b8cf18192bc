using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals000
{
    public Task<string> Method0000(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0001(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0002(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0003(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0004(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0005(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0006(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0007(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0008(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0009(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0010(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0011(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0012(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0013(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0014(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0015(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0016(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0017(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0018(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0019(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0020(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0021(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0022(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0023(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0024(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0025(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0026(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0027(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0028(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0029(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0030(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0031(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0032(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0033(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0034(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0035(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0036(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0037(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0038(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0039(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0040(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0041(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0042(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0043(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0044(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0045(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0046(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0047(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0048(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0049(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
