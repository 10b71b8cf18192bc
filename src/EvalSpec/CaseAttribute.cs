using System;

namespace EvalSpec;

/// <summary>
/// One evaluation case: the arguments bind, in order, to the eval method's parameters after the leading
/// <see cref="EvalInput"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CaseAttribute : Attribute
{
    /// <summary>Declares a case.</summary>
    /// <param name="arguments">Constant arguments, one per case parameter.</param>
    public CaseAttribute(params object?[] arguments)
    {
        Arguments = arguments;
    }

    /// <summary>The case arguments.</summary>
    public object?[] Arguments { get; }

    /// <summary>
    /// The expected answer. When set, the built-in expected-answer judge checks the output against it
    /// (normalised containment, else word overlap against the eval's <see cref="EvalAttribute.Threshold"/>).
    /// </summary>
    public string? Expected { get; set; }

    /// <summary>
    /// Stable case id used in test names, results and baselines. Unset: derived from the arguments
    /// (their text when short, else a short hash).
    /// </summary>
    public string? Id { get; set; }
}
