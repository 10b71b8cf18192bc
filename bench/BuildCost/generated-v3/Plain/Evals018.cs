using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals018
{
    public Task<string> Method0900(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0901(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0902(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0903(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0904(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0905(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0906(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0907(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0908(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0909(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0910(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0911(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0912(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0913(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0914(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0915(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0916(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0917(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0918(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0919(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0920(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0921(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0922(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0923(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0924(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0925(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0926(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0927(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0928(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0929(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0930(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0931(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0932(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0933(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0934(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0935(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0936(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0937(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0938(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0939(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0940(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0941(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0942(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0943(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0944(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0945(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0946(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0947(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0948(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0949(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
