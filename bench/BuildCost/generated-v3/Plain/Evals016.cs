using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals016
{
    public Task<string> Method0800(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0801(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0802(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0803(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0804(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0805(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0806(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0807(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0808(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0809(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0810(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0811(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0812(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0813(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0814(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0815(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0816(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0817(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0818(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0819(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0820(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0821(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0822(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0823(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0824(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0825(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0826(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0827(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0828(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0829(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0830(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0831(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0832(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0833(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0834(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0835(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0836(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0837(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0838(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0839(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0840(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0841(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0842(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0843(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0844(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0845(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0846(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0847(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0848(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0849(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
