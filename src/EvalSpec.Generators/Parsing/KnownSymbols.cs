using Microsoft.CodeAnalysis;

namespace EvalSpec.Generators.Parsing;

/// <summary>The EvalSpec and BCL types the parser compares against, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    public const string EvalAttributeName = "EvalSpec.EvalAttribute";

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        EvalAttribute = compilation.GetTypeByMetadataName(EvalAttributeName);
        PromptAttribute = compilation.GetTypeByMetadataName("EvalSpec.PromptAttribute");
        PromptSetAttribute = compilation.GetTypeByMetadataName("EvalSpec.PromptSetAttribute");
        CaseAttribute = compilation.GetTypeByMetadataName("EvalSpec.CaseAttribute");
        CasesFromAttribute = compilation.GetTypeByMetadataName("EvalSpec.CasesFromAttribute");
        ConversationAttribute = compilation.GetTypeByMetadataName("EvalSpec.ConversationAttribute");
        SnapshotAttribute = compilation.GetTypeByMetadataName("EvalSpec.SnapshotAttribute");
        InvariantAttribute = compilation.GetTypeByMetadataName("EvalSpec.InvariantAttribute`1");
        DirectionalAttribute = compilation.GetTypeByMetadataName("EvalSpec.DirectionalAttribute`1");
        EvalInput = compilation.GetTypeByMetadataName("EvalSpec.EvalInput");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? EvalAttribute { get; }

    public INamedTypeSymbol? PromptAttribute { get; }

    public INamedTypeSymbol? PromptSetAttribute { get; }

    public INamedTypeSymbol? CaseAttribute { get; }

    public INamedTypeSymbol? CasesFromAttribute { get; }

    public INamedTypeSymbol? ConversationAttribute { get; }

    public INamedTypeSymbol? SnapshotAttribute { get; }

    public INamedTypeSymbol? InvariantAttribute { get; }

    public INamedTypeSymbol? DirectionalAttribute { get; }

    public INamedTypeSymbol? EvalInput { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? ValueTask { get; }

    /// <summary>Whether the compilation references the EvalSpec runtime at all.</summary>
    public bool IsComplete => EvalAttribute is not null && EvalInput is not null && Task is not null && ValueTask is not null;

    // The generator parses each [Eval] method in its own transform, which sees only the compilation: without this, a suite
    // of 1,000 methods looked up the same 12 types 1,000 times (about a third of the generator's time). Weakly keyed, so a
    // compilation and its symbols are collected as soon as the compiler lets go of it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownSymbols> PerCompilation = new();

    public static KnownSymbols From(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new KnownSymbols(c));
}
