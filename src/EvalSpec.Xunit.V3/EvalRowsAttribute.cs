using System;
using System.ComponentModel;
using Xunit.v3;

namespace EvalSpec.XunitV3;

/// <summary>
/// Marks the one generated test method of an <c>[Eval]</c> method on xUnit v3: <see cref="EvalRowsDiscoverer"/> reads the
/// rows of the generated descriptor named by <see cref="Descriptor"/> and reports one test case per row. Generated code only.
/// </summary>
/// <remarks>
/// It implements <see cref="IFactAttribute"/> rather than deriving from <c>FactAttribute</c>, so xUnit's analyzers do not
/// treat the method (which takes the row's keys) as a fact.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[XunitTestCaseDiscoverer(typeof(EvalRowsDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class EvalRowsAttribute : Attribute, IFactAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="descriptor">The name of the generated static <see cref="Execution.EvalMethodDescriptor"/> field of the class, whose rows are listed.</param>
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

    /// <summary>The source file of the <c>[Eval]</c> method, so that "go to test" lands in the user's code.</summary>
    public string? SourceFilePath { get; set; }

    /// <summary>The line of the <c>[Eval]</c> method in <see cref="SourceFilePath"/>, or 0 when unknown.</summary>
    public int SourceLineNumber { get; set; }

    /// <summary>Known failures and rows not judged (outside a sample, relation not applicable): reported as skipped, with the message as the reason.</summary>
    public Type[]? SkipExceptions => [typeof(Execution.EvalRowKnownFailureException), typeof(Execution.EvalRowSkippedException)];

    /// <inheritdoc/>
    public bool DisableParallelization => false;

    /// <inheritdoc/>
    public string? DisplayName => null;

    /// <inheritdoc/>
    public bool Explicit => false;

    /// <inheritdoc/>
    public string? Skip => null;

    /// <inheritdoc/>
    public Type? SkipType => null;

    /// <inheritdoc/>
    public string? SkipUnless => null;

    /// <inheritdoc/>
    public string? SkipWhen => null;

    /// <inheritdoc/>
    int? IFactAttribute.SourceLineNumber => SourceLineNumber > 0 ? SourceLineNumber : null;

    /// <summary>None: EvalSpec times rows itself (<c>[Eval(TimeoutMs = ...)]</c>, <c>RowTimeout</c>), from when a row gets a slot.</summary>
    public int Timeout => 0;
}
