using System;
using System.ComponentModel;
using Xunit;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// Marks the one generated test method of an <c>[Eval]</c> method on xUnit v2: <see cref="EvalRowsDiscoverer"/> reads the
/// rows of the generated descriptor named by <see cref="Descriptor"/> and reports one test case per row. Generated code only.
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
    /// <param name="descriptor">The name of the generated static <see cref="EvalMethodDescriptor"/> field of the class, whose rows are listed.</param>
    /// <param name="evalMethod">The name of the <c>[Eval]</c> method (the <c>EvalMethod</c> trait).</param>
    public EvalRowsAttribute(string descriptor, string evalMethod)
    {
        Descriptor = descriptor;
        EvalMethod = evalMethod;
    }

    /// <summary>The name of the descriptor field: its cases x variants x (identity + relations) are the rows.</summary>
    public string Descriptor { get; }

    /// <summary>The name of the <c>[Eval]</c> method.</summary>
    public string EvalMethod { get; }
}
