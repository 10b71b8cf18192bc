using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals013
{
    public Task<string> Method0650(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0651(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0652(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0653(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0654(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0655(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0656(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0657(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0658(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0659(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0660(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0661(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0662(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0663(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0664(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0665(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0666(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0667(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0668(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0669(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0670(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0671(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0672(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0673(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0674(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0675(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0676(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0677(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0678(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0679(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0680(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0681(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0682(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0683(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0684(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0685(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0686(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0687(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0688(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0689(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0690(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0691(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0692(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0693(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0694(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0695(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0696(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0697(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0698(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0699(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
