using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals006
{
    public Task<string> Method0300(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0301(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0302(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0303(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0304(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0305(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0306(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0307(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0308(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0309(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0310(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0311(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0312(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0313(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0314(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0315(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0316(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0317(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0318(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0319(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0320(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0321(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0322(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0323(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0324(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0325(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0326(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0327(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0328(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0329(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0330(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0331(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0332(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0333(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0334(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0335(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0336(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0337(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0338(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0339(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0340(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0341(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0342(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0343(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0344(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0345(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0346(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0347(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0348(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0349(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
