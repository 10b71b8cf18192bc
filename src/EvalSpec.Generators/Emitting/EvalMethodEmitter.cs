using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using Microsoft.CodeAnalysis.CSharp;

namespace EvalSpec.Generators.Emitting;

/// <summary>
/// Emits, for one eval method, a partial declaration of its class holding the method's descriptor, its rows (case x
/// variant x (identity + relations)) as a table of stable keys and display names, and one test method for all of them.
/// </summary>
internal static class EvalMethodEmitter
{
    internal const string Separator = " \u00B7 ";

    /// <summary>
    /// Readable and unique: Roslyn compares hint names ignoring case, so the exact type and method names are
    /// hashed in (<c>Answer</c> and <c>answer</c> get different files); '@' escapes are left out.
    /// </summary>
    public static string HintName(EvalMethodSpec spec)
    {
        string type = (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace.Replace("@", string.Empty) + ".") + spec.DisplayTypeName;
        string name = type + "." + spec.MethodName;
        return SafeHintText(name) + "." + KeyNaming.Hash(name) + ".EvalSpec.g.cs";
    }

    internal static string SafeHintText(string text)
    {
        var safe = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            safe.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        }

        return safe.ToString();
    }

    /// <summary>
    /// The generated source of one eval method: the descriptor, a row table of strings (case id, variant key, relation
    /// key, display name, tags) and one test method that EvalSpec's discoverer for the project's xUnit (EvalSpec.Xunit or
    /// EvalSpec.Xunit.V3) reports as one test case per row, with the row's display name and traits.
    /// </summary>
    /// <param name="spec">The method.</param>
    /// <param name="projectDirectory">The project folder (MSBuildProjectDirectory), to name snapshot folders relative to it; null when unknown.</param>
    /// <param name="flavor">Which adapter the table is for: <see cref="XunitFlavor.V3"/>, or xUnit v2 otherwise.</param>
    public static string EmitRowTable(EvalMethodSpec spec, string? projectDirectory = null, XunitFlavor flavor = XunitFlavor.V3)
    {
        bool v3 = flavor == XunitFlavor.V3;
        return EmitFile(spec, v3 ? " (xUnit v3)" : " (xUnit v2)", projectDirectory, (writer, descriptor) =>
        {
            writer.WriteLine();

            // Strings only: xUnit's discovery reads the table (running the class's static initializer) and must not run user code.
            string table = descriptor + "_Rows";
            writer.WriteLine("private static readonly string[][] " + table + " = new string[][]");
            writer.WriteLine("{");
            writer.Indent();
            WriteRows(writer, spec);
            writer.Unindent();
            writer.WriteLine("};");
            writer.WriteLine();

            string attribute = v3 ? "global::EvalSpec.XunitV3.EvalRowsAttribute" : "global::EvalSpec.Execution.EvalRowsAttribute";
            var line = new System.Text.StringBuilder("[" + attribute + "(nameof(" + table + "), " + Literal(spec.MethodName));
            if (v3 && spec.DeclarationFilePath is { Length: > 0 } path)
            {
                line.Append(", SourceFilePath = ").Append(Literal(path));
            }

            if (v3 && spec.DeclarationLine > 0)
            {
                line.Append(", SourceLineNumber = ").Append(spec.DeclarationLine.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line.Append(")]").ToString());
            string modifiers = spec.IsStaticClass ? "public static" : "public";
            string instance = spec.IsStaticClass ? "null" : "this";
            string run = v3 ? "global::EvalSpec.XunitV3.EvalRows.RunAsync(" : "global::EvalSpec.Execution.EvalRowRunner.RunAsync(";
            writer.WriteLine(modifiers + " global::System.Threading.Tasks.Task " + spec.MethodName + "__EvalRows(string caseId, string variantKey, string relationKey) =>");
            writer.Indent();
            writer.WriteLine(run + instance + ", " + descriptor + ", caseId, variantKey, relationKey);");
            writer.Unindent();
        });
    }

    /// <summary>
    /// One line per row, cases, then variants, then identity and relations as declared (a stable order): <c>new string[] { case, variant, relation, display, tags... },</c>.
    /// Written straight into the writer (20,000 rows are common): the display name's prefix and each key's literal are
    /// built once, not once per row.
    /// </summary>
    private static void WriteRows(SourceWriter writer, EvalMethodSpec spec)
    {
        string prefix = spec.DisplayTypeName + "." + spec.MethodName + " [";
        var relations = new List<string>(spec.Relations.Count + 1) { EvalDefaults.IdentityRelationKey };
        foreach (RelationSpec relation in spec.Relations)
        {
            relations.Add(relation.Key);
        }

        string[] relationLiterals = relations.Select(Literal).ToArray();
        string[] variantLiterals = spec.Variants.Select(v => Literal(v.Key)).ToArray();
        var line = new System.Text.StringBuilder(256);
        foreach (CaseSpec @case in spec.Cases)
        {
            string caseLiteral = Literal(@case.Id);
            string tags = string.Concat(@case.Tags.Select(tag => ", " + Literal(tag)));
            for (int v = 0; v < spec.Variants.Count; v++)
            {
                string variantKey = spec.Variants[v].Key;
                for (int r = 0; r < relations.Count; r++)
                {
                    string display = prefix + @case.Id
                        + (spec.HasImplicitVariant ? string.Empty : Separator + variantKey)
                        + (r == 0 ? string.Empty : Separator + relations[r])
                        + "]";
                    line.Clear()
                        .Append("new string[] { ").Append(caseLiteral)
                        .Append(", ").Append(variantLiterals[v])
                        .Append(", ").Append(relationLiterals[r])
                        .Append(", ").Append(Literal(display))
                        .Append(tags).Append(" },");
                    writer.WriteLine(line.ToString());
                }
            }
        }
    }

    /// <summary>
    /// One generated file of either shape: the header, the namespace and the user's containing types redeclared as
    /// partial around the descriptor and what <paramref name="body"/> writes after it.
    /// </summary>
    private static string EmitFile(EvalMethodSpec spec, string shape, string? projectDirectory, System.Action<SourceWriter, string> body)
    {
        var writer = new SourceWriter();
        writer.WriteLine("// <auto-generated/>");
        writer.WriteLine("// Generated by EvalSpec from the [Eval] method " + spec.DisplayTypeName + "." + spec.MethodName + shape + ". Do not edit.");
        writer.WriteLine("#nullable enable");
        writer.WriteLine("#pragma warning disable CS0612, CS0618 // calling an [Obsolete] eval method is the user's choice, not the generated code's");
        writer.WriteLine();
        if (spec.Namespace.Length > 0)
        {
            writer.OpenBlock("namespace " + spec.Namespace);
        }

        foreach (ContainingTypeSpec type in spec.ContainingTypes)
        {
            writer.OpenBlock("partial " + type.Keyword + " " + Escape(type.Name));
        }

        string descriptor = "__EvalSpec_" + spec.MethodName;
        EmitDescriptor(writer, spec, descriptor, projectDirectory);
        body(writer, descriptor);

        foreach (ContainingTypeSpec _ in spec.ContainingTypes)
        {
            writer.CloseBlock();
        }

        if (spec.Namespace.Length > 0)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    private static void EmitDescriptor(SourceWriter writer, EvalMethodSpec spec, string descriptor, string? projectDirectory)
    {
        writer.WriteLine("private static readonly global::EvalSpec.Execution.EvalMethodDescriptor " + descriptor + " = new global::EvalSpec.Execution.EvalMethodDescriptor(");
        writer.Indent();
        writer.WriteLine("typeof(" + spec.FullyQualifiedTypeName + "),");
        writer.WriteLine(Literal(spec.MethodName) + ",");
        writer.WriteLine((spec.Rubric is null ? "null" : Literal(spec.Rubric)) + ",");
        writer.WriteLine(spec.Threshold.ToString("R", CultureInfo.InvariantCulture) + "D,");
        writer.WriteLine(spec.TimeoutMilliseconds.ToString(CultureInfo.InvariantCulture) + ",");
        writer.WriteLine("new string[] { " + string.Join(", ", spec.Parameters.Select(p => Literal(p.Name))) + " },");

        writer.WriteLine("new global::EvalSpec.Prompts.PromptVariant[]");
        writer.WriteLine("{");
        writer.Indent();
        foreach (VariantSpec variant in spec.Variants)
        {
            writer.WriteLine("new global::EvalSpec.Prompts.PromptVariant(" + Literal(variant.Key) + ", " + Literal(variant.Template) + "),");
        }

        writer.Unindent();
        writer.WriteLine("},");

        writer.WriteLine("new global::EvalSpec.Execution.EvalCaseDescriptor[]");
        writer.WriteLine("{");
        writer.Indent();
        foreach (CaseSpec @case in spec.Cases)
        {
            string turns = @case.Turns.Count == 0 ? string.Empty : " { Turns = new string[] { " + string.Join(", ", @case.Turns.Select(Literal)) + " } }";
            writer.WriteLine("new global::EvalSpec.Execution.EvalCaseDescriptor(" + Literal(@case.Id) + ", new object?[] { " + string.Join(", ", @case.ArgumentExpressions) + " }, " + (@case.Expected is null ? "null" : Literal(@case.Expected)) + ")" + turns + ",");
        }

        writer.Unindent();
        writer.WriteLine("},");

        writer.WriteLine("new global::EvalSpec.Execution.RelationDescriptor[]");
        writer.WriteLine("{");
        writer.Indent();
        foreach (RelationSpec relation in spec.Relations)
        {
            writer.WriteLine(
                "new global::EvalSpec.Execution.RelationDescriptor(" + Literal(relation.Key) + ", global::EvalSpec.Metamorphic.RelationKind." + (relation.IsDirectional ? "Directional" : "Invariant") +
                ", static () => new " + relation.FullyQualifiedType + "(), " + (relation.Parameter is null ? "null" : Literal(relation.Parameter)) + ", " +
                relation.Threshold.ToString("R", CultureInfo.InvariantCulture) + "D, (global::EvalSpec.Change)(" + relation.Expect.ToString(CultureInfo.InvariantCulture) + ")),");
        }

        writer.Unindent();
        writer.WriteLine("},");

        string target = spec.IsStatic ? spec.FullyQualifiedTypeName : "((" + spec.FullyQualifiedTypeName + ")instance!)";
        string methodName = Escape(spec.MethodName);
        string arguments = string.Concat(spec.Parameters.Select((p, i) => ", (" + p.FullyQualifiedType + ")args[" + i.ToString(CultureInfo.InvariantCulture) + "]!"));
        string adapter = spec.ReturnShape == ReturnShape.Task ? "FromTask" : "FromValueTask";
        string invoke = "static (instance, input, args) => global::EvalSpec.Execution.EvalInvoker." + adapter + "(" + target + "." + methodName + "(input" + arguments + ")))";
        var initializers = new List<string>();
        if (spec.Trials != 1)
        {
            initializers.Add("Trials = " + spec.Trials.ToString(CultureInfo.InvariantCulture) + ",");
            initializers.Add("TrialRule = (global::EvalSpec.TrialRule)(" + spec.TrialRule.ToString(CultureInfo.InvariantCulture) + "),");
            initializers.Add("PassRate = " + spec.PassRate.ToString("R", CultureInfo.InvariantCulture) + "D,");
        }

        if (spec.JudgeEachTurn)
        {
            initializers.Add("JudgeEachTurn = true,");
        }

        if (spec.MaxTokens > 0)
        {
            initializers.Add("MaxTokens = " + spec.MaxTokens.ToString(CultureInfo.InvariantCulture) + ",");
        }

        if (spec.MaxLatencyMs > 0)
        {
            initializers.Add("MaxLatencyMs = " + spec.MaxLatencyMs.ToString(CultureInfo.InvariantCulture) + ",");
        }

        if (spec.MaxCostUsd > 0)
        {
            initializers.Add("MaxCostUsd = " + spec.MaxCostUsd.ToString("R", CultureInfo.InvariantCulture) + "D,");
        }

        if (spec.SnapshotOutput != EvalMethodSpec.NoSnapshot)
        {
            initializers.Add("SnapshotOutput = (global::EvalSpec.SnapshotOutput)(" + spec.SnapshotOutput.ToString(CultureInfo.InvariantCulture) + "),");
            initializers.Add("SnapshotDirectory = " + Literal(SnapshotDirectory(spec.SourceFilePath, projectDirectory)) + ",");
        }

        if (initializers.Count == 0)
        {
            writer.WriteLine(invoke + ";");
        }
        else
        {
            writer.WriteLine(invoke);
            writer.WriteLine("{");
            writer.Indent();
            foreach (string initializer in initializers)
            {
                writer.WriteLine(initializer);
            }

            writer.Unindent();
            writer.WriteLine("};");
        }

        writer.Unindent();
    }

    /// <summary>
    /// The folder of the source file, relative to the project folder with '/' separators ("" for the project folder
    /// itself), so generated code does not depend on where the repository is checked out; absolute when the file is
    /// outside the project or the project folder is unknown.
    /// </summary>
    internal static string SnapshotDirectory(string? sourceFilePath, string? projectDirectory)
    {
        string file = (sourceFilePath ?? string.Empty).Replace('\\', '/');
        int slash = file.LastIndexOf('/');
        string directory = slash < 0 ? string.Empty : slash == 0 ? "/" : file.Substring(0, slash);
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return directory;
        }

        string root = projectDirectory!.TrimEnd('/', '\\');
        string normalized = directory;
        string normalizedRoot = root.Replace('\\', '/');
        if (string.Equals(normalized, normalizedRoot, System.StringComparison.OrdinalIgnoreCase))
        {
            return string.Empty;
        }

        return normalized.StartsWith(normalizedRoot + "/", System.StringComparison.OrdinalIgnoreCase)
            ? normalized.Substring(normalizedRoot.Length + 1)
            : directory;
    }

    internal static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Escapes a name that is a reserved keyword (<c>event</c> becomes <c>@event</c>).</summary>
    internal static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
