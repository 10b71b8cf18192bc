using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using EvalSpec.Generators.Model;
using EvalSpec.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvalSpec.Generators.Parsing;

/// <summary>
/// Reads an [Eval] method and its attributes into an <see cref="EvalMethodSpec"/>, collecting every
/// authoring mistake as an <see cref="EvalProblem"/>. Shared by the generator (which emits nothing for a
/// method with errors) and the analyzer (which reports the problems).
/// </summary>
internal static class EvalMethodParser
{
    private const string AcceptedShapes = "Task<string>, Task<T>, ValueTask<string> or ValueTask<T> Name(EvalInput input, <case parameters>)";
    private const double DefaultPassRate = 0.8;

    private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static EvalMethodParseResult Parse(IMethodSymbol method, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var problems = new List<EvalProblem>();
        Location? methodLocation = method.Locations.FirstOrDefault();
        string methodName = method.ContainingType.Name + "." + method.Name;

        // Local functions and lambdas are no members: generated tests could not call them, so nothing is generated.
        if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
        {
            string what = method.MethodKind == MethodKind.LocalFunction ? "it is a local function" : "it is a lambda";
            problems.Add(new EvalProblem(EvalRule.UnsupportedContainingType, methodLocation, methodName, $"{what}; declare [Eval] methods as members of a public partial class"));
            return new EvalMethodParseResult(null, problems, null);
        }

        // Generated tests call the method by name from the class, so an explicit interface implementation
        // (callable only through the interface) cannot be expanded.
        if (method.ExplicitInterfaceImplementations.FirstOrDefault() is { } implemented)
        {
            problems.Add(new EvalProblem(
                EvalRule.UnsupportedContainingType,
                methodLocation,
                methodName,
                $"it implements {implemented.ContainingType.Name}.{implemented.Name} explicitly, so generated tests cannot call it; make it a public method named {implemented.Name}"));
        }

        // Containing types: all public and partial, classes for the innermost, none generic or file-local.
        var containing = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (type.TypeParameters.Length > 0)
            {
                problems.Add(new EvalProblem(EvalRule.UnsupportedContainingType, methodLocation, methodName, $"'{type.Name}' is generic; declare [Eval] methods in non-generic types"));
            }

            // xUnit discovers tests only in public classes (xUnit1000), nested ones included, and generated tests
            // live in another file than a file-local type.
            if (type.IsFileLocal)
            {
                problems.Add(new EvalProblem(EvalRule.UnsupportedContainingType, methodLocation, methodName, $"'{type.Name}' is file-local and generated tests are in another file; replace 'file' with 'public'"));
            }
            else if (type.DeclaredAccessibility != Accessibility.Public)
            {
                problems.Add(new EvalProblem(EvalRule.UnsupportedContainingType, methodLocation, methodName, $"'{type.Name}' is {AccessibilityText(type.DeclaredAccessibility)} and xUnit runs tests only in public classes; make it public"));
            }

            TypeDeclarationSyntax? declaration = type.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .FirstOrDefault();
            if (declaration is null)
            {
                problems.Add(new EvalProblem(EvalRule.UnsupportedContainingType, methodLocation, methodName, $"'{type.Name}' is not declared in source"));
                break;
            }

            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Add(new EvalProblem(EvalRule.ClassNotPartial, declaration.Identifier.GetLocation(), type.Name, method.Name));
            }

            containing.Insert(0, new ContainingTypeSpec(Keyword(declaration), type.Name));
        }

        INamedTypeSymbol suite = method.ContainingType;
        if (suite.TypeKind != TypeKind.Class)
        {
            string kind = suite.TypeKind.ToString().ToLowerInvariant();
            string article = "aeiou".IndexOf(kind[0]) >= 0 ? "an" : "a";
            problems.Add(new EvalProblem(EvalRule.UnsupportedContainingType, methodLocation, methodName, $"'{suite.Name}' is {article} {kind}; xUnit tests live in classes"));
        }

        // A test standing in for the method (when it has errors) can go where rows could: the type checks above passed.
        bool canDeclareTests = !problems.Any(p => p.Rule is EvalRule.ClassNotPartial or EvalRule.UnsupportedContainingType);
        string @namespace = suite.ContainingNamespace.IsGlobalNamespace ? string.Empty : suite.ContainingNamespace.ToDisplayString();
        string displayTypeName = string.Join(".", containing.Select(c => c.Name));

        // GetMembers lists a type's members in declaration order, so the position of each same-named method is stable.
        List<IMethodSymbol> sameName = suite.GetMembers(method.Name).OfType<IMethodSymbol>()
            .Where(m => m.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.EvalAttribute)))
            .ToList();
        if (sameName.Count > 1)
        {
            problems.Add(new EvalProblem(EvalRule.DuplicateEvalMethodName, methodLocation, suite.Name, method.Name));
        }

        int ordinal = Math.Max(0, sameName.FindIndex(m => SymbolEqualityComparer.Default.Equals(m, method)));
        NotGeneratedTestSpec? NotGeneratedTest() => canDeclareTests && problems.Any(p => p.IsError)
            ? new NotGeneratedTestSpec(@namespace, new EquatableArray<ContainingTypeSpec>(containing), displayTypeName, method.Name, ordinal, suite.IsStatic, NotGeneratedTestSpec.Describe(problems))
            : null;

        // Signature.
        string? signatureProblem = null;
        if (method.IsGenericMethod)
        {
            signatureProblem = "is generic";
        }
        else if (!ReturnsTaskOfT(method.ReturnType, symbols))
        {
            signatureProblem = $"returns {method.ReturnType.ToDisplayString()}";
        }
        else if (method.Parameters.Length == 0 || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, symbols.EvalInput))
        {
            signatureProblem = "does not take EvalInput as its first parameter";
        }
        else if (method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams))
        {
            signatureProblem = "has a ref, out, in or params parameter";
        }
        else if (method.Parameters.Skip(1).Any(p => p.Type.IsRefLikeType || p.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer))
        {
            signatureProblem = "has a ref struct or pointer parameter (case arguments are stored as objects)";
        }

        if (signatureProblem is not null)
        {
            problems.Add(new EvalProblem(EvalRule.UnsupportedSignature, methodLocation, methodName, signatureProblem, AcceptedShapes));
            return new EvalMethodParseResult(null, problems, NotGeneratedTest());
        }

        ImmutableArray<IParameterSymbol> parameters = method.Parameters.RemoveAt(0);
        var parameterNames = parameters.Select(p => p.Name).ToList();

        AttributeData? eval = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.EvalAttribute));
        string? rubric = NamedString(eval, "Rubric");
        double threshold = NamedDouble(eval, "Threshold") ?? EvalDefaults.Threshold;
        if (threshold < 0 || threshold > 1 || double.IsNaN(threshold))
        {
            problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(eval, "Threshold", cancellationToken) ?? methodLocation, "Threshold", Format(threshold), methodName, "it must be between 0 and 1"));
        }

        int timeout = NamedInt(eval, "Timeout") ?? 0;
        if (timeout < 0)
        {
            problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(eval, "Timeout", cancellationToken) ?? methodLocation, "Timeout", timeout.ToString(CultureInfo.InvariantCulture), methodName, "it is in milliseconds and must be 0 (the default) or more"));
        }

        int trials = NamedInt(eval, "Trials") ?? 1;
        if (trials < 1)
        {
            problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(eval, "Trials", cancellationToken) ?? methodLocation, "Trials", trials.ToString(CultureInfo.InvariantCulture), methodName, "every row runs at least once"));
        }

        int trialRule = eval?.NamedArguments.FirstOrDefault(a => a.Key == "TrialRule").Value.Value is int rule ? rule : 0;
        if (eval is not null && !IsDefinedEnumValue(eval, "TrialRule", trialRule))
        {
            problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(eval, "TrialRule", cancellationToken) ?? methodLocation, "TrialRule", trialRule.ToString(CultureInfo.InvariantCulture), methodName, "use a named TrialRule value"));
        }
        double passRate = NamedDouble(eval, "PassRate") ?? DefaultPassRate;
        if (passRate < 0 || passRate > 1 || double.IsNaN(passRate))
        {
            problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(eval, "PassRate", cancellationToken) ?? methodLocation, "PassRate", Format(passRate), methodName, "it must be between 0 and 1"));
        }

        // Budgets: absent means none; a value that is given must be above zero (0 would read as "no budget" at run time).
        int maxTokens = NamedInt(eval, "MaxTokens") ?? 0;
        if (eval is not null && NamedInt(eval, "MaxTokens") is <= 0)
        {
            problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(eval, "MaxTokens", cancellationToken) ?? methodLocation, "MaxTokens", maxTokens.ToString(CultureInfo.InvariantCulture), methodName, "a token budget must be above 0 (leave it out for no budget)"));
        }

        int maxLatency = NamedInt(eval, "MaxLatencyMs") ?? 0;
        if (eval is not null && NamedInt(eval, "MaxLatencyMs") is <= 0)
        {
            problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(eval, "MaxLatencyMs", cancellationToken) ?? methodLocation, "MaxLatencyMs", maxLatency.ToString(CultureInfo.InvariantCulture), methodName, "a latency budget is in milliseconds and must be above 0 (leave it out for no budget)"));
        }

        double maxCost = NamedDouble(eval, "MaxCostUsd") ?? 0;
        if (eval is not null && NamedDouble(eval, "MaxCostUsd") is double cost && !(cost > 0 && !double.IsInfinity(cost)))
        {
            problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(eval, "MaxCostUsd", cancellationToken) ?? methodLocation, "MaxCostUsd", Format(maxCost), methodName, "a cost budget is in US dollars and must be above 0 (leave it out for no budget)"));
        }

        AttributeData? snapshot = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.SnapshotAttribute));
        int snapshotOutput = EvalMethodSpec.NoSnapshot;
        if (snapshot is not null)
        {
            snapshotOutput = snapshot.NamedArguments.FirstOrDefault(a => a.Key == "Output").Value.Value is int output ? output : 0;
            if (!IsDefinedEnumValue(snapshot, "Output", snapshotOutput))
            {
                problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(snapshot, "Output", cancellationToken) ?? methodLocation, "Output", snapshotOutput.ToString(CultureInfo.InvariantCulture), methodName, "use a named SnapshotOutput value"));
            }
        }

        List<VariantSpec> variants = ParseVariants(method, symbols, parameterNames, methodName, problems, cancellationToken);
        List<string> promptSets = method.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.PromptSetAttribute) && a.ConstructorArguments.Length == 1)
            .Select(a => a.ConstructorArguments[0].Value as string ?? string.Empty)
            .ToList();
        bool implicitVariant = promptSets.Count == 0 && !method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.PromptAttribute));
        if (implicitVariant)
        {
            variants.Add(new VariantSpec(EvalDefaults.DefaultVariantKey, string.Empty));
        }

        List<CaseSpec> cases = ParseCases(method, symbols, parameters, methodName, problems, cancellationToken);
        bool hasCaseAttributes = method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.CaseAttribute));
        bool hasConversations = ConversationParser.HasConversations(method, symbols);
        cases.AddRange(ConversationParser.Parse(method, symbols, parameters, methodName, cases, problems, cancellationToken));

        List<string> dataFiles = method.GetAttributes()
            .Where(a => symbols.CasesFromAttribute is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.CasesFromAttribute) && a.ConstructorArguments.Length == 1)
            .Select(a => a.ConstructorArguments[0].Value as string ?? string.Empty)
            .ToList();

        // A relation on the prompt of a method without [Prompt] changes the user turns of a conversation; with only
        // conversations that is enough, and with data files the resolver checks it once it has read them.
        bool relationsNeedPrompt = implicitVariant && dataFiles.Count == 0 && !(hasConversations && !hasCaseAttributes);
        List<RelationSpec> relations = ParseRelations(method, symbols, parameters, methodName, relationsNeedPrompt, problems, cancellationToken);
        if (cases.Count == 0 && dataFiles.Count == 0 && !hasCaseAttributes && !hasConversations)
        {
            problems.Add(new EvalProblem(EvalRule.NoCases, methodLocation, methodName));
        }

        var spec = new EvalMethodSpec(
            Namespace: @namespace,
            ContainingTypes: new EquatableArray<ContainingTypeSpec>(containing),
            FullyQualifiedTypeName: suite.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            DisplayTypeName: displayTypeName,
            MethodName: method.Name,
            IsStatic: method.IsStatic,
            IsStaticClass: suite.IsStatic,
            Rubric: rubric,
            Threshold: threshold,
            TimeoutMilliseconds: timeout,
            Parameters: new EquatableArray<ParameterSpec>(parameters.Select(p => new ParameterSpec(p.Name, p.Type.ToDisplayString(FullyQualified), TypeOfName(p.Type), EnumMembers(p.Type)))),
            Variants: new EquatableArray<VariantSpec>(variants),
            HasImplicitVariant: implicitVariant,
            Cases: new EquatableArray<CaseSpec>(cases),
            Relations: new EquatableArray<RelationSpec>(relations),
            Trials: trials,
            TrialRule: trialRule,
            PassRate: passRate,
            PromptSets: new EquatableArray<string>(promptSets),
            SnapshotOutput: snapshotOutput,
            SourceFilePath: snapshotOutput == EvalMethodSpec.NoSnapshot ? null : method.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree?.FilePath,
            DataFiles: new EquatableArray<string>(dataFiles),
            JudgeEachTurn: eval?.NamedArguments.FirstOrDefault(a => a.Key == "JudgeEachTurn").Value.Value is true,
            MaxTokens: maxTokens,
            MaxLatencyMs: maxLatency,
            MaxCostUsd: maxCost,
            DeclarationFilePath: method.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree?.FilePath,
            DeclarationLine: (method.Locations.FirstOrDefault(l => l.IsInSource)?.GetLineSpan().StartLinePosition.Line ?? -1) + 1);
        return new EvalMethodParseResult(spec, problems, NotGeneratedTest());
    }

    private static List<VariantSpec> ParseVariants(IMethodSymbol method, KnownSymbols symbols, List<string> parameterNames, string methodName, List<EvalProblem> problems, CancellationToken cancellationToken)
    {
        var variants = new List<VariantSpec>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (AttributeData prompt in method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.PromptAttribute)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ImmutableArray<TypedConstant> args = prompt.ConstructorArguments;
            if (args.Length == 0 || args.Any(a => a.Kind == TypedConstantKind.Error))
            {
                continue;
            }

            int templateIndex = args.Length - 1;
            Location? templateLocation = ArgumentLocation(prompt, templateIndex, cancellationToken);
            if (args[templateIndex].Value is not string template)
            {
                problems.Add(new EvalProblem(EvalRule.MalformedTemplate, templateLocation, methodName, "the template is null"));
                continue;
            }

            string key;
            if (args.Length == 2)
            {
                string? explicitKey = args[0].Value as string;
                if (explicitKey is null || explicitKey.Trim().Length == 0 || explicitKey.IndexOf('/') >= 0)
                {
                    problems.Add(new EvalProblem(EvalRule.EmptyKey, ArgumentLocation(prompt, 0, cancellationToken), "prompt variant key", methodName, explicitKey is null ? "null" : Quote(explicitKey)));
                    continue;
                }

                key = explicitKey;
            }
            else
            {
                key = KeyNaming.Hash(template);
            }

            if (!keys.Add(key))
            {
                problems.Add(new EvalProblem(EvalRule.DuplicateVariantKey, ArgumentLocation(prompt, 0, cancellationToken), methodName, key));
                continue;
            }

            if (CheckTemplate(template, key, parameterNames, methodName, templateLocation, problems))
            {
                variants.Add(new VariantSpec(key, template));
            }
        }

        return variants;
    }

    /// <summary>Reports a malformed template or unknown placeholders; true when the template is usable.</summary>
    internal static bool CheckTemplate(string template, string key, IReadOnlyList<string> parameterNames, string methodName, Location? location, List<EvalProblem> problems)
    {
        PromptTemplateParseResult parsed = PromptTemplateParser.Parse(template);
        if (parsed.Error is not null)
        {
            problems.Add(new EvalProblem(EvalRule.MalformedTemplate, location, methodName, parsed.Error));
            return false;
        }

        bool usable = true;
        foreach (string placeholder in parsed.PlaceholderNames.Distinct())
        {
            if (!parameterNames.Contains(placeholder))
            {
                string valid = parameterNames.Count == 0
                    ? "none: the method has no parameters after EvalInput; add one named '" + placeholder + "'"
                    : string.Join(", ", parameterNames.Select(n => "{" + n + "}"));
                problems.Add(new EvalProblem(EvalRule.UnknownPlaceholder, location, methodName, placeholder, key, valid));
                usable = false;
            }
        }

        return usable;
    }

    private static List<CaseSpec> ParseCases(IMethodSymbol method, KnownSymbols symbols, ImmutableArray<IParameterSymbol> parameters, string methodName, List<EvalProblem> problems, CancellationToken cancellationToken)
    {
        var cases = new List<CaseSpec>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string parameterList = parameters.Length == 0 ? "none" : "(" + string.Join(", ", parameters.Select(p => p.Type.ToDisplayString() + " " + p.Name)) + ")";
        foreach (AttributeData @case in method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.CaseAttribute)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (@case.ConstructorArguments.Length != 1 || @case.ConstructorArguments[0].Kind == TypedConstantKind.Error)
            {
                continue;
            }

            TypedConstant array = @case.ConstructorArguments[0];
            ImmutableArray<TypedConstant> values = array.IsNull ? ImmutableArray.Create(default(TypedConstant)) : array.Values;
            Location? caseLocation = AttributeLocation(@case, cancellationToken);
            if (values.Length != parameters.Length)
            {
                problems.Add(new EvalProblem(EvalRule.CaseArgumentCount, caseLocation, methodName, values.Length, parameters.Length, parameterList));
                continue;
            }

            var arguments = new List<CaseValue>();
            var texts = new List<string>();
            bool valid = true;
            for (int i = 0; i < values.Length; i++)
            {
                if (!TryConvert(values[i], array.IsNull, parameters[i].Type, symbols.Compilation, out CaseValue argument, out string text, out string reason))
                {
                    problems.Add(new EvalProblem(EvalRule.CaseArgumentType, ArgumentLocation(@case, i, cancellationToken) ?? caseLocation, methodName, i + 1, text, parameters[i].Type.ToDisplayString() + " " + parameters[i].Name, reason));
                    valid = false;
                    continue;
                }

                arguments.Add(argument);
                texts.Add(text);
            }

            string? explicitId = NamedString(@case, "Id");
            string id;
            if (explicitId is not null)
            {
                if (explicitId.Trim().Length == 0 || explicitId.IndexOf('/') >= 0)
                {
                    problems.Add(new EvalProblem(EvalRule.EmptyKey, NamedArgumentLocation(@case, "Id", cancellationToken) ?? caseLocation, "case id", methodName, Quote(explicitId)));
                    continue;
                }

                id = explicitId;
            }
            else
            {
                id = KeyNaming.CaseId(texts, Enumerable.Range(0, values.Length).Select(i => array.IsNull || values[i].IsNull).ToArray());
            }

            if (!valid)
            {
                continue;
            }

            if (!ids.Add(id))
            {
                problems.Add(new EvalProblem(EvalRule.DuplicateCaseId, caseLocation, methodName, id));
                continue;
            }

            cases.Add(new CaseSpec(id, new EquatableArray<CaseValue>(arguments), NamedString(@case, "Expected")));
        }

        return cases;
    }

    private static List<RelationSpec> ParseRelations(IMethodSymbol method, KnownSymbols symbols, ImmutableArray<IParameterSymbol> parameters, string methodName, bool implicitVariant, List<EvalProblem> problems, CancellationToken cancellationToken)
    {
        var relations = new List<RelationSpec>();
        var keys = new HashSet<string>(StringComparer.Ordinal) { EvalDefaults.IdentityRelationKey };
        foreach (AttributeData attribute in method.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            INamedTypeSymbol? attributeClass = attribute.AttributeClass;
            if (attributeClass is null || !attributeClass.IsGenericType)
            {
                continue;
            }

            bool invariant = SymbolEqualityComparer.Default.Equals(attributeClass.OriginalDefinition, symbols.InvariantAttribute);
            bool directional = SymbolEqualityComparer.Default.Equals(attributeClass.OriginalDefinition, symbols.DirectionalAttribute);
            if (!invariant && !directional)
            {
                continue;
            }

            ITypeSymbol relationType = attributeClass.TypeArguments[0];
            if (relationType.TypeKind == TypeKind.Error)
            {
                continue;
            }

            Location? location = AttributeLocation(attribute, cancellationToken);
            string? name = NamedString(attribute, "Name");
            if (name is not null && (name.Trim().Length == 0 || name.IndexOf('/') >= 0))
            {
                problems.Add(new EvalProblem(EvalRule.EmptyKey, NamedArgumentLocation(attribute, "Name", cancellationToken) ?? location, "relation name", methodName, Quote(name)));
                continue;
            }

            string key = name ?? KeyNaming.RelationKey(relationType.Name);
            if (!keys.Add(key))
            {
                problems.Add(new EvalProblem(EvalRule.DuplicateRelationKey, location, methodName, key));
                continue;
            }

            string? parameter = NamedString(attribute, "Parameter");
            if (parameter is not null)
            {
                IParameterSymbol? target = parameters.FirstOrDefault(p => p.Name == parameter);
                if (target is null)
                {
                    string known = parameters.Length == 0 ? "none" : string.Join(", ", parameters.Select(p => p.Name));
                    problems.Add(new EvalProblem(EvalRule.RelationParameterNotFound, NamedArgumentLocation(attribute, "Parameter", cancellationToken) ?? location, methodName, key, parameter, known));
                    continue;
                }

                if (target.Type.SpecialType != SpecialType.System_String)
                {
                    problems.Add(new EvalProblem(EvalRule.RelationParameterNotString, NamedArgumentLocation(attribute, "Parameter", cancellationToken) ?? location, methodName, key, parameter, target.Type.ToDisplayString()));
                    continue;
                }
            }
            else if (implicitVariant)
            {
                problems.Add(new EvalProblem(EvalRule.RelationWithoutPrompt, location, methodName, key));
                continue;
            }

            double threshold = NamedDouble(attribute, "Threshold") ?? EvalDefaults.Threshold;
            if (threshold < 0 || threshold > 1 || double.IsNaN(threshold))
            {
                problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(attribute, "Threshold", cancellationToken) ?? location, "Threshold", Format(threshold), methodName + " (relation '" + key + "')", "it must be between 0 and 1"));
                continue;
            }

            int expect = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Expect").Value.Value is int e ? e : 0;
            if (!IsDefinedEnumValue(attribute, "Expect", expect))
            {
                problems.Add(new EvalProblem(EvalRule.ValueOutOfRange, NamedArgumentLocation(attribute, "Expect", cancellationToken) ?? location, "Expect", expect.ToString(CultureInfo.InvariantCulture), methodName + " (relation '" + key + "')", "use a named Change value"));
                continue;
            }
            relations.Add(new RelationSpec(key, directional, relationType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), parameter, threshold, expect));
        }

        return relations;
    }

    /// <summary>The member names of an enum (or nullable enum) parameter type, for values read from data files; empty otherwise.</summary>
    private static EquatableArray<string> EnumMembers(ITypeSymbol type)
    {
        ITypeSymbol core = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        return core.TypeKind == TypeKind.Enum
            ? new EquatableArray<string>(core.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name))
            : EquatableArray<string>.Empty;
    }

    /// <summary>The type as <c>typeof(...)</c> takes it: fully qualified, without nullable reference annotations; <c>dynamic</c> is object.</summary>
    private static string TypeOfName(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Dynamic ? "object" : type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>Whether the method returns Task&lt;T&gt; or ValueTask&lt;T&gt; (the runtime adapts either, by reflection).</summary>
    private static bool ReturnsTaskOfT(ITypeSymbol returnType, KnownSymbols symbols) =>
        returnType is INamedTypeSymbol { IsGenericType: true } named
        && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.Task) || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.ValueTask));

    /// <summary>Converts a case argument to a value of the parameter's type, and a readable text of it.</summary>
    private static bool TryConvert(TypedConstant value, bool isNullArray, ITypeSymbol target, Compilation compilation, out CaseValue argument, out string text, out string reason)
    {
        argument = CaseValue.Null;
        reason = string.Empty;
        if (isNullArray || value.IsNull)
        {
            text = "null";
            bool nullable = target.IsReferenceType || target.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            reason = "null cannot be converted to a non-nullable value type";
            return nullable;
        }

        text = Text(value);
        switch (value.Kind)
        {
            case TypedConstantKind.Array:
                reason = "arrays are not supported as case arguments; pass the elements as separate parameters or a delimited string";
                return false;
            case TypedConstantKind.Type:
                reason = "typeof(...) is not supported as a case argument";
                return false;
            case TypedConstantKind.Primitive:
            case TypedConstantKind.Enum:
                break;
            default:
                reason = "the argument could not be read";
                return false;
        }

        ITypeSymbol source = value.Type!;
        ITypeSymbol effectiveTarget = target is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableTarget
            ? nullableTarget.TypeArguments[0]
            : target;
        Conversion conversion = compilation.ClassifyConversion(source, effectiveTarget);
        if (conversion.IsIdentity || conversion.IsImplicit || IsExactNumericConversion(value.Value, source, effectiveTarget))
        {
            // A user-defined conversion takes the value as its operator's parameter (5 for an operator from decimal is 5m);
            // the runtime then applies the operator (GeneratedEvalMethods.ConvertedByOperator).
            argument = conversion.IsUserDefined && conversion.MethodSymbol is { Parameters.Length: 1 } op
                ? Converted(value, source, op.Parameters[0].Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableParameter ? nullableParameter.TypeArguments[0] : op.Parameters[0].Type, named: true)
                : Converted(value, source, effectiveTarget, named: false);
            return true;
        }

        reason = $"{source.ToDisplayString()} does not convert to {target.ToDisplayString()}";
        return false;
    }

    /// <summary>
    /// The value as the parameter receives it: converted to a numeric, bool, char, string or enum parameter's type; of its
    /// own type for an <c>object</c> (or interface) parameter (a byte stays a byte, an enum keeps its enum type).
    /// </summary>
    /// <param name="value">The constant.</param>
    /// <param name="source">The constant's type.</param>
    /// <param name="target">The type it converts to (the parameter's, or a user-defined conversion operator's parameter's).</param>
    /// <param name="named">
    /// Whether an enum value names its type: the value is for a user-defined conversion's operator, not the parameter, so
    /// the runtime cannot take the enum type from the parameter.
    /// </param>
    private static CaseValue Converted(TypedConstant value, ITypeSymbol source, ITypeSymbol target, bool named)
    {
        if (target.TypeKind == TypeKind.Enum)
        {
            return new CaseValue("enum", Invariant(value.Value!), named ? TypeOfName(target) : null);
        }

        if (CaseValueTag(target.SpecialType) is { } tag)
        {
            object converted = tag switch
            {
                "string" or "bool" => value.Value!,
                "char" => value.Value!,
                // Convert.ChangeType does not take a char to float, double or decimal, which C# converts implicitly: through its code.
                _ => Convert.ChangeType(value.Value is char c ? (int)c : value.Value!, ClrNumericType(target.SpecialType)!, CultureInfo.InvariantCulture),
            };
            return new CaseValue(tag, Invariant(converted));
        }

        return source.TypeKind == TypeKind.Enum
            ? new CaseValue("enum", Invariant(value.Value!), TypeOfName(source))
            : new CaseValue(CaseValueTag(source.SpecialType)!, Invariant(value.Value!));
    }

    /// <summary>The <see cref="CaseValue.Tag"/> of a primitive or string type, null for any other.</summary>
    internal static string? CaseValueTag(SpecialType type) => type switch
    {
        SpecialType.System_String => "string",
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Char => "char",
        SpecialType.System_Byte => "byte",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        _ => null,
    };

    /// <summary>
    /// The invariant text the runtime parses back exactly: round-trip formats for float and double (G9, G17: "R" does not
    /// round-trip every double on .NET Framework, where Visual Studio's compiler runs, and there negative zero prints as
    /// "0", so it is written out), lower-case true and false.
    /// </summary>
    internal static string Invariant(object value) => value switch
    {
        bool b => b ? "true" : "false",
        float f when f == 0 && 1 / f < 0 => "-0",
        double d when d == 0 && 1 / d < 0 => "-0",
        float f => f.ToString("G9", CultureInfo.InvariantCulture),
        double d => d.ToString("G17", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool IsExactNumericConversion(object? value, ITypeSymbol source, ITypeSymbol target)
    {
        Type? targetType = ClrNumericType(target.SpecialType);
        if (value is null || ClrNumericType(source.SpecialType) is null || targetType is null)
        {
            return false;
        }

        try
        {
            object converted = Convert.ChangeType(value, targetType, CultureInfo.InvariantCulture);
            return Convert.ToDecimal(converted, CultureInfo.InvariantCulture) == Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is OverflowException or InvalidCastException or FormatException)
        {
            return false;
        }
    }

    private static Type? ClrNumericType(SpecialType type) => type switch
    {
        SpecialType.System_Byte => typeof(byte),
        SpecialType.System_SByte => typeof(sbyte),
        SpecialType.System_Int16 => typeof(short),
        SpecialType.System_UInt16 => typeof(ushort),
        SpecialType.System_Int32 => typeof(int),
        SpecialType.System_UInt32 => typeof(uint),
        SpecialType.System_Int64 => typeof(long),
        SpecialType.System_UInt64 => typeof(ulong),
        SpecialType.System_Single => typeof(float),
        SpecialType.System_Double => typeof(double),
        SpecialType.System_Decimal => typeof(decimal),
        _ => null,
    };

    private static string Text(TypedConstant value)
    {
        if (value.Kind == TypedConstantKind.Array)
        {
            return value.IsNull ? "null" : "{ " + string.Join(", ", value.Values.Select(Text)) + " }";
        }

        if (value.Kind == TypedConstantKind.Type)
        {
            return "typeof(" + (value.Value as ITypeSymbol)?.ToDisplayString() + ")";
        }

        if (value.Kind == TypedConstantKind.Enum)
        {
            IFieldSymbol? member = value.Type!.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value.Value));
            return member?.Name ?? Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return value.Value switch
        {
            null => "null",
            string s => s,
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.Value.ToString() ?? string.Empty,
        };
    }

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.ProtectedAndInternal => "private protected",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.ProtectedOrInternal => "protected internal",
        _ => "not public",
    };

        private static string Keyword(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    /// <summary>Whether an enum-typed named argument (absent counts as its default) names a member of its enum.</summary>
    private static bool IsDefinedEnumValue(AttributeData attribute, string name, int value)
    {
        TypedConstant argument = attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value;
        return argument.Kind != TypedConstantKind.Enum
            || argument.Type!.GetMembers().OfType<IFieldSymbol>().Any(f => f.HasConstantValue && Equals(f.ConstantValue, value));
    }

    internal static string? NamedString(AttributeData? attribute, string name) =>
        attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static double? NamedDouble(AttributeData? attribute, string name)
    {
        object? value = attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;
        return value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
    }

    private static int? NamedInt(AttributeData? attribute, string name) =>
        attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as int?;

    internal static Location? AttributeLocation(AttributeData? attribute, CancellationToken cancellationToken) =>
        attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    internal static Location? ArgumentLocation(AttributeData attribute, int index, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax || syntax.ArgumentList is null)
        {
            return AttributeLocation(attribute, cancellationToken);
        }

        AttributeArgumentSyntax[] positional = syntax.ArgumentList.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToArray();
        return index < positional.Length ? positional[index].GetLocation() : syntax.GetLocation();
    }

    internal static Location? NamedArgumentLocation(AttributeData? attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax || syntax.ArgumentList is null)
        {
            return AttributeLocation(attribute, cancellationToken);
        }

        return syntax.ArgumentList.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation() ?? syntax.GetLocation();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + value + "\"";
}
