namespace EvalSpec.CodeFixes;

/// <summary>The diagnostic ids the code fixes of this assembly act on.</summary>
internal static class CodeFixIds
{
    /// <summary>Prompt placeholder has no matching parameter.</summary>
    public const string UnknownPlaceholder = "ES1001";

    /// <summary>Eval class (or a type containing it) is not partial.</summary>
    public const string ClassNotPartial = "ES1004";

    /// <summary>Unsupported eval method signature.</summary>
    public const string UnsupportedSignature = "ES1006";

    /// <summary>Snapshot or assertion task not awaited.</summary>
    public const string CheckNotAwaited = "ES3001";
}
