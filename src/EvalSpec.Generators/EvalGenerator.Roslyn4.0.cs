using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using EvalSpec.Generators.Emitting;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvalSpec.Generators;

/// <summary>
/// Expands every [Eval] method of a partial class into xUnit tests: one per case x prompt variant x
/// (identity + each metamorphic relation), and registers EvalSpec's test framework for the assembly.
/// A method with authoring errors (which the EvalSpec analyzers report) gets no rows; in their place it gets one test
/// that fails with the errors, so that turning an error's severity down never makes the method's rows vanish silently.
/// That test is left out where it could not compile: in a type that is not partial (ES1004), is generic or is not a
/// class (ES1015), and in a project without xUnit; there the analyzer's diagnostic is all there is.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EvalGenerator : IIncrementalGenerator
{
    private const string OptOutProperty = "build_property.EvalSpecGenerateTestFramework";
    private const string ProjectDirectoryProperty = "build_property.MSBuildProjectDirectory";
    private const string V3AdapterType = "EvalSpec.XunitV3.EvalRowsAttribute";
    private const string V2AdapterType = "EvalSpec.Execution.EvalRowsAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<EvalMethodModel?> methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.EvalAttributeName,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) => Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.EvalMethods);

        IncrementalValueProvider<EquatableArray<PromptFileSpec>> promptFiles = context.AdditionalTextsProvider
            .Where(static text => PromptFileParser.IsPromptFile(text.Path))
            .Select(static (text, cancellationToken) => PromptFileSpec.Parse(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (files, _) => new EquatableArray<PromptFileSpec>(files))
            .WithTrackingName(TrackingNames.PromptFiles);

        // Case files are parsed one by one, so a change to one file re-reads that file alone; the collected list
        // compares by value, so a change to any other additional file leaves every method's rows cached.
        IncrementalValueProvider<EquatableArray<DataFileSpec>> dataFiles = context.AdditionalTextsProvider
            .Where(static text => DataFileSpec.IsDataFile(text.Path))
            .Select(static (text, cancellationToken) => DataFileSpec.Parse(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (files, _) => new EquatableArray<DataFileSpec>(files))
            .WithTrackingName(TrackingNames.DataFiles);

        IncrementalValueProvider<string?> projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue(ProjectDirectoryProperty, out string? directory) && !string.IsNullOrWhiteSpace(directory) ? directory
                : options.GlobalOptions.TryGetValue("build_property.projectdir", out string? projectDir) && !string.IsNullOrWhiteSpace(projectDir) ? projectDir
                : null)
            .WithTrackingName(TrackingNames.ProjectDirectory);

        IncrementalValuesProvider<EvalMethodModel> resolvedMethods = methods
            .Where(static model => model is not null)
            .Combine(promptFiles)
            .Select(static (pair, _) => ResolvePromptSets(pair.Left!, pair.Right))
            .Combine(dataFiles.Combine(projectDirectory))
            .Select(static (pair, _) => ResolveCasesFrom(pair.Left, pair.Right.Left, pair.Right.Right));

        IncrementalValuesProvider<EvalMethodSpec> validMethods = resolvedMethods
            .Where(static model => model.Spec is not null)
            .Select(static (model, _) => model.Spec!)
            .WithTrackingName(TrackingNames.ValidEvalMethods);

        IncrementalValuesProvider<NotGeneratedTestSpec> notGeneratedTests = resolvedMethods
            .Where(static model => model.NotGeneratedTest is not null)
            .Select(static (model, _) => model.NotGeneratedTest!)
            .WithTrackingName(TrackingNames.NotGeneratedTests);

        // xUnit v3 is told from its core interface (xunit.v3.core, also in xunit.v3.extensibility.core); v2's xunit.core
        // lacks it. Compared by value, so an edit elsewhere leaves every method's rows cached.
        IncrementalValueProvider<XunitFlavor> flavor = context.CompilationProvider
            .Select(static (compilation, _) =>
                compilation.GetTypeByMetadataName("Xunit.v3.IFactAttribute") is not null
                    ? compilation.GetTypeByMetadataName(V3AdapterType) is not null ? XunitFlavor.V3 : XunitFlavor.V3WithoutAdapter
                    : compilation.GetTypeByMetadataName("Xunit.FactAttribute") is not null
                        ? compilation.GetTypeByMetadataName(V2AdapterType) is not null ? XunitFlavor.V2 : XunitFlavor.V2WithoutAdapter
                        : XunitFlavor.None)
            .WithTrackingName(TrackingNames.XunitFlavor);

        IncrementalValueProvider<ImmutableArray<EvalMethodSpec>> allValidMethods = validMethods.Collect();

        // One file per class: the methods are collected, grouped by class and handed on in buckets of fixed positions
        // (EvalClassBucket), so a change to one method re-emits the files of its bucket's classes alone.
        IncrementalValuesProvider<EvalClassBucket> validClasses = allValidMethods
            .SelectMany(static (specs, _) => EvalClassBucket.Of(specs))
            .WithTrackingName(TrackingNames.ValidEvalClasses);

        context.RegisterSourceOutput(validClasses.Combine(projectDirectory.Combine(flavor)), static (output, pair) =>
        {
            switch (pair.Right.Right)
            {
                case XunitFlavor.V3WithoutAdapter:
                case XunitFlavor.V2WithoutAdapter:
                    // The rows would not compile without the adapter; ES1025 (an error) says which package to add.
                    break;
                default:
                    foreach (EvalClassSpec type in pair.Left.Classes)
                    {
                        output.AddSource(EvalMethodEmitter.HintName(type), EvalMethodEmitter.Emit(type, pair.Right.Left, pair.Right.Right));
                    }

                    break;
            }
        });

        IncrementalValueProvider<bool> userFramework = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "Xunit.TestFrameworkAttribute",
                predicate: static (node, _) => node is CompilationUnitSyntax,
                transform: static (_, _) => true)
            .Collect()
            .Select(static (found, _) => found.Length > 0)
            .WithTrackingName(TrackingNames.UserTestFramework);

        // The v2 framework registration is for xUnit v2 only (xunit.v3.core declares a TestFrameworkAttribute too).
        IncrementalValueProvider<bool> referencesXunit = flavor.Select(static (value, _) => value == XunitFlavor.V2);
        IncrementalValueProvider<bool> referencesAnyXunit = flavor.Select(static (value, _) => value != XunitFlavor.None);

        // Without xUnit a [Fact] would not compile; the analyzer's errors are then all there is.
        context.RegisterSourceOutput(notGeneratedTests.Combine(referencesAnyXunit), static (output, pair) =>
        {
            if (pair.Right)
            {
                output.AddSource(NotGeneratedTestEmitter.HintName(pair.Left), NotGeneratedTestEmitter.Emit(pair.Left));
            }
        });

        IncrementalValueProvider<bool> optedOut = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(OptOutProperty, out string? value)
                && string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase));

        IncrementalValueProvider<TestFrameworkRegistration> registration = allValidMethods
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

        IncrementalValueProvider<bool> userParallelization = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "Xunit.v3.ParallelizationAttribute",
                predicate: static (node, _) => node is CompilationUnitSyntax,
                transform: static (_, _) => true)
            .Collect()
            .Select(static (found, _) => found.Length > 0)
            .WithTrackingName(TrackingNames.UserParallelization);

        IncrementalValueProvider<V3Registration> v3Registration = allValidMethods
            .Select(static (specs, _) => specs.Length > 0)
            .Combine(flavor)
            .Combine(userParallelization)
            .Combine(optedOut)
            .Select(static (inputs, _) => new V3Registration(
                HasEvalMethods: inputs.Left.Left.Left,
                IsV3: inputs.Left.Left.Right == XunitFlavor.V3,
                UserDeclaresParallelization: inputs.Left.Right,
                OptedOut: inputs.Right))
            .WithTrackingName(TrackingNames.V3Registration);

        context.RegisterSourceOutput(v3Registration, static (output, value) =>
        {
            if (value.ShouldEmit)
            {
                output.AddSource(TestFrameworkEmitter.V3HintName, TestFrameworkEmitter.EmitV3(value.EmitParallelization));
            }
        });
    }

    /// <summary>The method's rows or, when it has errors, the test that fails with them; null when neither can be emitted.</summary>
    private static EvalMethodModel? Parse(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method)
        {
            return null;
        }

        KnownSymbols symbols = KnownSymbols.From(context.SemanticModel.Compilation);
        if (!symbols.IsComplete)
        {
            return null;
        }

        EvalMethodParseResult parsed = EvalMethodParser.Parse(method, symbols, cancellationToken);
        return parsed.Spec is null && parsed.NotGeneratedTest is null ? null : new EvalMethodModel(parsed.Spec, parsed.NotGeneratedTest);
    }

    /// <summary>Adds the variants of the method's prompt files; a problem in them turns its rows into the failing test.</summary>
    private static EvalMethodModel ResolvePromptSets(EvalMethodModel model, EquatableArray<PromptFileSpec> files)
    {
        if (model.Spec is null)
        {
            return model;
        }

        var problems = new List<EvalProblem>();
        EvalMethodSpec? resolved = PromptSetResolver.Resolve(model.Spec, files.AsImmutableArray(), problems);
        return resolved is not null
            ? new EvalMethodModel(resolved, null)
            : new EvalMethodModel(null, NotGeneratedTestSpec.For(model.Spec, problems));
    }

    /// <summary>Adds the cases of the method's data files; a problem in them turns its rows into the failing test.</summary>
    private static EvalMethodModel ResolveCasesFrom(EvalMethodModel model, EquatableArray<DataFileSpec> files, string? projectDirectory)
    {
        if (model.Spec is null || model.Spec.DataFiles.Count == 0)
        {
            return model;
        }

        var problems = new List<EvalProblem>();
        EvalMethodSpec? resolved = CasesFromResolver.Resolve(model.Spec, files.AsImmutableArray(), projectDirectory, problems);
        return resolved is not null
            ? new EvalMethodModel(resolved, null)
            : new EvalMethodModel(null, NotGeneratedTestSpec.For(model.Spec, problems));
    }
}
