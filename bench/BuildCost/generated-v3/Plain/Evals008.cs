using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals008
{
    public Task<string> Method0400(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0401(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0402(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0403(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0404(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0405(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0406(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0407(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0408(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0409(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0410(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0411(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0412(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0413(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0414(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0415(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0416(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0417(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0418(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0419(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0420(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0421(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0422(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0423(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0424(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0425(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0426(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0427(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0428(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0429(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0430(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0431(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0432(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0433(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0434(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0435(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0436(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0437(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0438(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0439(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0440(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0441(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0442(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0443(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0444(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0445(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0446(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0447(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0448(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0449(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
