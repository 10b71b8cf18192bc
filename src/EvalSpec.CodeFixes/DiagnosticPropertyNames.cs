namespace EvalSpec.CodeFixes;

/// <summary>
/// Keys of the properties the analyzer attaches to its diagnostics for the fixes. They mirror the constants of
/// <c>EvalDeclarationAnalyzer</c> (internal to the analyzer assembly, which the IDE loads separately); the
/// code fix tests run both ends, so a mismatch fails them.
/// </summary>
internal static class DiagnosticPropertyNames
{
    /// <summary>ES1001: the unknown placeholder's name.</summary>
    public const string Placeholder = "Placeholder";

    /// <summary>ES1001: the closest parameter names, comma-separated, closest first; empty when none is close.</summary>
    public const string Suggestions = "Suggestions";
}
