namespace EvalSpec.Execution;

/// <summary>Stable ids built from keys, never from list positions.</summary>
internal static class RowIds
{
    /// <summary><c>Namespace.Class.Method/case/variant/relation</c>.</summary>
    public static string Row(EvalMethodDescriptor method, string caseId, string variantKey, string relationKey) =>
        method.Id + "/" + caseId + "/" + variantKey + "/" + relationKey;

    /// <summary>Key of the source run shared by a case x variant pair's rows.</summary>
    public static string Source(EvalMethodDescriptor method, string caseId, string variantKey) =>
        method.Id + "/" + caseId + "/" + variantKey;
}
