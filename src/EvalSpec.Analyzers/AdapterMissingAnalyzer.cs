using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvalSpec.Analyzers;

/// <summary>
/// ES1025: [Eval] methods in a project that references neither EvalSpec adapter for its xUnit (EvalSpec.Xunit for
/// xUnit v2, EvalSpec.Xunit.V3 for xUnit v3). The EvalSpec package alone references no xUnit, so without the adapter
/// the rows would not run, or not run as EvalSpec rows (no concurrency, no skips for known failures, no summary).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdapterMissingAnalyzer : DiagnosticAnalyzer
{
    /// <summary>A type of the xUnit v2 adapter (assembly EvalSpec.Xunit).</summary>
    internal const string V2AdapterType = "EvalSpec.Execution.EvalTestFramework";

    /// <summary>A type of the xUnit v3 adapter (assembly EvalSpec.Xunit.V3).</summary>
    internal const string V3AdapterType = "EvalSpec.XunitV3.EvalRowsAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AdapterMissing);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            Compilation compilation = start.Compilation;
            INamedTypeSymbol? eval = compilation.GetTypeByMetadataName(Generators.Parsing.KnownSymbols.EvalAttributeName);
            if (eval is null)
            {
                return;
            }

            // xUnit v3 (xunit.v3.core or xunit.v3.extensibility.core) declares IFactAttribute; v2's xunit.core does not.
            bool v3 = compilation.GetTypeByMetadataName("Xunit.v3.IFactAttribute") is not null;
            bool v2 = !v3 && compilation.GetTypeByMetadataName("Xunit.FactAttribute") is not null;
            bool hasAdapter = v3
                ? compilation.GetTypeByMetadataName(V3AdapterType) is not null
                : compilation.GetTypeByMetadataName(V2AdapterType) is not null;
            if (hasAdapter)
            {
                return;
            }

            string xunit = v3 ? "xUnit v3" : v2 ? "xUnit v2" : "no xUnit";
            string package = v2 ? "EvalSpec.Xunit" : "EvalSpec.Xunit.V3";
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    foreach (AttributeData attribute in method.GetAttributes())
                    {
                        if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, eval))
                        {
                            symbolContext.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.AdapterMissing,
                                method.Locations.Length > 0 ? method.Locations[0] : Location.None,
                                method.ContainingType.Name + "." + method.Name,
                                xunit,
                                package));
                            return;
                        }
                    }
                },
                SymbolKind.Method);
        });
    }
}
