namespace EvalSpec.Generators.Model;

/// <summary>How a value was written in a data file.</summary>
internal enum DataValueKind
{
    /// <summary>A CSV field: text whose type the parameter decides.</summary>
    Text,
    String,
    Number,
    Boolean,
    Null,
    Array,

    /// <summary>A JSONL <c>turns</c> array of <c>{"role": ..., "content": ...}</c> objects: a conversation.</summary>
    Turns,
}

/// <summary>One turn of a conversation in a data file, as written (role not yet checked), with where it starts.</summary>
internal sealed record DataTurn(string Role, string Content, int Line, int Column);

/// <summary>One value of a data row, with where it starts (1-based line and column).</summary>
internal sealed record DataCell(string Name, DataValueKind Kind, string Value, EquatableArray<string> Items, int Line, int Column, EquatableArray<DataTurn> Turns = default);

/// <summary>One case of a data file: the line it starts on and its values.</summary>
internal sealed record DataRow(int Line, EquatableArray<DataCell> Cells);

/// <summary>A malformed spot in a data file (1-based line and column).</summary>
internal sealed record DataFileError(int Line, int Column, string Message);

/// <summary>A parsed JSONL or CSV case file: its path, its rows, and what could not be read.</summary>
internal sealed record DataFileSpec(string Path, EquatableArray<DataRow> Rows, EquatableArray<DataFileError> Errors)
{
    /// <summary>Whether <paramref name="path"/> names a case file (by extension).</summary>
    public static bool IsDataFile(string path) =>
        path.EndsWith(".jsonl", System.StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a file's <paramref name="text"/> as JSONL or CSV, by its extension.</summary>
    public static DataFileSpec Parse(string path, string text) =>
        path.EndsWith(".csv", System.StringComparison.OrdinalIgnoreCase)
            ? Parsing.CsvCaseReader.Read(path, text)
            : Parsing.JsonLinesCaseReader.Read(path, text);
}
