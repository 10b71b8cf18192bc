using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals011
{
    public Task<string> Method0550(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0551(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0552(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0553(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0554(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0555(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0556(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0557(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0558(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0559(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0560(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0561(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0562(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0563(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0564(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0565(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0566(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0567(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0568(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0569(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0570(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0571(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0572(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0573(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0574(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0575(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0576(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0577(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0578(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0579(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0580(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0581(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0582(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0583(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0584(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0585(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0586(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0587(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0588(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0589(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0590(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0591(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0592(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0593(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0594(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0595(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0596(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0597(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0598(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0599(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
