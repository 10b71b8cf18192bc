using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>The RegisterSourceOutput calls of a generator run (step tracking on): what each was given, and why it ran.</summary>
internal static class SourceOutputSteps
{
    /// <summary>Each call's input value (the value of the provider passed to RegisterSourceOutput) and run reason.</summary>
    public static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Of(GeneratorRunResult result) =>
        result.TrackedOutputSteps[WellKnownGeneratorOutputs.SourceOutput]
            .SelectMany(step => step.Outputs.Select(output => (step.Inputs.Single().Source.Outputs[step.Inputs.Single().OutputIndex].Value, output.Reason)));
}
