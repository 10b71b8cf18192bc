namespace EvalSpec;

/// <summary>
/// The price of a model's tokens in US dollars per million (evalspec.json <c>"Prices": { "gpt-4o-mini": { "Input": 0.15,
/// "Output": 0.60 } }</c>, the shape of <c>evalspec report --prices</c>'s file). Prices the rows' tokens for reports and for
/// <see cref="EvalAttribute.MaxCostUsd"/>.
/// </summary>
public sealed class ModelPriceOptions
{
    /// <summary>US dollars per million input (prompt) tokens.</summary>
    public double Input { get; set; }

    /// <summary>US dollars per million output (completion) tokens.</summary>
    public double Output { get; set; }
}
