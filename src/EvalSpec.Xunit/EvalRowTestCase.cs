using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalSpec.Execution;

/// <summary>
/// One eval row on xUnit v2: the generated row method with the row's keys as its arguments, the row's display name and
/// its traits. The keys are the test method arguments, so they are serialized with the case and make its unique id
/// stable per row (Test Explorer keeps the row's history).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvalRowTestCase : XunitTestCase
{
    private string _evalMethod = string.Empty;
    private string _rowDisplayName = string.Empty;
    private string[] _tags = [];

    /// <summary>For the deserializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public EvalRowTestCase()
    {
    }

    internal EvalRowTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, string evalMethod, string caseId, string variantKey, string relationKey, string displayName, string[] tags)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, [caseId, variantKey, relationKey])
    {
        _evalMethod = evalMethod;
        _rowDisplayName = displayName;
        _tags = tags;
    }

    /// <summary>The name of the <c>[Eval]</c> method.</summary>
    public string EvalMethod => _evalMethod;

    /// <summary>The row's case id.</summary>
    public string CaseId => Key(0);

    /// <summary>The row's prompt variant key.</summary>
    public string VariantKey => Key(1);

    /// <summary>The row's relation key (<c>identity</c> for the unchanged input).</summary>
    public string RelationKey => Key(2);

    private string Key(int index) => TestMethodArguments is { } arguments && arguments.Length > index && arguments[index] is string key ? key : string.Empty;

    /// <inheritdoc/>
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => _rowDisplayName;

    /// <inheritdoc/>
    protected override void Initialize()
    {
        base.Initialize();
        Add("Category", "Eval");
        Add("EvalMethod", _evalMethod);
        Add("Case", CaseId);
        Add("Variant", VariantKey);
        Add("Relation", RelationKey);
        foreach (string tag in _tags)
        {
            // Tags of a case read from a data file ([CasesFrom]): filter with --filter "Tag=billing".
            Add("Tag", tag);
        }
    }

    private void Add(string name, string value) => RowTraits.Add(Traits, name, value);

    /// <inheritdoc/>
    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("EvalSpec.EvalMethod", _evalMethod);
        data.AddValue("EvalSpec.DisplayName", _rowDisplayName);
        data.AddValue("EvalSpec.TagCount", _tags.Length);
        for (int i = 0; i < _tags.Length; i++)
        {
            data.AddValue("EvalSpec.Tag" + i.ToString(CultureInfo.InvariantCulture), _tags[i]);
        }
    }

    /// <inheritdoc/>
    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);

        // Before the base: it may initialize the case (display name, traits), which reads these.
        _evalMethod = data.GetValue<string>("EvalSpec.EvalMethod");
        _rowDisplayName = data.GetValue<string>("EvalSpec.DisplayName");
        int count = data.GetValue<int>("EvalSpec.TagCount");
        _tags = new string[count];
        for (int i = 0; i < count; i++)
        {
            _tags[i] = data.GetValue<string>("EvalSpec.Tag" + i.ToString(CultureInfo.InvariantCulture));
        }

        base.Deserialize(data);
    }
}
