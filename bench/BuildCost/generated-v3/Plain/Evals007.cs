using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals007
{
    public Task<string> Method0350(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0351(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0352(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0353(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0354(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0355(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0356(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0357(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0358(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0359(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0360(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0361(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0362(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0363(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0364(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0365(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0366(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0367(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0368(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0369(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0370(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0371(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0372(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0373(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0374(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0375(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0376(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0377(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0378(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0379(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0380(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0381(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0382(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0383(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0384(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0385(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0386(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0387(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0388(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0389(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0390(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0391(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0392(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0393(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0394(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0395(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0396(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0397(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0398(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0399(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
