using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvalSpec.Analyzers;

/// <summary>
/// ES2001: an LLM judge created on a model that the same method adds to <c>EvalOptions.SystemUnderTestModels</c>,
/// without <c>LlmJudgeOptions.AllowSelfPreference = true</c>. At run time the startup refuses it
/// (self-preference); this says so while typing.
/// </summary>
/// <remarks>
/// <para>
/// Only what one method body (typically <c>IEvalStartup.Configure</c>) shows is compared, and only string
/// constants (literals, constants, or a local initialised with one and never assigned again):
/// </para>
/// <list type="bullet">
/// <item>models under test: <c>Options.SystemUnderTestModels.Add("m")</c> (also through one local holding the
/// list) and <c>SystemUnderTestModels = { "m" }</c> in an object initializer;</item>
/// <item>judges: the creation of a type implementing <c>EvalSpec.Judging.IModelJudge</c> (<c>RubricJudge</c>,
/// <c>PairwiseJudge</c>, <c>EquivalenceJudge</c>, your own). Its model is the <c>ChatOptions.ModelId</c> of its
/// <c>LlmJudgeOptions</c> initializer when set there (as at run time), else the one model id found in the
/// expression of its <c>IChatClient</c> argument, followed through one local: the first string argument of
/// <c>GetChatClient</c>, <c>AsIChatClient</c> or <c>AsChatClient</c>, or an argument of any method or
/// constructor bound to a string parameter named <c>model</c>, <c>modelId</c>, <c>modelName</c>,
/// <c>deploymentName</c>, <c>deploymentId</c> or <c>defaultModelId</c> (so <c>new OpenAI.Chat.ChatClient("m", key)</c>,
/// <c>azure.GetChatClient("m")</c>, <c>new OllamaChatClient(uri, "m")</c> and your own <c>Client(string model)</c>
/// helpers are all read). No SDK type is assumed.</item>
/// </list>
/// <para>
/// Nothing is reported when a model id is not a constant, when the client expression names several models,
/// or when the options are not visible (a field, a parameter, a call) or set <c>AllowSelfPreference</c> to
/// anything but a constant <c>false</c>. Model ids compare like <c>SelfPreferenceGuard</c>: ignoring case and
/// dated snapshots (<c>gpt-4o-2024-08-06</c> is <c>gpt-4o</c>).
/// </para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JudgeOnModelUnderTestAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] ModelParameterNames = { "model", "modelId", "modelName", "deploymentName", "deploymentId", "defaultModelId" };

    private static readonly string[] ChatClientFactories = { "GetChatClient", "AsIChatClient", "AsChatClient" };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.JudgeOnModelUnderTest);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (Types.From(start.Compilation) is not { } types)
            {
                return;
            }

            start.RegisterOperationBlockStartAction(block =>
            {
                var adds = new ConcurrentQueue<IInvocationOperation>();
                var judges = new ConcurrentQueue<IObjectCreationOperation>();
                block.RegisterOperationAction(
                    operation =>
                    {
                        if (operation.Operation is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add)
                        {
                            adds.Enqueue(add);
                        }
                    },
                    OperationKind.Invocation);
                block.RegisterOperationAction(
                    operation =>
                    {
                        var creation = (IObjectCreationOperation)operation.Operation;
                        if (Types.Implements(creation.Type, types.ModelJudge))
                        {
                            judges.Enqueue(creation);
                        }
                    },
                    OperationKind.ObjectCreation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    if (adds.IsEmpty || judges.IsEmpty)
                    {
                        return;
                    }

                    var body = new Body(end.OperationBlocks);
                    string[] models = adds.Select(add => SystemUnderTestModel(add, body, types)).OfType<string>().ToArray();
                    if (models.Length == 0)
                    {
                        return;
                    }

                    foreach (IObjectCreationOperation judge in judges)
                    {
                        if (JudgeModel(judge, body, types) is not { } judgeModel)
                        {
                            continue;
                        }

                        string? sameModel = models.FirstOrDefault(m => SameModel(judgeModel, m));
                        if (sameModel is not null)
                        {
                            end.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.JudgeOnModelUnderTest, judge.Syntax.GetLocation(), JudgeName(judge, body), judgeModel, sameModel));
                        }
                    }
                });
            });
        });
    }

    /// <summary>
    /// Same model, ignoring case and dated snapshots, as <c>SelfPreferenceGuard</c> compares them:
    /// <c>gpt-4o-2024-08-06</c> is <c>gpt-4o</c>, <c>gpt-4o-mini</c> is not.
    /// </summary>
    internal static bool SameModel(string judge, string systemUnderTest) =>
        systemUnderTest.Trim().Length > 0
        && (string.Equals(judge, systemUnderTest, StringComparison.OrdinalIgnoreCase)
            || IsDatedSnapshotOf(judge, systemUnderTest)
            || IsDatedSnapshotOf(systemUnderTest, judge));

    private static bool IsDatedSnapshotOf(string model, string baseModel) =>
        model.Length > baseModel.Length + 1
        && model.StartsWith(baseModel + "-", StringComparison.OrdinalIgnoreCase)
        && char.IsDigit(model[baseModel.Length + 1]);

    /// <summary>The model id of <c>SystemUnderTestModels.Add("m")</c> or of an entry of <c>SystemUnderTestModels = { "m" }</c>.</summary>
    private static string? SystemUnderTestModel(IInvocationOperation call, Body body, Types types)
    {
        bool isModelList = call.Instance switch
        {
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } =>
                call.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation member }
                && IsModelList(member.InitializedMember, types),
            { } instance => IsModelList(body.OneLocalHop(instance), types),
            null => false,
        };
        return isModelList ? body.ConstantString(call.Arguments[0].Value) : null;
    }

    private static bool IsModelList(IOperation? operation, Types types) =>
        operation is IPropertyReferenceOperation property
        && property.Property.Name == "SystemUnderTestModels"
        && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, types.EvalOptions);

    private static string JudgeName(IObjectCreationOperation judge, Body body) =>
        judge.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name") is { } name
            ? body.ConstantString(name.Value) ?? name.Value.Syntax.ToString()
            : judge.Type?.Name ?? judge.Syntax.ToString();

    /// <summary>The judge's model when source shows it and the judge has not opted in to self-preference; else null.</summary>
    private static string? JudgeModel(IObjectCreationOperation judge, Body body, Types types)
    {
        string? optionsModel = null;
        IArgumentOperation? options = judge.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.Type, types.LlmJudgeOptions));
        if (options is not null && !IsAbsent(options))
        {
            if (!ReadOptions(options.Value, body, out bool allowSelfPreference, out optionsModel) || allowSelfPreference)
            {
                return null;
            }
        }

        if (optionsModel is not null)
        {
            return optionsModel;
        }

        string[] clientModels = judge.Arguments
            .Where(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.Type, types.ChatClient) && !IsAbsent(a))
            .SelectMany(a => ModelIds(body.OneLocalHop(a.Value), body))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return clientModels.Length == 1 ? clientModels[0] : null;
    }

    private static bool IsAbsent(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.DefaultValue || Body.Unwrap(argument.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    /// <summary>
    /// Reads an <c>LlmJudgeOptions</c> argument: false when it is not visible (not created here, or set from
    /// values that are not constants); else whether it allows self-preference and its <c>ChatOptions.ModelId</c>.
    /// </summary>
    private static bool ReadOptions(IOperation value, Body body, out bool allowSelfPreference, out string? model)
    {
        allowSelfPreference = false;
        model = null;
        if (body.OneLocalHop(value) is not IObjectCreationOperation creation)
        {
            return false;
        }

        var settings = new List<IOperation>();
        if (creation.Initializer is not null)
        {
            settings.AddRange(creation.Initializer.Initializers);
        }

        if (Body.Unwrap(value) is ILocalReferenceOperation options)
        {
            // Settings after the declaration count too: options.AllowSelfPreference = true.
            foreach (ISimpleAssignmentOperation assignment in body.Assignments)
            {
                IOperation? instance = (assignment.Target as IMemberReferenceOperation)?.Instance;
                if (IsLocal(instance, options.Local))
                {
                    settings.Add(assignment);
                }
                else if (RootsAt(instance, options.Local))
                {
                    return false; // options.ChatOptions.ModelId = ...: not followed.
                }
            }
        }

        foreach (IOperation setting in settings)
        {
            if (setting is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment)
            {
                if (setting is IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation { Member.Name: "ChatOptions" } })
                {
                    return false; // ChatOptions = { ModelId = ... }: not followed.
                }

                continue;
            }

            if (target.Member.Name == "AllowSelfPreference")
            {
                if (assignment.Value.ConstantValue is not { HasValue: true, Value: bool allow })
                {
                    return false;
                }

                allowSelfPreference |= allow;
            }
            else if (target.Member.Name == "ChatOptions" && !ReadChatOptionsModel(assignment.Value, body, out model))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLocal(IOperation? operation, ILocalSymbol local) =>
        Body.Unwrap(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    private static bool RootsAt(IOperation? operation, ILocalSymbol local)
    {
        operation = Body.Unwrap(operation);
        while (operation is IMemberReferenceOperation member)
        {
            operation = Body.Unwrap(member.Instance);
        }

        return IsLocal(operation, local);
    }

    /// <summary>The <c>ModelId</c> a <c>new ChatOptions { ... }</c> sets (null when it sets none); false when not visible.</summary>
    private static bool ReadChatOptionsModel(IOperation value, Body body, out string? model)
    {
        model = null;
        switch (Body.Unwrap(value))
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                return true;
            case IObjectCreationOperation chatOptions:
                foreach (ISimpleAssignmentOperation assignment in chatOptions.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>())
                {
                    if ((assignment.Target as IMemberReferenceOperation)?.Member.Name == "ModelId")
                    {
                        model = body.ConstantString(assignment.Value);
                        return model is not null || assignment.Value.ConstantValue is { HasValue: true, Value: null };
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The model ids named in a chat client expression (see the remarks for the calls recognised).</summary>
    private static IEnumerable<string> ModelIds(IOperation client, Body body)
    {
        foreach (IOperation operation in client.DescendantsAndSelf())
        {
            (IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments) = operation switch
            {
                IInvocationOperation call => (call.TargetMethod, call.Arguments),
                IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };
            if (method is null)
            {
                continue;
            }

            IParameterSymbol? firstString = ChatClientFactories.Contains(method.Name)
                ? method.Parameters.FirstOrDefault(p => p.Type.SpecialType == SpecialType.System_String)
                : null;
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
                    && argument.ArgumentKind != ArgumentKind.DefaultValue
                    && (SymbolEqualityComparer.Default.Equals(parameter.OriginalDefinition, firstString?.OriginalDefinition)
                        || ModelParameterNames.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
                    && body.ConstantString(argument.Value) is { } model)
                {
                    yield return model;
                }
            }
        }
    }

    /// <summary>The method body being analysed: its locals' initializers and its assignments.</summary>
    private sealed class Body
    {
        private readonly Dictionary<ILocalSymbol, IOperation?> _initializers = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _reassigned = new(SymbolEqualityComparer.Default);

        public Body(ImmutableArray<IOperation> blocks)
        {
            foreach (IOperation operation in blocks.SelectMany(b => b.DescendantsAndSelf()))
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        _initializers[declarator.Symbol] = declarator.Initializer?.Value;
                        break;
                    case ISimpleAssignmentOperation assignment:
                        Assignments.Add(assignment);
                        MarkReassigned(assignment.Target);
                        break;
                    case ICompoundAssignmentOperation compound:
                        MarkReassigned(compound.Target);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byReference:
                        MarkReassigned(byReference.Value);
                        break;
                }
            }
        }

        public List<ISimpleAssignmentOperation> Assignments { get; } = new();

        /// <summary>A local never assigned after its declaration: its initializer; anything else as it is.</summary>
        public IOperation OneLocalHop(IOperation operation)
        {
            operation = Unwrap(operation)!;
            return operation is ILocalReferenceOperation local
                && !_reassigned.Contains(local.Local)
                && _initializers.TryGetValue(local.Local, out IOperation? initializer)
                && initializer is not null
                    ? Unwrap(initializer)!
                    : operation;
        }

        /// <summary>A string constant, or a local initialised with one and not assigned again.</summary>
        public string? ConstantString(IOperation operation) =>
            OneLocalHop(operation).ConstantValue is { HasValue: true, Value: string constant } ? constant : null;

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(operation))]
        public static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private void MarkReassigned(IOperation target)
        {
            if (Unwrap(target) is ILocalReferenceOperation { IsDeclaration: false } local)
            {
                _reassigned.Add(local.Local);
            }
        }
    }

    /// <summary>The EvalSpec and Microsoft.Extensions.AI types the rule looks for.</summary>
    private sealed class Types
    {
        private Types(INamedTypeSymbol evalOptions, INamedTypeSymbol modelJudge, INamedTypeSymbol llmJudgeOptions, INamedTypeSymbol? chatClient)
        {
            EvalOptions = evalOptions;
            ModelJudge = modelJudge;
            LlmJudgeOptions = llmJudgeOptions;
            ChatClient = chatClient;
        }

        public INamedTypeSymbol EvalOptions { get; }

        public INamedTypeSymbol ModelJudge { get; }

        public INamedTypeSymbol LlmJudgeOptions { get; }

        public INamedTypeSymbol? ChatClient { get; }

        public static Types? From(Compilation compilation) =>
            compilation.GetTypeByMetadataName("EvalSpec.EvalOptions") is { } evalOptions
            && compilation.GetTypeByMetadataName("EvalSpec.Judging.IModelJudge") is { } modelJudge
            && compilation.GetTypeByMetadataName("EvalSpec.Judging.LlmJudgeOptions") is { } options
                ? new Types(evalOptions, modelJudge, options, compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient"))
                : null;

        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol @interface) =>
            type is not null && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, @interface));
    }
}
