using System.Linq;
using EvalSpec.Generators.Emitting;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// On xUnit v2 each eval method gets its row table and one test method marked with EvalSpec.Xunit's EvalRowsAttribute (a
/// FactAttribute whose discoverer reports one test case per row), not one [Fact] per row: xUnit's analyzers inspect every
/// fact method, which made a 20,000-row suite build several times slower (docs/build.md).
/// </summary>
public sealed class XunitV2ShapeTests
{
    [Fact]
    public void Every_scenario_gets_one_test_method_per_eval_method_and_no_fact_per_row()
    {
        foreach ((string name, SourceFile[] files) in Scenarios.All)
        {
            GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(files));

            run.CompilationWarningsAndErrors().Should().BeEmpty(name);
            foreach (GeneratedSourceResult source in run.EvalMethodSources)
            {
                string text = source.SourceText.ToString();
                text.Should().NotContain("global::Xunit.FactAttribute", "{0}: no [Fact] per row", name);
                text.Split('\n').Count(line => line.Contains("[global::EvalSpec.Execution.EvalRowsAttribute(", System.StringComparison.Ordinal))
                    .Should().Be(DescriptorData.All(source.SyntaxTree).Count(), "{0}: one test method per eval method of the class", name);
            }
        }
    }

    [Fact]
    public void Xunit_v2_without_the_adapter_gets_no_rows_and_no_registration()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.DesignExample, GeneratorHarness.XunitV2WithoutAdapter));

        run.EvalMethodSources.Should().BeEmpty("the rows could not compile without EvalSpec.Xunit; ES1025 names the package");
        run.HintNames.Should().NotContain(TestFrameworkEmitter.HintName);
        run.CompilationWarningsAndErrors().Should().BeEmpty();
    }
}
