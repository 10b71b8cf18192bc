using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvalSpec.Analyzers;

/// <summary>
/// ES1020: a case parameter of an [Eval] method with prompts that no template names as a placeholder and that
/// the method never reads. Its [Case] arguments then change nothing the model sees or the method does, so the
/// cases that differ only there are the same row run twice.
/// </summary>
/// <remarks>
/// Reads are parameter references anywhere in the body (lambdas and local functions included), except inside
/// <c>nameof</c> and as the target of a plain assignment; <c>input.Arguments["name"]</c> reads the named
/// parameter, and any other use of <c>EvalInput.Arguments</c> counts as reading them all, as does any use of the
/// EvalInput parameter other than a member access (passing it to a helper, returning, storing or capturing it
/// to hand on), since the helper may read <c>Arguments</c>. A partial method is analysed in its implementation
/// part; abstract and extern methods have no body to analyse. Methods without
/// [Prompt] or [PromptSet] are left alone: without a template, the method reads its parameters itself or
/// not at all, and that is its business. Methods with an error are left to ES1001-ES1019.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnusedCaseParameterAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnusedCaseParameter);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            KnownSymbols symbols = KnownSymbols.From(start.Compilation);
            if (!symbols.IsComplete)
            {
                return;
            }

            IPropertySymbol? arguments = symbols.EvalInput!.GetMembers("Arguments").OfType<IPropertySymbol>().FirstOrDefault();
            start.RegisterOperationBlockAction(block => AnalyzeBody(block, symbols, arguments));
        });
    }

    private static void AnalyzeBody(OperationBlockAnalysisContext context, KnownSymbols symbols, IPropertySymbol? arguments)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !EvalMethods.IsEval(method, symbols) || !EvalMethods.HasPrompts(method, symbols))
        {
            return;
        }

        // The block action runs once per declaration. A partial method's definition part, and abstract and extern
        // methods, have no body (their blocks are only attributes): what the method reads is unknowable there, and
        // the implementation part of a partial method is analysed on its own (its attributes are the definition's).
        if (method.IsPartialDefinition || method.IsAbstract || method.IsExtern
            || context.OperationBlocks.All(b => b.Kind is OperationKind.Attribute or OperationKind.ParameterInitializer))
        {
            return;
        }

        // The attributes and the names the templates use belong to the declaration that carries [Eval]: for a
        // partial method, its definition part (the implementation may rename parameters).
        IMethodSymbol declaration = method.PartialDefinitionPart ?? method;
        EvalMethodSpec? spec = EvalMethods.Resolve(declaration, symbols, context.Options, context.CancellationToken);
        if (spec is null)
        {
            return;
        }

        var placeholders = new HashSet<string>(
            spec.Variants.SelectMany(v => PromptTemplateParser.Parse(v.Template).PlaceholderNames),
            StringComparer.Ordinal);

        // A valid spec means the first parameter is EvalInput; the rest are the case parameters.
        IParameterSymbol[] unnamed = declaration.Parameters.Skip(1).Where(p => !placeholders.Contains(p.Name)).ToArray();
        if (unnamed.Length == 0)
        {
            return;
        }

        BodyReads reads = BodyReads.Collect(context.OperationBlocks, method.Parameters[0], arguments, context.CancellationToken);
        if (reads.AllArguments)
        {
            return;
        }

        string methodName = method.ContainingType.Name + "." + method.Name;
        foreach (IParameterSymbol parameter in unnamed)
        {
            // The body refers to its own parameters: the implementation part's, at the same position. The warning
            // goes there too, in the declaration this block belongs to.
            IParameterSymbol own = method.Parameters[parameter.Ordinal];
            if (!reads.Parameters.Contains(own) && !reads.ArgumentKeys.Contains(parameter.Name))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnusedCaseParameter, own.Locations.FirstOrDefault(), parameter.Name, methodName));
            }
        }
    }

    /// <summary>What a method body reads of its parameters, directly or through <c>EvalInput.Arguments</c>.</summary>
    private sealed class BodyReads
    {
        public HashSet<IParameterSymbol> Parameters { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<string> ArgumentKeys { get; } = new(StringComparer.Ordinal);

        public bool AllArguments { get; private set; }

        public static BodyReads Collect(ImmutableArray<IOperation> blocks, IParameterSymbol evalInput, IPropertySymbol? arguments, System.Threading.CancellationToken cancellationToken)
        {
            var reads = new BodyReads();
            foreach (IOperation operation in blocks.Where(b => b.Kind != OperationKind.Attribute).SelectMany(b => b.DescendantsAndSelf()))
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter, evalInput):
                        // EvalInput handed on (to a helper, a field, a lambda's caller, a return) may have its Arguments
                        // read where this body cannot see, so every parameter counts as read.
                        if (Escapes(reference))
                        {
                            reads.AllArguments = true;
                        }

                        break;
                    case IParameterReferenceOperation reference when IsRead(reference):
                        reads.Parameters.Add(reference.Parameter);
                        break;
                    case IPropertyReferenceOperation property when arguments is not null && SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, arguments):
                        if (KeyOfIndexer(property) is { } key)
                        {
                            reads.ArgumentKeys.Add(key);
                        }
                        else
                        {
                            reads.AllArguments = true;
                        }

                        break;
                }
            }

            return reads;
        }

        /// <summary>
        /// Whether a reference to the EvalInput parameter lets the object go anywhere: everything except a member
        /// access on it (<c>input.Prompt</c>, <c>input.CancellationToken</c>, <c>input.Arguments</c>) and
        /// <c>nameof(input)</c>. A lambda in the body that accesses a member (<c>() => input.Prompt</c>) is no escape:
        /// this body shows what it reads; a lambda that hands <c>input</c> on is, like any other argument.
        /// </summary>
        private static bool Escapes(IParameterReferenceOperation reference)
        {
            IOperation current = reference;
            while (current.Parent is IConversionOperation { OperatorMethod: null } conversion)
            {
                current = conversion;
            }

            if (current.Parent is IMemberReferenceOperation member && member.Instance == current)
            {
                return false;
            }

            // input.ToString() and the like: EvalInput's own methods, which hand nothing on.
            if (current.Parent is IInvocationOperation call && call.Instance == current)
            {
                return false;
            }

            for (IOperation? ancestor = reference.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                if (ancestor is INameOfOperation)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsRead(IParameterReferenceOperation reference)
        {
            if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
            {
                return false;
            }

            for (IOperation? ancestor = reference.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                if (ancestor is INameOfOperation)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The constant key of <c>input.Arguments["key"]</c>, or null for any other use of the dictionary.</summary>
        private static string? KeyOfIndexer(IPropertyReferenceOperation argumentsReference)
        {
            IOperation? parent = argumentsReference.Parent;
            if (parent is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer && indexer.Instance == argumentsReference)
            {
                return indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } ? key : null;
            }

            // TryGetValue("key", out ...) and ContainsKey("key") name one parameter too.
            if (parent is IInvocationOperation { TargetMethod.Name: "TryGetValue" or "ContainsKey", Arguments.Length: >= 1 } call && call.Instance == argumentsReference)
            {
                return call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } ? key : null;
            }

            return null;
        }
    }
}
