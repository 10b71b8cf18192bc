using EvalSpec.Judging;

namespace EvalSpec.Bench.LlmBar;

/// <summary>One LLMBar item in the benchmark: its set, index, id and gold label as an outcome (pass: output 1 is better).</summary>
internal sealed record BenchItem(string Set, int Index, VerdictOutcome Label)
{
    public string Id => Set + "/" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool Natural => Set == "Natural";
}
