using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Generators.Emitting;
using Microsoft.CodeAnalysis;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>The outcome of one generator run: the driver (for incremental re-runs), the updated compilation and what was generated.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation outputCompilation, ImmutableArray<Diagnostic> driverDiagnostics, GeneratorRunResult result)
    {
        Driver = driver;
        OutputCompilation = outputCompilation;
        DriverDiagnostics = driverDiagnostics;
        Result = result;
    }

    public GeneratorDriver Driver { get; }

    public Compilation OutputCompilation { get; }

    /// <summary>Diagnostics of the run itself; a generator exception shows up here as CS8785.</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    public GeneratorRunResult Result { get; }

    public IReadOnlyList<string> HintNames => Result.GeneratedSources.Select(s => s.HintName).ToList();

    /// <summary>The generated eval-method files with the rows (neither the test framework registration nor not-generated tests), ordered by hint name.</summary>
    public IReadOnlyList<GeneratedSourceResult> EvalMethodSources =>
        Result.GeneratedSources
            .Where(s => s.HintName != TestFrameworkEmitter.HintName && s.HintName != TestFrameworkEmitter.V3HintName && !IsNotGeneratedTest(s))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The generated files of tests that stand in for eval methods with errors, ordered by hint name.</summary>
    public IReadOnlyList<GeneratedSourceResult> NotGeneratedTestSources =>
        Result.GeneratedSources
            .Where(IsNotGeneratedTest)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();

    public string Source(string hintName) =>
        Result.GeneratedSources.SingleOrDefault(s => s.HintName == hintName).SourceText?.ToString()
        ?? throw new InvalidOperationException($"No source '{hintName}' was generated. Generated: {string.Join(", ", HintNames)}.");

    /// <summary>Compiler diagnostics of the user code plus the generated code, at warning level or above.</summary>
    public IReadOnlyList<Diagnostic> CompilationWarningsAndErrors() =>
        OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
            .ToList();

    /// <summary>The generated row tests, read back from the generated syntax.</summary>
    public IReadOnlyList<GeneratedTest> Tests() =>
        EvalMethodSources.SelectMany(s => GeneratedTest.ReadAll(s.SyntaxTree)).ToList();

    /// <summary>The tests standing in for eval methods with errors, read back from the generated syntax.</summary>
    public IReadOnlyList<GeneratedTest> NotGeneratedTests() =>
        NotGeneratedTestSources.SelectMany(s => GeneratedTest.ReadAll(s.SyntaxTree)).ToList();

    private static bool IsNotGeneratedTest(GeneratedSourceResult source) =>
        source.HintName.EndsWith(".EvalSpec.NotGenerated.g.cs", StringComparison.Ordinal);
}
