using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using EvalSpec.Generators.Emitting;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvalSpec.Generators;

/// <summary>
/// Expands every [Eval] method of a partial class into xUnit tests: one per case x prompt variant x
/// (identity + each metamorphic relation), and registers EvalSpec's test framework for the assembly.
/// Methods with authoring errors produce nothing here; the EvalSpec analyzers report those errors.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EvalGenerator : IIncrementalGenerator
{
    private const string OptOutProperty = "build_property.EvalSpecGenerateTestFramework";
    private const string ProjectDirectoryProperty = "build_property.MSBuildProjectDirectory";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<EvalMethodSpec?> methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.EvalAttributeName,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) => Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.EvalMethods);

        IncrementalValueProvider<EquatableArray<PromptFileSpec>> promptFiles = context.AdditionalTextsProvider
            .Where(static text => PromptFileParser.IsPromptFile(text.Path))
            .Select(static (text, cancellationToken) => PromptFileParser.Parse(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (files, _) => new EquatableArray<PromptFileSpec>(files))
            .WithTrackingName(TrackingNames.PromptFiles);

        IncrementalValuesProvider<EvalMethodSpec> validMethods = methods
            .Where(static spec => spec is not null)
            .Combine(promptFiles)
            .Select(static (pair, _) => PromptSetResolver.Resolve(pair.Left!, pair.Right.AsImmutableArray(), new List<EvalProblem>()))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidEvalMethods);

        IncrementalValueProvider<string?> projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue(ProjectDirectoryProperty, out string? directory) && !string.IsNullOrWhiteSpace(directory) ? directory
                : options.GlobalOptions.TryGetValue("build_property.projectdir", out string? projectDir) && !string.IsNullOrWhiteSpace(projectDir) ? projectDir
                : null)
            .WithTrackingName(TrackingNames.ProjectDirectory);

        context.RegisterSourceOutput(validMethods.Combine(projectDirectory), static (output, pair) =>
            output.AddSource(EvalMethodEmitter.HintName(pair.Left), EvalMethodEmitter.Emit(pair.Left, pair.Right)));

        IncrementalValueProvider<bool> userFramework = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "Xunit.TestFrameworkAttribute",
                predicate: static (node, _) => node is CompilationUnitSyntax,
                transform: static (_, _) => true)
            .Collect()
            .Select(static (found, _) => found.Length > 0)
            .WithTrackingName(TrackingNames.UserTestFramework);

        IncrementalValueProvider<bool> referencesXunit = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("Xunit.TestFrameworkAttribute") is not null);

        IncrementalValueProvider<bool> optedOut = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(OptOutProperty, out string? value)
                && string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase));

        IncrementalValueProvider<TestFrameworkRegistration> registration = validMethods
            .Collect()
            .Select(static (specs, _) => specs.Length > 0)
            .Combine(referencesXunit)
            .Combine(userFramework)
            .Combine(optedOut)
            .Select(static (inputs, _) => new TestFrameworkRegistration(
                HasEvalMethods: inputs.Left.Left.Left,
                ReferencesXunit: inputs.Left.Left.Right,
                UserDeclaresFramework: inputs.Left.Right,
                OptedOut: inputs.Right))
            .WithTrackingName(TrackingNames.TestFrameworkRegistration);

        context.RegisterSourceOutput(registration, static (output, value) =>
        {
            if (value.ShouldEmit)
            {
                output.AddSource(TestFrameworkEmitter.HintName, TestFrameworkEmitter.Emit());
            }
        });
    }

    private static EvalMethodSpec? Parse(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method)
        {
            return null;
        }

        KnownSymbols symbols = KnownSymbols.From(context.SemanticModel.Compilation);
        return symbols.IsComplete ? EvalMethodParser.Parse(method, symbols, cancellationToken).Spec : null;
    }
}
