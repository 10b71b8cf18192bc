namespace EvalSpec.Judging;

/// <summary>How <see cref="ToolCallJudge"/> relates the expected tool calls to the order of the actual ones.</summary>
public enum ToolCallOrder
{
    /// <summary>Each expected call is matched by a distinct actual call, in any order; other calls may happen too.</summary>
    Any,

    /// <summary>The expected calls happen in this order (each matched by a distinct call); other calls may come in between.</summary>
    InOrder,

    /// <summary>The actual calls are exactly the expected ones: the same number, in this order, each matching its expectation.</summary>
    Exact,
}
