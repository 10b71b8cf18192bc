using System;

namespace EvalSpec.Reporting.Reports;

/// <summary>Readable names for row and method ids, as the test explorer shows them.</summary>
internal static class RowNames
{
    /// <summary>
    /// <c>Namespace.Class.Method/case/variant/relation</c> as <c>Class.Method [case · variant · relation]</c>; identity
    /// rows have no relation segment. An id of another shape is returned as it is.
    /// </summary>
    public static string Display(string rowId)
    {
        string[] parts = rowId.Split('/');
        if (parts.Length != 4)
        {
            return rowId;
        }

        string segments = parts[3] == RunRow.IdentityRelation ? $"{parts[1]} · {parts[2]}" : $"{parts[1]} · {parts[2]} · {parts[3]}";
        return $"{ShortMethod(parts[0])} [{segments}]";
    }

    /// <summary><c>Namespace.Class.Method</c> as <c>Class.Method</c>.</summary>
    public static string ShortMethod(string methodId)
    {
        int method = methodId.LastIndexOf('.');
        int type = method <= 0 ? -1 : methodId.LastIndexOf('.', method - 1);
        return type < 0 ? methodId : methodId[(type + 1)..];
    }

    /// <summary>The eval method id of a row id.</summary>
    public static string MethodOf(string rowId)
    {
        int slash = rowId.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? rowId : rowId[..slash];
    }
}
