using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Metamorphic;

namespace ConcurrencySuite;

/// <summary>25 cases x 2 variants x (identity + 3 relations) = 200 rows and 200 calls of 100 ms each.</summary>
public partial class SlowModelEvals
{
    [Eval]
    [Prompt("ask", "Tell me about {item}.")]
    [Prompt("shout", "TELL ME ABOUT {item}!")]
    [Case("item-01", Expected = "item-01")]
    [Case("item-02", Expected = "item-02")]
    [Case("item-03", Expected = "item-03")]
    [Case("item-04", Expected = "item-04")]
    [Case("item-05", Expected = "item-05")]
    [Case("item-06", Expected = "item-06")]
    [Case("item-07", Expected = "item-07")]
    [Case("item-08", Expected = "item-08")]
    [Case("item-09", Expected = "item-09")]
    [Case("item-10", Expected = "item-10")]
    [Case("item-11", Expected = "item-11")]
    [Case("item-12", Expected = "item-12")]
    [Case("item-13", Expected = "item-13")]
    [Case("item-14", Expected = "item-14")]
    [Case("item-15", Expected = "item-15")]
    [Case("item-16", Expected = "item-16")]
    [Case("item-17", Expected = "item-17")]
    [Case("item-18", Expected = "item-18")]
    [Case("item-19", Expected = "item-19")]
    [Case("item-20", Expected = "item-20")]
    [Case("item-21", Expected = "item-21")]
    [Case("item-22", Expected = "item-22")]
    [Case("item-23", Expected = "item-23")]
    [Case("item-24", Expected = "item-24")]
    [Case("item-25", Expected = "item-25")]
    [Invariant<Lowercase>, Invariant<WhitespaceNoise>, Invariant<PunctuationNoise>]
    public async Task<string> Describe(EvalInput input, string item)
    {
        // Stands in for a model call: slow I/O, no CPU.
        await Task.Delay(100, input.CancellationToken);
        return "This is " + item + ".";
    }
}
