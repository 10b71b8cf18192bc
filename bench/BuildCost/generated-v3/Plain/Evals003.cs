using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace Bench;

public partial class Evals003
{
    public Task<string> Method0150(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0151(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0152(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0153(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0154(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0155(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0156(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0157(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0158(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0159(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0160(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0161(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0162(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0163(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0164(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0165(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0166(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0167(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0168(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0169(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0170(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0171(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0172(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0173(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0174(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0175(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0176(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0177(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0178(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0179(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0180(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0181(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0182(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0183(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0184(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0185(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0186(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0187(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0188(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0189(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0190(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0191(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0192(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0193(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0194(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0195(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0196(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0197(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0198(EvalInput input, string product) => Task.FromResult(input.Prompt);

    public Task<string> Method0199(EvalInput input, string product) => Task.FromResult(input.Prompt);

}
