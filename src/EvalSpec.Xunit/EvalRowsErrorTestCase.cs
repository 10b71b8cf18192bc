using System;
using System.Collections.Generic;
using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// The failing test xUnit v2 shows in place of an eval method's rows when they cannot be read (a static initializer that
/// threw, a descriptor to rebuild). It carries the rows' traits <c>Category=Eval</c> and <c>EvalMethod</c>, so that a run
/// filtered on them (<c>--filter "Category=Eval"</c>) still fails instead of leaving the method out and passing, and it is
/// named after the eval method.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvalRowsErrorTestCase : ExecutionErrorTestCase
{
    private string _evalMethod = string.Empty;

    /// <summary>For the deserializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public EvalRowsErrorTestCase()
    {
    }

    internal EvalRowsErrorTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, string evalMethod, string errorMessage)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, errorMessage)
    {
        _evalMethod = evalMethod;
    }

    /// <summary>Named as on xUnit v3, <c>Namespace.Class.Method</c> with the eval method's name, not the generated method's.</summary>
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        _evalMethod.Length == 0 ? displayName : TestMethod.TestClass.Class.Name + "." + _evalMethod;

    /// <inheritdoc/>
    protected override void Initialize()
    {
        base.Initialize();
        Add("Category", "Eval");
        Add("EvalMethod", _evalMethod);
    }

    private void Add(string name, string value) => RowTraits.Add(Traits, name, value);

    /// <inheritdoc/>
    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("EvalSpec.EvalMethod", _evalMethod);
    }

    /// <inheritdoc/>
    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);

        // Before the base: it may initialize the case (traits), which reads it.
        _evalMethod = data.GetValue<string>("EvalSpec.EvalMethod");
        base.Deserialize(data);
    }
}
