using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// Reports one xUnit v2 test case per row of an <see cref="EvalRowsAttribute"/> method (<see cref="EvalRowTestCase"/>): the
/// row's display name, the traits <c>Category=Eval</c>, <c>EvalMethod</c>, <c>Case</c>, <c>Variant</c>, <c>Relation</c>
/// (and <c>Tag</c> of case-file cases), and the row's keys as the method's arguments (which make its unique id).
/// </summary>
/// <remarks>
/// The rows are listed from the method's generated descriptor: reading it runs the class's static initializer during
/// discovery, but the generated field only reads the generator's data (no eval method or relation is called). The user's
/// own static fields do run: one that throws is reported as a failing test of the method, not lost with the class.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvalRowsDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnosticMessageSink;

    /// <summary>Creates the discoverer (xUnit calls this).</summary>
    /// <param name="diagnosticMessageSink">The diagnostic message sink.</param>
    public EvalRowsDiscoverer(IMessageSink diagnosticMessageSink)
    {
        _diagnosticMessageSink = diagnosticMessageSink;
    }

    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        TestMethodDisplay display = discoveryOptions.MethodDisplayOrDefault();
        TestMethodDisplayOptions displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        object[] arguments = factAttribute.GetConstructorArguments().ToArray();
        string descriptor = arguments is [string field, ..] ? field : string.Empty;
        string evalMethod = arguments is [_, string name, ..] ? name : testMethod.Method.Name;

        IReadOnlyList<EvalRowTableEntry> rows;
        try
        {
            rows = testMethod.TestClass.Class is IReflectionTypeInfo { Type: { } type }
                ? EvalRowTable.Read(type, descriptor)
                : throw new InvalidOperationException($"EvalSpec reads the rows of {testMethod.TestClass.Class.Name}.{testMethod.Method.Name} by reflection, which this runner does not offer.");
        }
        catch (InvalidOperationException ex)
        {
            // Reported as one failing test of the method, not as a discovery crash that hides the other classes.
            return [new EvalRowsErrorTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, evalMethod, ex.Message)];
        }

        var cases = new List<IXunitTestCase>(rows.Count);
        foreach (EvalRowTableEntry entry in rows)
        {
            cases.Add(new EvalRowTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, evalMethod, entry.CaseId, entry.VariantKey, entry.RelationKey, entry.DisplayName, entry.Tags));
        }

        return cases;
    }
}
