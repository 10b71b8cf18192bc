namespace EvalSpec.Generators.Model;

/// <summary>Whether the assembly-level test framework registration should be emitted.</summary>
internal sealed record TestFrameworkRegistration(bool HasEvalMethods, bool ReferencesXunit, bool UserDeclaresFramework, bool OptedOut)
{
    public bool ShouldEmit => HasEvalMethods && ReferencesXunit && !UserDeclaresFramework && !OptedOut;
}
