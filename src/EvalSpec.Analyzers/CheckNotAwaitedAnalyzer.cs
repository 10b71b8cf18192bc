using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvalSpec.Analyzers;

/// <summary>
/// ES3001: <c>Snapshot.VerifyAsync(...)</c> or an EvalSpec.FluentAssertions judge assertion
/// (<c>PassPanelAsync</c>, <c>PassJudgeAsync</c>, <c>BeEquivalentInMeaningToAsync</c>) whose Task is thrown away:
/// the check runs unobserved, and the test passes before (and whether or not) it fails.
/// </summary>
/// <remarks>
/// Thrown away means an expression statement (<c>Snapshot.VerifyAsync(x);</c>, also with
/// <c>.ConfigureAwait(false)</c>, and the expression body of a void method or lambda) or a discard
/// (<c>_ = Snapshot.VerifyAsync(x);</c>). A Task that is stored, returned or passed on is someone else's to
/// await and is not reported. The code fix (EvalSpec.CodeFixes) adds the <c>await</c>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CheckNotAwaitedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CheckNotAwaited);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? snapshot = start.Compilation.GetTypeByMetadataName("EvalSpec.Snapshots.Snapshot");
            INamedTypeSymbol? assertions = start.Compilation.GetTypeByMetadataName("EvalSpec.FluentAssertions.JudgeAssertionExtensions");
            if (snapshot is null && assertions is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operation =>
                {
                    var call = (IInvocationOperation)operation.Operation;
                    if (CheckName(call.TargetMethod, snapshot, assertions) is { } name && IsThrownAway(call))
                    {
                        operation.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CheckNotAwaited, call.Syntax.GetLocation(), name));
                    }
                },
                OperationKind.Invocation);
        });
    }

    /// <summary>How the message names the call, when it is one of the checks; else null.</summary>
    private static string? CheckName(IMethodSymbol method, INamedTypeSymbol? snapshot, INamedTypeSymbol? assertions)
    {
        if (method.ReturnsVoid || !method.Name.EndsWith("Async", System.StringComparison.Ordinal))
        {
            return null;
        }

        INamedTypeSymbol type = (method.ReducedFrom ?? method).ContainingType;
        if (snapshot is not null && SymbolEqualityComparer.Default.Equals(type, snapshot) && method.Name == "VerifyAsync")
        {
            return "Snapshot.VerifyAsync";
        }

        return assertions is not null && SymbolEqualityComparer.Default.Equals(type, assertions) ? method.Name : null;
    }

    private static bool IsThrownAway(IInvocationOperation call)
    {
        IOperation value = call;
        if (call.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configureAwait && configureAwait.Instance == call)
        {
            value = configureAwait;
        }

        return value.Parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation } discard => discard.Value == value && discard.Parent is IExpressionStatementOperation,
            _ => false,
        };
    }
}
