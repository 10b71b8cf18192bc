using System;

namespace EvalSpec;

/// <summary>
/// Reads cases from a data file at build time: every line of a JSONL file (one JSON object per line) or every
/// record of a CSV file (a header row, then one row per case) becomes a case of the eval method, each its own row
/// in the test explorer. Columns bind to the method's parameters after <see cref="EvalInput"/> by name; the columns
/// <c>id</c> (the case id; unset: derived from the values, as for <see cref="CaseAttribute"/>), <c>expected</c>
/// (the expected answer) and <c>tags</c> (xUnit traits named <c>Tag</c>) have their own meaning. The file must be
/// among the project's AdditionalFiles (the EvalSpec package adds every <c>*.jsonl</c> and <c>*.csv</c> file of the
/// project); bad data is a build error (ES1022, ES1023) naming the file, line and column.
/// Combines with <see cref="CaseAttribute"/>; case ids must be unique across both.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CasesFromAttribute : Attribute
{
    /// <summary>Declares a data file of cases.</summary>
    /// <param name="path">The file's path relative to the project folder, ending in <c>.jsonl</c> or <c>.csv</c>.</param>
    public CasesFromAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The file's path relative to the project folder.</summary>
    public string Path { get; }
}
