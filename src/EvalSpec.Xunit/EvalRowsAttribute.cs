using System;
using System.ComponentModel;
using Xunit;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// Marks the one generated test method of an <c>[Eval]</c> method on xUnit v2: <see cref="EvalRowsDiscoverer"/> reads the
/// generated row table named by <see cref="RowTable"/> and reports one test case per row. Generated code only.
/// </summary>
/// <remarks>
/// xUnit v2 discovers only attributes deriving from <see cref="FactAttribute"/>. One method per eval method (instead of
/// one <c>[Fact]</c> per row) keeps the rows out of the reach of xUnit's analyzers, which inspect every fact method.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[XunitTestCaseDiscoverer("EvalSpec.Execution.EvalRowsDiscoverer", "EvalSpec.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class EvalRowsAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="rowTable">The name of the generated static <c>string[][]</c> field of the class that lists the rows.</param>
    /// <param name="evalMethod">The name of the <c>[Eval]</c> method (the <c>EvalMethod</c> trait).</param>
    public EvalRowsAttribute(string rowTable, string evalMethod)
    {
        RowTable = rowTable;
        EvalMethod = evalMethod;
    }

    /// <summary>The name of the row table field: per row its case id, variant key, relation key, display name, then its tags.</summary>
    public string RowTable { get; }

    /// <summary>The name of the <c>[Eval]</c> method.</summary>
    public string EvalMethod { get; }
}
