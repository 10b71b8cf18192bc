using System;
using System.ComponentModel;
using Xunit.v3;

namespace EvalSpec.XunitV3;

/// <summary>
/// Marks the one generated test method of an <c>[Eval]</c> method on xUnit v3: <see cref="EvalRowsDiscoverer"/> reads the
/// generated row table named by <see cref="RowTable"/> and reports one test case per row. Generated code only.
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
