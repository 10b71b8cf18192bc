using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals010
{
    public Task<string> Method0500(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0501(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0502(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0503(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0504(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0505(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0506(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0507(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0508(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0509(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0510(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0511(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0512(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0513(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0514(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0515(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0516(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0517(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0518(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0519(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0520(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0521(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0522(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0523(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0524(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0525(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0526(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0527(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0528(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0529(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0530(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0531(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0532(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0533(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0534(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0535(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0536(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0537(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0538(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0539(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0540(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0541(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0542(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0543(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0544(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0545(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0546(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0547(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0548(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0549(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
