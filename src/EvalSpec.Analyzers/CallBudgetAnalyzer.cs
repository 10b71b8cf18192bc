using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvalSpec.Analyzers;

/// <summary>
/// ES1021: an [Eval] method whose estimated model calls per run exceed the budget set by the MSBuild property
/// <c>EvalSpecCallBudget</c> (default <see cref="DefaultBudget"/>), so the cost of a suite is seen before it runs.
/// </summary>
/// <remarks>
/// <para>
/// rows = cases x variants (1 without prompts) x (1 + relations); calls = rows x trials x (1 + judges). The
/// judges are the LLM judges (types implementing <c>EvalSpec.Judging.IModelJudge</c>) that the
/// <c>Configure</c> method of the assembly's <c>[assembly: EvalStartup(typeof(...))]</c> registers in source:
/// an <c>EvalSetup</c> method taking an <c>IJudge</c> (<c>AddRubricJudge</c>, <c>AddInvarianceJudge</c>,
/// <c>AddChangeJudge</c>) or a Microsoft.Extensions.DependencyInjection <c>Add*</c> call whose service or
/// implementation is a judge. A judge counts when what is registered is visibly an LLM judge: a
/// <c>new RubricJudge(...)</c> (also through one local), a value or type argument typed as one. Judges built
/// elsewhere, registered in a loop (counted once) or through helper methods are not seen, so the count is an
/// estimate ("about"); deterministic judges make no model calls and are not counted.
/// </para>
/// <para>
/// The judge count can come from another file than the eval, so the diagnostic is reported at the end of the
/// compilation (on build, or in the IDE with full-solution analysis).
/// </para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallBudgetAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The analyzer config key of the MSBuild property (made visible by <c>CompilerVisibleProperty</c>).</summary>
    internal const string BudgetOption = "build_property.EvalSpecCallBudget";

    /// <summary>The budget when <c>EvalSpecCallBudget</c> is unset or not a non-negative whole number.</summary>
    internal const long DefaultBudget = 2000;

    private static readonly string[] ServiceRegistrations =
    {
        "AddSingleton", "AddScoped", "AddTransient", "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CallBudgetExceeded);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = KnownSymbols.From(start.Compilation);
            if (!symbols.IsComplete)
            {
                return;
            }

            long budget = ReadBudget(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            var judgeTypes = JudgeTypes.From(start.Compilation);
            IMethodSymbol? configure = StartupConfigure(start.Compilation);
            var evals = new ConcurrentQueue<EvalRows>();
            int judges = 0;

            if (configure is not null && judgeTypes is not null)
            {
                start.RegisterOperationBlockAction(block =>
                {
                    if (SymbolEqualityComparer.Default.Equals(block.OwningSymbol, configure))
                    {
                        Interlocked.Exchange(ref judges, CountLlmJudges(block.OperationBlocks, judgeTypes, block.CancellationToken));
                    }
                });
            }

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;

                    // A partial method is counted once, by its definition part.
                    if (method.PartialDefinitionPart is null
                        && EvalMethods.IsEval(method, symbols)
                        && EvalMethods.Resolve(method, symbols, symbolContext.Options, symbolContext.CancellationToken) is { } spec)
                    {
                        evals.Enqueue(EvalRows.Of(method, spec));
                    }
                },
                SymbolKind.Method);

            start.RegisterCompilationEndAction(end =>
            {
                int judgeCount = Volatile.Read(ref judges);
                foreach (EvalRows eval in evals)
                {
                    long calls = eval.Rows * eval.Trials * (1L + judgeCount);
                    if (calls > budget)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.CallBudgetExceeded,
                            eval.Location,
                            eval.Name,
                            calls.ToString(CultureInfo.InvariantCulture),
                            eval.Cases.ToString(CultureInfo.InvariantCulture),
                            eval.Variants.ToString(CultureInfo.InvariantCulture),
                            eval.Relations.ToString(CultureInfo.InvariantCulture),
                            eval.Trials.ToString(CultureInfo.InvariantCulture),
                            judgeCount.ToString(CultureInfo.InvariantCulture),
                            budget.ToString(CultureInfo.InvariantCulture)));
                    }
                }
            });
        });
    }

    /// <summary><c>EvalSpecCallBudget</c> when it is a whole number of 0 or more, else <see cref="DefaultBudget"/>.</summary>
    internal static long ReadBudget(AnalyzerConfigOptions options) =>
        options.TryGetValue(BudgetOption, out string? value)
        && long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long budget)
            ? budget
            : DefaultBudget;

    /// <summary>The <c>Configure</c> of the startup type named by <c>[assembly: EvalStartup(typeof(...))]</c>, when declared in source.</summary>
    private static IMethodSymbol? StartupConfigure(Compilation compilation)
    {
        INamedTypeSymbol? attributeType = compilation.GetTypeByMetadataName("EvalSpec.EvalStartupAttribute");
        INamedTypeSymbol? startupInterface = compilation.GetTypeByMetadataName("EvalSpec.IEvalStartup");
        if (attributeType is null || startupInterface?.GetMembers("Configure").FirstOrDefault() is not IMethodSymbol interfaceConfigure)
        {
            return null;
        }

        INamedTypeSymbol? startup = compilation.Assembly.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType) && a.ConstructorArguments.Length == 1)
            .Select(a => a.ConstructorArguments[0].Value as INamedTypeSymbol)
            .FirstOrDefault(t => t is not null);
        return startup?.FindImplementationForInterfaceMember(interfaceConfigure) as IMethodSymbol;
    }

    private static int CountLlmJudges(ImmutableArray<IOperation> blocks, JudgeTypes judgeTypes, CancellationToken cancellationToken)
    {
        int count = 0;
        foreach (IInvocationOperation call in blocks.SelectMany(b => b.DescendantsAndSelf()).OfType<IInvocationOperation>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (RegisteredJudgeType(call, blocks, judgeTypes) is { } judge && judgeTypes.IsLlmJudge(judge))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The type of the judge a call registers, as far as source shows it; null when the call registers no judge.</summary>
    private static ITypeSymbol? RegisteredJudgeType(IInvocationOperation call, ImmutableArray<IOperation> blocks, JudgeTypes judgeTypes)
    {
        IMethodSymbol method = call.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, judgeTypes.EvalSetup))
        {
            IArgumentOperation? judge = call.Arguments.FirstOrDefault(a => judgeTypes.IsJudge(a.Parameter?.Type));
            return judge is null ? null : CreatedType(judge.Value, blocks);
        }

        if (!ServiceRegistrations.Contains(method.Name)
            || method.ContainingNamespace?.ToDisplayString() != "Microsoft.Extensions.DependencyInjection"
            || method.TypeArguments.Length == 0
            || !judgeTypes.IsJudge(method.TypeArguments[0]))
        {
            return null;
        }

        if (method.TypeArguments.Length == 2)
        {
            return method.TypeArguments[1];
        }

        IArgumentOperation? instance = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "implementationInstance");
        if (instance is not null)
        {
            return CreatedType(instance.Value, blocks);
        }

        // A factory lambda: what it returns, when it returns one expression (sp => new RubricJudge(...)).
        IArgumentOperation? factory = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "implementationFactory");
        IReturnOperation[] returns = (Unwrap(factory?.Value) as IDelegateCreationOperation)?.Target is IAnonymousFunctionOperation lambda
            ? lambda.Body.DescendantsAndSelf().OfType<IReturnOperation>().Where(r => r.ReturnedValue is not null).ToArray()
            : System.Array.Empty<IReturnOperation>();
        return returns.Length == 1 ? CreatedType(returns[0].ReturnedValue!, blocks) : method.TypeArguments[0];
    }

    /// <summary>The type of the object an expression yields: the created type, through one local, else its static type.</summary>
    private static ITypeSymbol? CreatedType(IOperation value, ImmutableArray<IOperation> blocks)
    {
        value = Unwrap(value);
        if (value is ILocalReferenceOperation local
            && blocks.SelectMany(b => b.DescendantsAndSelf()).OfType<IVariableDeclaratorOperation>()
                .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local))?.Initializer?.Value is { } initializer)
        {
            value = Unwrap(initializer);
        }

        return value is IObjectCreationOperation creation ? creation.Type : value.Type;
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(operation))]
    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The judge types of the EvalSpec runtime.</summary>
    private sealed class JudgeTypes
    {
        private JudgeTypes(INamedTypeSymbol evalSetup, INamedTypeSymbol judge, INamedTypeSymbol modelJudge)
        {
            EvalSetup = evalSetup;
            Judge = judge;
            ModelJudge = modelJudge;
        }

        public INamedTypeSymbol EvalSetup { get; }

        public INamedTypeSymbol Judge { get; }

        public INamedTypeSymbol ModelJudge { get; }

        public static JudgeTypes? From(Compilation compilation) =>
            compilation.GetTypeByMetadataName("EvalSpec.EvalSetup") is { } setup
            && compilation.GetTypeByMetadataName("EvalSpec.Judging.IJudge") is { } judge
            && compilation.GetTypeByMetadataName("EvalSpec.Judging.IModelJudge") is { } modelJudge
                ? new JudgeTypes(setup, judge, modelJudge)
                : null;

        public bool IsJudge(ITypeSymbol? type) => Implements(type, Judge);

        public bool IsLlmJudge(ITypeSymbol type) => Implements(type, ModelJudge);

        private static bool Implements(ITypeSymbol? type, INamedTypeSymbol @interface) =>
            type is not null
            && (SymbolEqualityComparer.Default.Equals(type, @interface)
                || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, @interface)));
    }

    /// <summary>The row count of one eval, waiting for the judge count at the end of the compilation.</summary>
    private sealed class EvalRows
    {
        private EvalRows(Location? location, string name, int cases, int variants, int relations, int trials)
        {
            Location = location;
            Name = name;
            Cases = cases;
            Variants = variants;
            Relations = relations;
            Trials = trials;
        }

        public Location? Location { get; }

        public string Name { get; }

        public int Cases { get; }

        public int Variants { get; }

        public int Relations { get; }

        public int Trials { get; }

        public long Rows => (long)Cases * Variants * (1L + Relations);

        public static EvalRows Of(IMethodSymbol method, EvalMethodSpec spec) => new(
            method.Locations.FirstOrDefault(),
            method.ContainingType.Name + "." + method.Name,
            spec.Cases.Count,
            spec.Variants.Count,
            spec.Relations.Count,
            spec.Trials);
    }
}
