using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals019
{
    public Task<string> Method0950(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0951(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0952(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0953(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0954(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0955(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0956(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0957(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0958(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0959(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0960(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0961(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0962(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0963(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0964(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0965(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0966(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0967(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0968(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0969(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0970(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0971(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0972(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0973(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0974(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0975(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0976(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0977(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0978(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0979(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0980(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0981(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0982(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0983(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0984(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0985(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0986(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0987(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0988(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0989(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0990(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0991(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0992(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0993(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0994(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0995(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0996(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0997(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0998(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0999(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
