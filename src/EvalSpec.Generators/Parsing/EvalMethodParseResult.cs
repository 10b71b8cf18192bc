using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Model;

namespace EvalSpec.Generators.Parsing;

/// <summary>The parsed method (when it has no errors) and every problem found.</summary>
internal sealed class EvalMethodParseResult
{
    public EvalMethodParseResult(EvalMethodSpec? spec, IReadOnlyList<EvalProblem> problems)
    {
        Spec = problems.Any(p => p.IsError) ? null : spec;
        Problems = problems;
    }

    public EvalMethodSpec? Spec { get; }

    public IReadOnlyList<EvalProblem> Problems { get; }
}
