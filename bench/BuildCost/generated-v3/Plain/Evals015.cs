using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals015
{
    public Task<string> Method0750(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0751(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0752(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0753(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0754(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0755(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0756(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0757(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0758(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0759(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0760(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0761(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0762(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0763(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0764(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0765(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0766(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0767(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0768(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0769(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0770(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0771(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0772(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0773(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0774(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0775(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0776(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0777(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0778(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0779(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0780(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0781(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0782(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0783(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0784(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0785(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0786(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0787(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0788(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0789(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0790(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0791(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0792(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0793(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0794(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0795(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0796(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0797(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0798(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0799(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
