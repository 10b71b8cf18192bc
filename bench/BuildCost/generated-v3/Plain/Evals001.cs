using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals001
{
    public Task<string> Method0050(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0051(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0052(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0053(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0054(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0055(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0056(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0057(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0058(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0059(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0060(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0061(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0062(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0063(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0064(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0065(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0066(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0067(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0068(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0069(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0070(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0071(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0072(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0073(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0074(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0075(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0076(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0077(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0078(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0079(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0080(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0081(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0082(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0083(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0084(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0085(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0086(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0087(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0088(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0089(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0090(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0091(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0092(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0093(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0094(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0095(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0096(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0097(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0098(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0099(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
