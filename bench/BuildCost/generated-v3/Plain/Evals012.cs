using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals012
{
    public Task<string> Method0600(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0601(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0602(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0603(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0604(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0605(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0606(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0607(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0608(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0609(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0610(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0611(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0612(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0613(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0614(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0615(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0616(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0617(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0618(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0619(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0620(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0621(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0622(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0623(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0624(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0625(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0626(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0627(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0628(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0629(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0630(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0631(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0632(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0633(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0634(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0635(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0636(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0637(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0638(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0639(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0640(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0641(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0642(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0643(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0644(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0645(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0646(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0647(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0648(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0649(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
