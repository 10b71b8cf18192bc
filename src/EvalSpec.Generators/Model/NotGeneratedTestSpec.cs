using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Parsing;

namespace EvalSpec.Generators.Model;

/// <summary>
/// A test that stands in for an [Eval] method the generator did not expand because it has errors, and fails with
/// them: an error whose severity was turned down still leaves a failing test in the run, not a silent gap. Strings,
/// numbers and equatable arrays only, like <see cref="EvalMethodSpec"/>.
/// </summary>
/// <param name="Namespace">The class's namespace, empty for the global namespace.</param>
/// <param name="ContainingTypes">The class and the types containing it, outermost first, re-declared as partial.</param>
/// <param name="DisplayTypeName">The class as rows name it: containing types joined by dots.</param>
/// <param name="MethodName">The eval method's name.</param>
/// <param name="Ordinal">
/// The method's position among the class's [Eval] methods of the same name, in declaration order: 0, unless the
/// name is shared (ES1017), when it keeps the stand-in tests of those methods apart.
/// </param>
/// <param name="IsStaticClass">Whether the class is static, so the test must be too.</param>
/// <param name="Errors">The method's errors as the analyzer words them, each "ESxxxx: message".</param>
internal sealed record NotGeneratedTestSpec(
    string Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string DisplayTypeName,
    string MethodName,
    int Ordinal,
    bool IsStaticClass,
    EquatableArray<string> Errors)
{
    /// <summary>The stand-in for a method that parsed without errors but whose prompt files have some.</summary>
    public static NotGeneratedTestSpec For(EvalMethodSpec spec, IEnumerable<EvalProblem> problems) =>
        new(spec.Namespace, spec.ContainingTypes, spec.DisplayTypeName, spec.MethodName, Ordinal: 0, spec.IsStaticClass, Describe(problems));

    /// <summary>The error-level problems, described in the order they were found.</summary>
    public static EquatableArray<string> Describe(IEnumerable<EvalProblem> problems) =>
        new(problems.Where(p => p.IsError).Select(p => p.Describe()));
}
