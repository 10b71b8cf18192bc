namespace EvalSpec.Generators.Model;

/// <summary>Whether the assembly-level test framework registration should be emitted.</summary>
internal sealed record TestFrameworkRegistration(bool HasEvalMethods, bool ReferencesXunit, bool UserDeclaresFramework, bool OptedOut)
{
    public bool ShouldEmit => HasEvalMethods && ReferencesXunit && !UserDeclaresFramework && !OptedOut;
}

/// <summary>What the assembly gets on xUnit v3: the run host as an assembly fixture, and test-level parallelism.</summary>
internal sealed record V3Registration(bool HasEvalMethods, bool IsV3, bool UserDeclaresParallelization, bool OptedOut)
{
    /// <summary>The run host fixture: always on v3 when there are eval methods (rows need it to run).</summary>
    public bool ShouldEmit => HasEvalMethods && IsV3;

    /// <summary>Parallelization of every test, unless the assembly declares its own or the project opted out.</summary>
    public bool EmitParallelization => !UserDeclaresParallelization && !OptedOut;
}
