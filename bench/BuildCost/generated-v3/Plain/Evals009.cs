using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals009
{
    public Task<string> Method0450(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0451(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0452(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0453(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0454(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0455(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0456(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0457(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0458(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0459(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0460(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0461(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0462(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0463(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0464(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0465(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0466(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0467(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0468(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0469(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0470(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0471(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0472(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0473(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0474(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0475(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0476(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0477(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0478(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0479(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0480(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0481(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0482(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0483(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0484(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0485(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0486(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0487(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0488(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0489(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0490(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0491(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0492(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0493(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0494(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0495(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0496(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0497(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0498(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0499(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
