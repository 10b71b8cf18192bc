using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Model;

namespace EvalSpec.Generators.Parsing;

/// <summary>The parsed method (when it has no errors), every problem found, and what stands in for the method when it has errors.</summary>
internal sealed class EvalMethodParseResult
{
    public EvalMethodParseResult(EvalMethodSpec? spec, IReadOnlyList<EvalProblem> problems, NotGeneratedTestSpec? notGeneratedTest = null)
    {
        bool hasErrors = problems.Any(p => p.IsError);
        Spec = hasErrors ? null : spec;
        Problems = problems;
        NotGeneratedTest = hasErrors ? notGeneratedTest : null;
    }

    public EvalMethodSpec? Spec { get; }

    public IReadOnlyList<EvalProblem> Problems { get; }

    /// <summary>
    /// When the method has errors: the test that fails with them in place of its rows; null when its class cannot
    /// take generated members (not partial, generic, not a class), and when the method has no errors.
    /// </summary>
    public NotGeneratedTestSpec? NotGeneratedTest { get; }
}
