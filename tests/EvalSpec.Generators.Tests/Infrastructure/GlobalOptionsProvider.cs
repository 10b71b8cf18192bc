using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// Stands in for the global analyzer config MSBuild writes from <c>CompilerVisibleProperty</c> items
/// (keys such as <c>build_property.EvalSpecGenerateTestFramework</c>).
/// </summary>
internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

    public GlobalOptionsProvider(IReadOnlyDictionary<string, string> globalOptions)
    {
        GlobalOptions = new DictionaryOptions(globalOptions);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public static GlobalOptionsProvider With(string key, string value) => new(new Dictionary<string, string> { [key] = value });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values)
        {
            _values = values;
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
