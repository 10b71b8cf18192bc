using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading.Tasks;
using EvalSpec.Execution;
using Xunit.Sdk;
using Xunit.v3;

namespace EvalSpec.XunitV3;

/// <summary>
/// Reports one xUnit v3 test case per row of an <see cref="EvalRowsAttribute"/> method: the row's display name, the traits
/// <c>Category=Eval</c>, <c>EvalMethod</c>, <c>Case</c>, <c>Variant</c>, <c>Relation</c> (and <c>Tag</c> of case-file
/// cases), a unique id from the method's id and the row's keys, and the row's keys as the method's arguments.
/// </summary>
/// <remarks>
/// The rows are listed from the method's generated descriptor: reading it runs the class's static initializer during
/// discovery, but the generated field only reads the generator's data (no eval method or relation is called).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvalRowsDiscoverer : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        if (factAttribute is not EvalRowsAttribute attribute)
        {
            throw new ArgumentException($"{nameof(EvalRowsDiscoverer)} serves {nameof(EvalRowsAttribute)} only.", nameof(factAttribute));
        }

        IReadOnlyList<EvalRowTableEntry> rows;
        try
        {
            rows = EvalRowTable.Read(testMethod.Method.DeclaringType ?? testMethod.TestClass.Class, attribute.Descriptor);
        }
        catch (InvalidOperationException ex)
        {
            // One failing test of the method that says what to do (a static initializer that threw: which class, what, with
            // secrets redacted), instead of xUnit's "Exception during discovery" with the raw exception.
            return new ValueTask<IReadOnlyCollection<IXunitTestCase>>([Error(testMethod, attribute, ex.Message, 0)]);
        }

        var cases = new List<IXunitTestCase>(rows.Count);
        foreach (EvalRowTableEntry entry in rows)
        {
            string caseId = entry.CaseId, variantKey = entry.VariantKey, relationKey = entry.RelationKey, displayName = entry.DisplayName;
            var traits = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, IReadOnlyCollection<string>> trait in testMethod.Traits)
            {
                traits[trait.Key] = new HashSet<string>(trait.Value, StringComparer.OrdinalIgnoreCase);
            }

            Add(traits, "Category", "Eval");
            Add(traits, "EvalMethod", attribute.EvalMethod);
            Add(traits, "Case", caseId);
            Add(traits, "Variant", variantKey);
            Add(traits, "Relation", relationKey);
            foreach (string tag in entry.Tags)
            {
                // Tags of a case read from a data file ([CasesFrom]): filter with --filter "Tag=billing".
                Add(traits, "Tag", tag);
            }

            object[] arguments = [caseId, variantKey, relationKey];
            cases.Add(new XunitTestCase(
                testMethod,
                displayName,
                UniqueIDGenerator.ForTestCase(testMethod.UniqueID, null, arguments),
                @explicit: false,
                skipExceptions: attribute.SkipExceptions,
                traits: traits,
                testMethodArguments: arguments,
                sourceFilePath: attribute.SourceFilePath,
                sourceLineNumber: attribute.SourceLineNumber > 0 ? attribute.SourceLineNumber : null,
                timeout: null));
        }

        return new ValueTask<IReadOnlyCollection<IXunitTestCase>>(cases);
    }

    /// <summary>
    /// A test of the method that fails with <paramref name="message"/> when run. It carries the method's traits
    /// <c>Category=Eval</c> and <c>EvalMethod</c>, so that a run filtered on them (<c>--filter "Category=Eval"</c>) still
    /// fails instead of leaving the method out and passing.
    /// </summary>
    private static ExecutionErrorTestCase Error(IXunitTestMethod testMethod, EvalRowsAttribute attribute, string message, int index)
    {
        var error = new ExecutionErrorTestCase(
            testMethod,
            testMethod.TestClass.TestClassName + "." + attribute.EvalMethod,
            UniqueIDGenerator.ForTestCase(testMethod.UniqueID, null, ["evalspec-error", index]),
            attribute.SourceFilePath,
            attribute.SourceLineNumber > 0 ? attribute.SourceLineNumber : null,
            message);
        Add(error.Traits, "Category", "Eval");
        Add(error.Traits, "EvalMethod", attribute.EvalMethod);
        return error;
    }

    private static void Add(Dictionary<string, HashSet<string>> traits, string name, string value)
    {
        if (!traits.TryGetValue(name, out HashSet<string>? values))
        {
            traits[name] = values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        values.Add(value);
    }
}
