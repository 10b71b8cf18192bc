namespace EvalSpec.CodeFixes;

/// <summary>The ES1006 problems that have a mechanical fix; the parser reports the first that applies.</summary>
internal enum SignatureProblem
{
    /// <summary>A problem without a mechanical fix (generic method, ref or params parameter, ...), or none.</summary>
    Other,

    /// <summary>The method does not return <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    ReturnType,

    /// <summary>The method returns a supported type but its first parameter is not <c>EvalInput</c>.</summary>
    FirstParameter,
}
