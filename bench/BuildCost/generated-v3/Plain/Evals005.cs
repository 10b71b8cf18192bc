using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals005
{
    public Task<string> Method0250(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0251(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0252(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0253(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0254(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0255(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0256(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0257(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0258(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0259(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0260(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0261(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0262(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0263(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0264(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0265(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0266(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0267(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0268(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0269(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0270(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0271(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0272(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0273(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0274(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0275(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0276(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0277(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0278(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0279(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0280(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0281(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0282(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0283(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0284(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0285(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0286(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0287(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0288(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0289(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0290(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0291(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0292(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0293(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0294(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0295(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0296(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0297(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0298(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0299(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
