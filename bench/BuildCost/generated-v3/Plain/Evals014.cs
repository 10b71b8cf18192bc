using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals014
{
    public Task<string> Method0700(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0701(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0702(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0703(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0704(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0705(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0706(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0707(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0708(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0709(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0710(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0711(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0712(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0713(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0714(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0715(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0716(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0717(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0718(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0719(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0720(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0721(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0722(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0723(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0724(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0725(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0726(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0727(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0728(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0729(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0730(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0731(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0732(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0733(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0734(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0735(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0736(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0737(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0738(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0739(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0740(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0741(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0742(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0743(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0744(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0745(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0746(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0747(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0748(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0749(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
