using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals017
{
    public Task<string> Method0850(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0851(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0852(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0853(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0854(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0855(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0856(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0857(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0858(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0859(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0860(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0861(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0862(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0863(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0864(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0865(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0866(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0867(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0868(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0869(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0870(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0871(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0872(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0873(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0874(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0875(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0876(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0877(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0878(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0879(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0880(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0881(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0882(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0883(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0884(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0885(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0886(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0887(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0888(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0889(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0890(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0891(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0892(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0893(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0894(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0895(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0896(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0897(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0898(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0899(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
