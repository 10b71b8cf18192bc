using System.Collections.Generic;

namespace EvalSpec.Execution;

/// <summary>Adds a trait value to an xUnit v2 test case's traits once (the row cases and the error case of a method of rows).</summary>
internal static class RowTraits
{
    public static void Add(Dictionary<string, List<string>> traits, string name, string value)
    {
        if (!traits.TryGetValue(name, out List<string>? values))
        {
            traits[name] = values = [];
        }

        if (!values.Contains(value))
        {
            values.Add(value);
        }
    }
}
