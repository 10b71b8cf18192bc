using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvalSpec.Generators.Parsing;

/// <summary>
/// Adds the cases of the data files an eval names with [CasesFrom] to its spec: binds columns to parameters by name,
/// converts values as [Case] arguments are converted, takes ids from the <c>id</c> column or the values, and reports
/// every problem at its file, line and column. Shared by the generator (which replaces a method with problems by a
/// failing test) and the analyzer (which reports them as ES1022 and ES1023).
/// </summary>
internal static class CasesFromResolver
{
    internal const string IdColumn = "id";
    internal const string ExpectedColumn = "expected";
    internal const string TagsColumn = "tags";

    /// <summary>Where to report: the [CasesFrom] attribute naming a path, or a spot in a data file.</summary>
    internal interface ILocations
    {
        Location? CasesFrom(string path);

        Location? FileSpot(DataFileSpec file, int line, int column);
    }

    /// <returns>The spec with the files' cases appended, or null when anything is wrong.</returns>
    public static EvalMethodSpec? Resolve(EvalMethodSpec spec, IReadOnlyList<DataFileSpec> files, string? projectDirectory, List<EvalProblem> problems, ILocations? locations = null)
    {
        if (spec.DataFiles.Count == 0)
        {
            return spec;
        }

        string methodName = spec.DisplayTypeName + "." + spec.MethodName;
        int before = problems.Count;
        var cases = new List<CaseSpec>(spec.Cases);
        var ids = new HashSet<string>(cases.Select(c => c.Id), StringComparer.Ordinal);
        foreach (string path in spec.DataFiles.Distinct())
        {
            DataFileSpec? file = Find(path, files, projectDirectory, out string looked);
            if (file is null)
            {
                problems.Add(new EvalProblem(EvalRule.CasesFromFileNotFound, locations?.CasesFrom(path), methodName, path, looked));
                continue;
            }

            void Report(int line, int column, string message) =>
                problems.Add(new EvalProblem(EvalRule.CaseDataInvalid, locations?.FileSpot(file, line, column), path, line, column, methodName, message));

            foreach (DataFileError error in file.Errors)
            {
                Report(error.Line, error.Column, error.Message);
            }

            // A file without a case would leave the method with fewer rows than its author meant, silently.
            if (file.Errors.Count == 0 && file.Rows.Count == 0)
            {
                Report(1, 1, "the file has no cases; add a row, or remove the [CasesFrom] attribute");
            }

            foreach (DataRow row in file.Rows)
            {
                ReadRow(spec, row, Report, ids, cases);
            }
        }

        // A relation on the prompt of a method without [Prompt] has only user turns to change: every case must be a conversation.
        if (problems.Count == before && spec.HasImplicitVariant && cases.Any(c => c.Turns.Count == 0))
        {
            foreach (RelationSpec relation in spec.Relations.Where(r => r.Parameter is null))
            {
                problems.Add(new EvalProblem(EvalRule.RelationWithoutPrompt, null, methodName, relation.Key));
            }
        }

        return problems.Count > before ? null : spec with { Cases = new EquatableArray<CaseSpec>(cases) };
    }

    private static void ReadRow(EvalMethodSpec spec, DataRow row, Action<int, int, string> report, HashSet<string> ids, List<CaseSpec> cases)
    {
        bool valid = true;
        string? id = null;
        string? expected = null;
        var tags = new List<string>();
        var arguments = new CaseValue?[spec.Parameters.Count];
        var texts = new string[spec.Parameters.Count];
        var nulls = new bool[spec.Parameters.Count];
        DataCell? idCell = null;
        List<string>? turns = null;
        foreach (DataCell cell in row.Cells)
        {
            int index = IndexOf(spec.Parameters, cell.Name);
            bool special = true;
            switch (cell.Name)
            {
                case IdColumn when cell.Kind == DataValueKind.Null || (cell.Kind == DataValueKind.Text && cell.Value.Length == 0):
                    // An empty id (a CSV file where only some rows name theirs) means: derive it from the values.
                    break;
                case IdColumn:
                    idCell = cell;
                    if (cell.Kind is not (DataValueKind.String or DataValueKind.Text) || cell.Value.Trim().Length == 0 || cell.Value.IndexOf('/') >= 0)
                    {
                        report(cell.Line, cell.Column, "the id must be a non-empty text without '/' (ids name tests and baselines)");
                        valid = false;
                    }

                    id = cell.Value;
                    break;
                case ExpectedColumn:
                    if (cell.Kind is DataValueKind.Null)
                    {
                        expected = null;
                    }
                    else if (cell.Kind is DataValueKind.String or DataValueKind.Text)
                    {
                        expected = cell.Kind == DataValueKind.Text && cell.Value.Length == 0 ? null : cell.Value;
                    }
                    else
                    {
                        report(cell.Line, cell.Column, "'expected' must be a text (or null)");
                        valid = false;
                    }

                    break;
                case ConversationRules.TurnsColumn:
                    turns = ReadTurns(cell, report);
                    valid &= turns is not null;
                    break;
                case TagsColumn:
                    if (cell.Kind == DataValueKind.Array)
                    {
                        tags.AddRange(cell.Items.Select(t => t.Trim()).Where(t => t.Length > 0));
                    }
                    else if (cell.Kind is DataValueKind.String or DataValueKind.Text)
                    {
                        tags.AddRange(cell.Value.Split(';').Select(t => t.Trim()).Where(t => t.Length > 0));
                    }
                    else if (cell.Kind != DataValueKind.Null)
                    {
                        report(cell.Line, cell.Column, "'tags' must be an array of strings or a text of tags separated by ';'");
                        valid = false;
                    }

                    break;
                default:
                    special = false;
                    break;
            }

            if (index < 0)
            {
                if (!special)
                {
                    string known = string.Join(", ", spec.Parameters.Select(p => p.Name).Concat(new[] { IdColumn, ExpectedColumn, TagsColumn, ConversationRules.TurnsColumn }));
                    report(cell.Line, cell.Column, "the column '" + cell.Name + "' matches no parameter of the method; columns are: " + known);
                    valid = false;
                }

                continue;
            }

            if (!TryConvert(cell, spec.Parameters[index], out CaseValue argument, out string text, out string reason))
            {
                report(cell.Line, cell.Column, "the value " + Shorten(cell) + " does not fit the parameter '" + spec.Parameters[index].FullyQualifiedType.Replace("global::", string.Empty) + " " + spec.Parameters[index].Name + "': " + reason);
                valid = false;
                continue;
            }

            arguments[index] = argument;
            texts[index] = text;
            nulls[index] = argument.Tag == CaseValue.Null.Tag;
        }

        for (int i = 0; i < spec.Parameters.Count; i++)
        {
            if (arguments[i] is null && valid)
            {
                report(row.Line, 1, "no value for the parameter '" + spec.Parameters[i].Name + "'; add a column named '" + spec.Parameters[i].Name + "'");
                valid = false;
            }
        }

        if (!valid)
        {
            return;
        }

        id ??= turns is null ? KeyNaming.CaseId(texts, nulls) : ConversationRules.CaseId(turns, texts);
        if (!ids.Add(id))
        {
            report(idCell?.Line ?? row.Line, idCell?.Column ?? 1, "a case with the id '" + id + "' is already declared (by [Case] or an earlier row); give this row a distinct 'id' column value");
            return;
        }

        cases.Add(new CaseSpec(id, new EquatableArray<CaseValue>(arguments.Select(a => a!)), expected, new EquatableArray<string>(tags.Distinct(StringComparer.Ordinal)))
        {
            Turns = turns is null ? default : new EquatableArray<string>(turns),
        });
    }

    /// <summary>A <c>turns</c> cell as role/content pairs (roles in lower case), or null after reporting why it is not a usable conversation.</summary>
    private static List<string>? ReadTurns(DataCell cell, Action<int, int, string> report)
    {
        if (cell.Kind != DataValueKind.Turns)
        {
            report(cell.Line, cell.Column, "'turns' must be a JSON array of {\"role\": ..., \"content\": ...} objects (conversations are read from JSONL files only)");
            return null;
        }

        var pairs = new List<string>();
        var roles = new List<string>();
        foreach (DataTurn turn in cell.Turns)
        {
            if (ConversationRules.CheckTurn(turn.Role, turn.Content) is { } problem)
            {
                report(turn.Line, turn.Column, problem);
                return null;
            }

            string role = ConversationRules.NormalizeRole(turn.Role)!;
            roles.Add(role);
            pairs.Add(role);
            pairs.Add(turn.Content);
        }

        if (ConversationRules.CheckOrder(roles) is { } order)
        {
            report(cell.Line, cell.Column, order);
            return null;
        }

        return pairs;
    }

    private static int IndexOf(EquatableArray<ParameterSpec> parameters, string name)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            if (string.Equals(parameters[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The file that a project-relative <paramref name="path"/> names, or null (and where it was looked for).</summary>
    internal static DataFileSpec? Find(string path, IReadOnlyList<DataFileSpec> files, string? projectDirectory, out string looked)
    {
        if (path.Trim().Length == 0 || !DataFileSpec.IsDataFile(path))
        {
            looked = "the path must name a .jsonl or .csv file relative to the project folder";
            return null;
        }

        string relative = Normalize(path);
        bool rooted = relative.StartsWith("/", StringComparison.Ordinal) || (relative.Length > 1 && relative[1] == ':');
        string? full = rooted ? relative : string.IsNullOrEmpty(projectDirectory) ? null : Normalize(projectDirectory!.TrimEnd('/', '\\') + "/" + relative);
        foreach (DataFileSpec file in files)
        {
            string candidate = Normalize(file.Path);
            if (full is not null ? string.Equals(candidate, full, StringComparison.OrdinalIgnoreCase)
                : candidate.EndsWith("/" + relative, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate, relative, StringComparison.OrdinalIgnoreCase))
            {
                looked = string.Empty;
                return file;
            }
        }

        looked = "looked for " + (full ?? relative) + "; case files found: " + (files.Count == 0 ? "none" : string.Join(", ", files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).Take(10)));
        return null;
    }

    /// <summary>Forward slashes, '.' and '..' segments resolved, no repeated slashes (no file system access).</summary>
    private static string Normalize(string path)
    {
        string[] parts = path.Replace('\\', '/').Split('/');
        var kept = new List<string>();
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if ((part.Length == 0 && i > 0) || part == ".")
            {
                continue;
            }

            if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] != ".." && kept[kept.Count - 1].Length > 0)
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(part);
        }

        string joined = string.Join("/", kept);
        return kept.Count > 0 && kept[0].Length == 0 && joined.Length == 0 ? "/" : joined;
    }

    private static string Shorten(DataCell cell)
    {
        string value = cell.Kind == DataValueKind.String || cell.Kind == DataValueKind.Text ? "\"" + cell.Value + "\"" : cell.Value;
        return value.Length > 60 ? value.Substring(0, 57) + "...\"" : value;
    }

    /// <summary>
    /// Converts a data value to a value of the parameter's type, as [Case] arguments convert: texts to string
    /// (and object, char, enums by member name), numbers to any numeric type that holds them exactly, true and false to
    /// bool. A CSV field is text whose parameter decides its type; an empty CSV field is "" for a string, null for a
    /// nullable parameter. A JSON string never becomes a number, nor a JSON number a string.
    /// </summary>
    internal static bool TryConvert(DataCell cell, ParameterSpec parameter, out CaseValue argument, out string text, out string reason)
    {
        argument = CaseValue.Null;
        text = "null";
        reason = string.Empty;
        string type = parameter.FullyQualifiedType;
        bool nullable = type.EndsWith("?", StringComparison.Ordinal);
        string core = nullable ? type.Substring(0, type.Length - 1) : type;
        bool isReference = core is "string" or "object";
        bool isEnum = parameter.EnumMembers.Count > 0;
        if (!isReference && !isEnum && !IsNumeric(core) && core is not ("bool" or "char"))
        {
            reason = "data files can fill string, object, bool, char, numeric and enum parameters only";
            return false;
        }

        if (cell.Kind == DataValueKind.Null || (cell.Kind == DataValueKind.Text && cell.Value.Length == 0 && core != "string"))
        {
            if ((nullable && core != "string") || isReference)
            {
                return true;
            }

            reason = "null (an empty field) cannot be converted to a non-nullable value type";
            return false;
        }

        if (cell.Kind == DataValueKind.Array)
        {
            reason = "arrays are not supported as case values; pass the elements as separate columns or a delimited string";
            return false;
        }

        bool isText = cell.Kind is DataValueKind.Text or DataValueKind.String;
        text = cell.Value;
        if (core == "string" || (core == "object" && isText))
        {
            if (!isText)
            {
                reason = "a JSON " + (cell.Kind == DataValueKind.Number ? "number" : "true/false") + " does not convert to string; put it in double quotes";
                return false;
            }

            argument = new CaseValue("string", cell.Value);
            return true;
        }

        if (core == "object")
        {
            if (cell.Kind == DataValueKind.Boolean)
            {
                argument = new CaseValue("bool", cell.Value);
                return true;
            }

            // A JSON number in an object parameter is an int when it is one, else a double, as a C# literal would be.
            if (int.TryParse(cell.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int whole))
            {
                text = whole.ToString(CultureInfo.InvariantCulture);
                argument = new CaseValue("int", text);
                return true;
            }

            return TryNumber(cell.Value, "double", out argument, out text, out reason);
        }

        if (isEnum)
        {
            if (isText && parameter.EnumMembers.Contains(cell.Value.Trim()))
            {
                text = cell.Value.Trim();
                argument = new CaseValue("enum", text);
                return true;
            }

            reason = "write one of " + string.Join(", ", parameter.EnumMembers) + " (as text)";
            return false;
        }

        if (cell.Kind == DataValueKind.String && core != "char")
        {
            reason = "a JSON string does not convert to " + core + "; write the value without quotes";
            return false;
        }

        if (core == "bool")
        {
            if (cell.Kind == DataValueKind.Boolean || (cell.Kind == DataValueKind.Text && (cell.Value.Trim() is "true" or "false" or "True" or "False" or "TRUE" or "FALSE")))
            {
                text = cell.Value.Trim().ToLowerInvariant();
                argument = new CaseValue("bool", text);
                return true;
            }

            reason = "write true or false";
            return false;
        }

        if (core == "char")
        {
            if (isText && cell.Value.Length == 1)
            {
                argument = new CaseValue("char", cell.Value);
                return true;
            }

            reason = "a char is a text of exactly one character";
            return false;
        }

        if (cell.Kind == DataValueKind.Boolean)
        {
            reason = "true/false does not convert to " + core;
            return false;
        }

        return TryNumber(cell.Value.Trim(), core, out argument, out text, out reason);
    }

    private static bool TryNumber(string value, string core, out CaseValue argument, out string text, out string reason)
    {
        argument = CaseValue.Null;
        text = value;
        reason = string.Empty;
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        switch (core)
        {
            case "double":
                if (double.TryParse(value, style, CultureInfo.InvariantCulture, out double d) && !double.IsInfinity(d))
                {
                    text = d.ToString("R", CultureInfo.InvariantCulture);
                    argument = new CaseValue(core, EvalMethodParser.Invariant(d));
                    return true;
                }

                break;
            case "float":
                if (float.TryParse(value, style, CultureInfo.InvariantCulture, out float f) && !float.IsInfinity(f))
                {
                    text = f.ToString("R", CultureInfo.InvariantCulture);
                    argument = new CaseValue(core, EvalMethodParser.Invariant(f));
                    return true;
                }

                break;
            case "decimal":
                if (decimal.TryParse(value, style, CultureInfo.InvariantCulture, out decimal m))
                {
                    text = m.ToString(CultureInfo.InvariantCulture);
                    argument = new CaseValue(core, text);
                    return true;
                }

                break;
            default:
                if (decimal.TryParse(value, style, CultureInfo.InvariantCulture, out decimal whole) && whole == decimal.Truncate(whole) && FitsInteger(whole, core))
                {
                    text = decimal.Truncate(whole).ToString(CultureInfo.InvariantCulture);
                    argument = new CaseValue(core, text);
                    return true;
                }

                reason = value + " is not a whole number in the range of " + core;
                return false;
        }

        reason = value + " is not a number of type " + core + " (write it with '.' as the decimal point)";
        return false;
    }

    private static bool FitsInteger(decimal value, string core) => core switch
    {
        "sbyte" => value >= sbyte.MinValue && value <= sbyte.MaxValue,
        "byte" => value >= byte.MinValue && value <= byte.MaxValue,
        "short" => value >= short.MinValue && value <= short.MaxValue,
        "ushort" => value >= ushort.MinValue && value <= ushort.MaxValue,
        "int" => value >= int.MinValue && value <= int.MaxValue,
        "uint" => value >= uint.MinValue && value <= uint.MaxValue,
        "long" => value >= long.MinValue && value <= long.MaxValue,
        "ulong" => value >= ulong.MinValue && value <= ulong.MaxValue,
        _ => false,
    };

    /// <summary>Whether the type keyword is one of C#'s numeric types.</summary>
    private static bool IsNumeric(string core) =>
        core is "sbyte" or "byte" or "short" or "ushort" or "int" or "uint" or "long" or "ulong" or "float" or "double" or "decimal";
}
