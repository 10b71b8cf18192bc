using System;

/// <summary>Counts in generated sources shared by the generator benchmarks (linked into each, not a library).</summary>
internal static class GeneratedRowTables
{
    /// <summary>The rows of the generated row tables (one line each between "_Rows = new string[][]" and "};").</summary>
    public static int RowLines(string source)
    {
        int count = 0;
        bool inTable = false;
        foreach (string line in source.Split('\n'))
        {
            if (line.Contains("_Rows = new string[][]", StringComparison.Ordinal))
            {
                inTable = true;
            }
            else if (inTable && line.Trim() == "};")
            {
                inTable = false;
            }
            else if (inTable && line.TrimStart().StartsWith("new string[] {", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
