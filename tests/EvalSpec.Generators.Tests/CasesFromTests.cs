using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Execution;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>Cases read from JSONL and CSV files registered as AdditionalFiles ([CasesFrom]).</summary>
public sealed class CasesFromTests
{
    private const string ProjectDirectory = "/src/Shop.Evals";

    private const string ValidJsonl = "{\"subject\": \"valid\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true}";

    private const string ValidCsv = "subject,priority,attempts,vip\nvalid csv,Low,1,true\n";

    private const string Source = """
        using System.Threading.Tasks;
        using EvalSpec;

        namespace Shop.Evals;

        public enum Priority { Low, High }

        public partial class TicketEvals
        {
            [Eval]
            [Prompt("triage", "Triage: {subject} ({priority}, {attempts} attempts, vip={vip})")]
            [Case("Printer on fire", Priority.High, 1, true, Id = "fire")]
            [CasesFrom("data/tickets.jsonl")]
            [CasesFrom("data/tickets.csv")]
            public Task<string> Triage(EvalInput input, string subject, Priority priority, int attempts, bool vip) => Task.FromResult(input.Prompt);
        }
        """;

    private const string Jsonl = """
        {"id": "refund-late", "subject": "Refund after 40 days", "priority": "High", "attempts": 2, "vip": false, "expected": "refund", "tags": ["billing", "refund"]}

        {"subject": "Login \"loop\"\nagain", "priority": "Low", "attempts": 0, "vip": true}
        """;

    private const string Csv = "\uFEFFid,subject,priority,attempts,vip,expected,tags\r\n"
        + "csv-1,\"Crash, then \"\"reboot\"\"\r\non start\",High,3,true,restart,crash; desktop\r\n"
        + ",Password reset,Low,1,FALSE,,\r\n";

    [Fact]
    public void Each_row_of_a_jsonl_and_a_csv_file_is_a_case_next_to_the_attribute_cases()
    {
        GeneratorRun run = Run(Jsonl, Csv);

        run.DriverDiagnostics.Should().BeEmpty();
        run.NotGeneratedTestSources.Should().BeEmpty();
        run.CompilationWarningsAndErrors().Should().BeEmpty();
        run.Tests().Select(t => t.DisplayName).Should().Equal(
            "TicketEvals.Triage [fire · triage]",
            "TicketEvals.Triage [refund-late · triage]",
            "TicketEvals.Triage [" + KeyNaming.CaseId(new[] { "Login \"loop\"\nagain", "Low", "0", "true" }, new bool[4]) + " · triage]",
            "TicketEvals.Triage [csv-1 · triage]",
            "TicketEvals.Triage [Password reset, Low, 1, false · triage]");
        Baselines.Verify(nameof(Each_row_of_a_jsonl_and_a_csv_file_is_a_case_next_to_the_attribute_cases), run.EvalMethodSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Ids_come_from_the_id_column_or_the_values_never_from_the_line_number()
    {
        string reordered = "\n\n" + string.Join("\n", Jsonl.Split('\n').Reverse());
        var first = Run(Jsonl, Csv).Tests().Select(t => t.DisplayName).OrderBy(n => n, System.StringComparer.Ordinal);
        var second = Run(reordered, Csv).Tests().Select(t => t.DisplayName).OrderBy(n => n, System.StringComparer.Ordinal);

        second.Should().Equal(first);
        first.Should().NotContain(n => n.Contains("line") || n.Contains("[1]") || n.Contains("[3]"));
    }

    [Fact]
    public void Tags_become_traits_and_expected_answers_reach_the_descriptor()
    {
        GeneratorRun run = Run(Jsonl, Csv);

        GeneratedTest refund = run.Tests().Single(t => t.DisplayName.Contains("[refund-late ", System.StringComparison.Ordinal));
        refund.Traits.Should().Contain("Tag=billing").And.Contain("Tag=refund");
        run.Tests().Single(t => t.DisplayName.Contains("[csv-1 ", System.StringComparison.Ordinal)).Traits.Should().Contain("Tag=crash").And.Contain("Tag=desktop");
        run.Tests().Single(t => t.DisplayName.Contains("[fire ", System.StringComparison.Ordinal)).Traits.Should().NotContain("Tag=");
        GeneratedEvalMethod data = DescriptorData.Of(run.EvalMethodSources.Single().SourceText.ToString());
        GeneratedCase late = data.Cases.Single(c => c.Id == "refund-late");
        late.Arguments.Should().BeEquivalentTo(new[] { new[] { "string", "Refund after 40 days" }, ["enum", "High"], ["int", "2"], ["bool", "false"] }, o => o.WithStrictOrdering());
        late.Expected.Should().Be("refund");
        data.Cases.SelectMany(c => c.Arguments).Should().ContainEquivalentOf(new[] { "string", "Crash, then \"reboot\"\r\non start" }, "a quoted CSV field keeps its comma, doubled quotes and CRLF");
        LoadedDescriptors.Inspect(run, "Shop.Evals.TicketEvals", descriptors =>
        {
            EvalCaseDescriptor loaded = descriptors.Single().Cases.Single(c => c.Id == "refund-late");
            loaded.Arguments.Should().Equal("Refund after 40 days", Enum.Parse(loaded.Arguments[1]!.GetType(), "High"), 2, false);
            loaded.Arguments[1]!.GetType().FullName.Should().Be("Shop.Evals.Priority");
        });
    }

    [Theory]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true, \"colour\": \"red\"}", 1, 75, "the column 'colour' matches no parameter")]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Urgent\", \"attempts\": 1, \"vip\": true}", 1, 30, "write one of Low, High")]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1.5, \"vip\": true}", 1, 49, "1.5 is not a whole number in the range of int")]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": \"1\", \"vip\": true}", 1, 49, "a JSON string does not convert to int")]
    [InlineData("{\"subject\": 7, \"priority\": \"Low\", \"attempts\": 1, \"vip\": true}", 1, 13, "a JSON number does not convert to string")]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1}", 1, 1, "no value for the parameter 'vip'")]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": tru}", 1, 59, "does not start a JSON value")]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true", 1, 63, "expected ',' or '}'")]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true}\n{\"subject\": {\"nested\": 1}}", 2, 13, "nested objects are not supported")]
    [InlineData("{\"subject\": \"a\", \"subject\": \"b\"}", 1, 18, "appears twice")]
    [InlineData("[1, 2]", 1, 1, "one JSON object")]
    [InlineData("{\"subject\": \"unclosed}", 1, 13, "never closed")]
    [InlineData("{\"id\": \"fire\", \"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true}", 1, 8, "the id 'fire' is already declared")]
    [InlineData("{\"id\": \"x\", \"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true}\n{\"id\": \"x\", \"subject\": \"b\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true}", 2, 8, "the id 'x' is already declared")]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true}\n{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true}", 2, 1, "the id 'a, Low, 1, true' is already declared")]
    [InlineData("\n  \n", 1, 1, "the file has no cases")]
    [InlineData("{\"id\": \"a/b\", \"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true}", 1, 8, "without '/'")]
    [InlineData("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 99999999999, \"vip\": true}", 1, 49, "range of int")]
    public void Bad_jsonl_data_is_reported_with_its_line_and_column(string jsonl, int line, int column, string message)
    {
        EvalProblem problem = Resolve(jsonl, ValidCsv).Should().ContainSingle().Subject;

        problem.Rule.Should().Be(EvalRule.CaseDataInvalid);
        problem.MessageArguments.Take(3).Should().Equal("data/tickets.jsonl", line, column);
        ((string)problem.MessageArguments[4]).Should().Contain(message);
        problem.Describe().Should().StartWith("ES1023: data/tickets.jsonl(" + line + "," + column + "): case data for TicketEvals.Triage is not usable: ");
    }

    [Theory]
    [InlineData("subject,priority,attempts,vip\na,Low,1,true,extra\n", 2, 1, "the record has 5 field(s) but the header has 4")]
    [InlineData("subject,priority,attempts,vip\na \"quoted\",Low,1,true\n", 2, 3, "a double quote inside an unquoted field")]
    [InlineData("subject,priority,attempts,vip\n\"a\"b,Low,1,true\n", 2, 4, "text follows the closing quote")]
    [InlineData("subject,priority,attempts,vip\n\"never closed,Low,1,true\nb,Low,1,true\n", 2, 1, "never closed")]
    [InlineData("subject,priority,attempts,vip\na,Low,one,true\n", 2, 7, "one is not a whole number")]
    [InlineData("subject,priority,attempts,vip\na,Low,1,yes\n", 2, 9, "write true or false")]
    [InlineData("subject,priority,attempts,vip\na,Low,,true\n", 2, 7, "cannot be converted to a non-nullable value type")]
    [InlineData("subject,priority,attempts,vip,colour\na,Low,1,true,red\n", 2, 14, "the column 'colour' matches no parameter")]
    [InlineData("subject,priority,attempts,subject\na,Low,1,b\n", 1, 27, "named twice in the header")]
    [InlineData("subject,,attempts,vip\na,Low,1,true\n", 1, 9, "a header cell is empty")]
    [InlineData("", 1, 1, "the file is empty")]
    [InlineData("\uFEFFsubject,priority,attempts,vip\r\n\r\n", 1, 1, "the file has no cases")]
    [InlineData("id,subject,priority,attempts,vip\nfire,a,Low,1,true\n", 2, 1, "the id 'fire' is already declared")]
    public void Bad_csv_data_is_reported_with_its_line_and_column(string csv, int line, int column, string message)
    {
        EvalProblem problem = Resolve(ValidJsonl, csv).Should().ContainSingle().Subject;

        problem.Rule.Should().Be(EvalRule.CaseDataInvalid);
        problem.MessageArguments.Take(3).Should().Equal("data/tickets.csv", line, column);
        ((string)problem.MessageArguments[4]).Should().Contain(message);
    }

    [Fact]
    public void A_missing_file_is_reported_at_the_attribute_with_the_files_found()
    {
        var problems = new List<EvalProblem>();
        EvalMethodParseResult parsed = GeneratorHarness.ParseMethod(Source, "Shop.Evals.TicketEvals", "Triage");
        CasesFromResolver.Resolve(parsed.Spec!, new[] { DataFileSpec.Parse(ProjectDirectory + "/data/tickets.csv", ValidCsv) }, ProjectDirectory, problems);

        EvalProblem problem = problems.Should().ContainSingle().Subject;
        problem.Rule.Should().Be(EvalRule.CasesFromFileNotFound);
        problem.Describe().Should().Contain("ES1022: [CasesFrom(\"data/tickets.jsonl\")] on TicketEvals.Triage").And.Contain("looked for /src/Shop.Evals/data/tickets.jsonl").And.Contain("/src/Shop.Evals/data/tickets.csv");
    }

    [Fact]
    public void A_file_of_the_same_name_in_another_folder_is_not_the_one_named()
    {
        var problems = new List<EvalProblem>();
        EvalMethodParseResult parsed = GeneratorHarness.ParseMethod(Source, "Shop.Evals.TicketEvals", "Triage");
        CasesFromResolver.Resolve(parsed.Spec!, new[] { DataFileSpec.Parse("/src/Shop.Evals/old/data/tickets.jsonl", ValidJsonl), DataFileSpec.Parse(ProjectDirectory + "/data/tickets.csv", ValidCsv) }, ProjectDirectory, problems);

        problems.Should().ContainSingle().Which.Rule.Should().Be(EvalRule.CasesFromFileNotFound);
    }

    [Fact]
    public void A_method_with_bad_data_generates_no_rows_but_a_test_failing_with_the_file_line_and_column()
    {
        GeneratorRun run = Run("{\"subject\": \"a\", \"priority\": \"Low\", \"attempts\": 1, \"vip\": true, \"colour\": \"red\"}", Csv);

        run.EvalMethodSources.Should().BeEmpty();
        run.NotGeneratedTests().Should().ContainSingle().Which.DisplayName.Should().Be("TicketEvals.Triage [not generated]");
        run.NotGeneratedTestSources.Single().SourceText.ToString().Should().Contain("ES1023: data/tickets.jsonl(1,75)");
        run.CompilationWarningsAndErrors().Should().BeEmpty();
    }

    [Fact]
    public void Every_convertible_parameter_type_reads_back_at_run_time_as_the_parameters_type()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public enum Mood { Calm, Angry }

            public partial class TypedEvals
            {
                [Eval]
                [CasesFrom("data/typed.jsonl")]
                public Task<string> Typed(EvalInput input, string? s, object o, bool b, char c, sbyte sb, byte by, short sh, ushort us, int i, uint ui, long l, ulong ul, float f, double d, decimal m, Mood mood, int? n, Mood? nm) => Task.FromResult("");
            }
            """;
        const string jsonl = """
            {"s": null, "o": 3, "b": true, "c": "x", "sb": -128, "by": 255, "sh": -32768, "us": 65535, "i": -2147483648, "ui": 4294967295, "l": -9223372036854775808, "ul": 18446744073709551615, "f": 1.5, "d": 1e300, "m": 79228162514264337593543950335, "mood": "Angry", "n": null, "nm": null}
            {"s": "t", "o": "text", "b": false, "c": "\u00e9", "sb": 0, "by": 0, "sh": 0, "us": 0, "i": 2.0, "ui": 0, "l": 0, "ul": 0, "f": -0.25, "d": -1.5E-5, "m": 0.1, "mood": "Calm", "n": 7, "nm": "Calm"}
            """;
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(Options(), new[] { new InMemoryAdditionalText(ProjectDirectory + "/data/typed.jsonl", jsonl) }),
            GeneratorHarness.CreateCompilation(source));

        run.NotGeneratedTestSources.Should().BeEmpty();
        run.Tests().Should().HaveCount(2);
        run.CompilationWarningsAndErrors().Should().BeEmpty();
        LoadedDescriptors.Inspect(run, "Shop.Evals.TypedEvals", descriptors =>
        {
            EvalCaseDescriptor[] cases = descriptors.Single().Cases;
            object?[] first = cases[0].Arguments, second = cases[1].Arguments;
            first.Take(15).Should().Equal(
                null, 3, true, 'x', (sbyte)-128, (byte)255, (short)-32768, (ushort)65535, int.MinValue, uint.MaxValue, long.MinValue, ulong.MaxValue, 1.5f, 1e300, decimal.MaxValue);
            first.Take(15).Skip(1).Select(a => a!.GetType()).Should().Equal(
                typeof(int), typeof(bool), typeof(char), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal));
            first[15]!.ToString().Should().Be("Angry");
            first[15]!.GetType().FullName.Should().Be("Shop.Evals.Mood");
            first.Skip(16).Should().HaveCount(2).And.OnlyContain(a => a == null);
            second.Should().Equal("t", "text", false, '\u00e9', (sbyte)0, (byte)0, (short)0, (ushort)0, 2, 0u, 0L, 0UL, -0.25f, -1.5E-5, 0.1m, second[15], 7, second[17]);
            second[15]!.ToString().Should().Be("Calm");
            second[17]!.ToString().Should().Be("Calm");
        });
    }

    [Fact]
    public void Editing_the_data_file_regenerates_the_method_and_an_unrelated_file_does_not()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Source);
        var jsonl = new InMemoryAdditionalText(ProjectDirectory + "/data/tickets.jsonl", Jsonl);
        var csv = new InMemoryAdditionalText(ProjectDirectory + "/data/tickets.csv", Csv);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Options(), new[] { jsonl, csv }).RunGenerators(compilation);

        GeneratorDriver unrelated = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(ProjectDirectory + "/notes/readme.txt", "hello"))).RunGenerators(compilation);
        GeneratorDriver unrelatedPrompts = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(ProjectDirectory + "/prompts/other.prompts", "a: b"))).RunGenerators(compilation);
        GeneratorDriver edited = driver.ReplaceAdditionalText(csv, new InMemoryAdditionalText(ProjectDirectory + "/data/tickets.csv", Csv + "csv-new,Screen flickers,Low,0,false,,\n")).RunGenerators(compilation);

        Reason(unrelated, TrackingNames.DataFiles).Should().BeOneOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Reason(unrelated, TrackingNames.ValidEvalMethods).Should().BeOneOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Reason(unrelatedPrompts, TrackingNames.ValidEvalMethods).Should().BeOneOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Reason(edited, TrackingNames.DataFiles).Should().Be(IncrementalStepRunReason.Modified);
        Reason(edited, TrackingNames.ValidEvalMethods).Should().Be(IncrementalStepRunReason.Modified);
        DescriptorData.Of(edited.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains(".TicketEvals.")).ToString(), "Triage").Cases.Should().Contain(c => c.Id == "csv-new");
    }

    private static IncrementalStepRunReason Reason(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].Single().Outputs.Single().Reason;

    private static GlobalOptionsProvider Options() => GlobalOptionsProvider.With("build_property.MSBuildProjectDirectory", ProjectDirectory);

    private static GeneratorRun Run(string jsonl, string csv) =>
        GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(Options(), new[] { new InMemoryAdditionalText(ProjectDirectory + "/data/tickets.jsonl", jsonl), new InMemoryAdditionalText(ProjectDirectory + "/data/tickets.csv", csv) }),
            GeneratorHarness.CreateCompilation(Source));

    private static List<EvalProblem> Resolve(string jsonl, string csv)
    {
        EvalMethodParseResult parsed = GeneratorHarness.ParseMethod(Source, "Shop.Evals.TicketEvals", "Triage");
        var files = new[] { DataFileSpec.Parse(ProjectDirectory + "/data/tickets.jsonl", jsonl), DataFileSpec.Parse(ProjectDirectory + "/data/tickets.csv", csv) };
        var problems = new List<EvalProblem>();
        CasesFromResolver.Resolve(parsed.Spec!, files, ProjectDirectory, problems);
        return problems;
    }
}
