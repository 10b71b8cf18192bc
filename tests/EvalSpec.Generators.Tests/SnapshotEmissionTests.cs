using System.Linq;
using EvalSpec.Execution;
using EvalSpec.Generators.Emitting;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>[Snapshot] on an eval method: the descriptor carries the output mode and the source folder, relative to the project.</summary>
public sealed class SnapshotEmissionTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using EvalSpec;

        namespace Shop.Evals;

        public partial class RefundEvals
        {
            [Eval]
            [Prompt("formal", "Refund window for {product}?")]
            [Case("laptop")]
            [Snapshot(Output = SnapshotOutput.Meaning)]
            public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);

            [Eval]
            [Prompt("formal", "Refund window for {product}?")]
            [Case("laptop")]
            public Task<string> NoSnapshot(EvalInput input, string product) => Task.FromResult(input.Prompt);
        }
        """;

    [Fact]
    public void The_descriptor_names_the_output_mode_and_the_source_folder_relative_to_the_project()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { new SourceFile("/repo/tests/Shop.Evals/Refunds/RefundEvals.cs", Source) });

        GeneratorRun run = GeneratorHarness.Run(compilation, GlobalOptionsProvider.With("build_property.MSBuildProjectDirectory", "/repo/tests/Shop.Evals/"));

        GeneratedEvalMethod generated = DescriptorData.Of(run.EvalMethodSources.Single().SourceText.ToString(), "RefundWindow");
        generated.Snapshot.Should().Be(2);
        generated.SnapshotDirectory.Should().Be("Refunds");
        GeneratedEvalMethod none = DescriptorData.Of(run.EvalMethodSources.Single().SourceText.ToString(), "NoSnapshot");
        none.Snapshot.Should().BeNull();
        none.SnapshotDirectory.Should().BeNull();
        run.CompilationWarningsAndErrors().Should().BeEmpty("the generated code compiles");
    }

    [Theory]
    [InlineData("/repo/app/Evals/File.cs", "/repo/app", "Evals")]
    [InlineData("/repo/app/File.cs", "/repo/app/", "")]
    [InlineData("C:\\repo\\app\\Evals\\Deep\\File.cs", "C:\\repo\\app", "Evals/Deep")]
    [InlineData("/elsewhere/File.cs", "/repo/app", "/elsewhere")]
    [InlineData("/repo/application/File.cs", "/repo/app", "/repo/application")]
    public void The_snapshot_folder_is_relative_to_the_project_when_the_file_is_inside_it(string sourceFile, string projectDirectory, string expected)
    {
        EvalMethodEmitter.SnapshotDirectory(sourceFile, projectDirectory).Replace('\\', '/').Should().Be(expected.Replace('\\', '/'));
    }

    [Fact]
    public void An_undefined_output_mode_is_a_problem()
    {
        EvalMethodParseResult parsed = GeneratorHarness.ParseMethod(Source.Replace("Output = SnapshotOutput.Meaning", "Output = (SnapshotOutput)9"), "Shop.Evals.RefundEvals", "RefundWindow");

        parsed.Problems.Should().ContainSingle(p => p.Rule == EvalRule.ValueOutOfRange).Which.MessageArguments.Should().Contain("use a named SnapshotOutput value");
    }
}
