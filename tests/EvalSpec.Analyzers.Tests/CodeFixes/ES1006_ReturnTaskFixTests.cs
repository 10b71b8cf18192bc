using System.Threading.Tasks;
using EvalSpec.CodeFixes;
using FluentAssertions;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer, EvalSpec.CodeFixes.ReturnTaskCodeFixProvider>;

namespace EvalSpec.Analyzers.Tests.CodeFixes;

public class ES1006_ReturnTaskFixTests
{
    [Fact]
    public async Task Expression_bodied_method_returns_a_task_of_its_result()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public string {|ES1006:Answer|}(EvalInput input, string question) => input.Prompt + question;
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt + question);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Every_return_of_the_method_is_wrapped_but_not_those_of_lambdas_or_local_functions()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public string {|ES1006:Answer|}(EvalInput input, string question)
                {
                    if (question.Length == 0)
                    {
                        return "empty"; // nothing to ask
                    }

                    Func<string, string> shout = s => { return s.ToUpperInvariant(); };
                    return Normalize(shout(question));

                    static string Normalize(string text)
                    {
                        return new string(text.Where(c => !char.IsControl(c)).ToArray());
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question)
                {
                    if (question.Length == 0)
                    {
                        return Task.FromResult("empty"); // nothing to ask
                    }

                    Func<string, string> shout = s => { return s.ToUpperInvariant(); };
                    return Task.FromResult(Normalize(shout(question)));

                    static string Normalize(string text)
                    {
                        return new string(text.Where(c => !char.IsControl(c)).ToArray());
                    }
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Result_type_is_named_where_a_value_has_another_type_or_nullability()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public object {|ES1006:Answer|}(EvalInput input, string question)
                {
                    if (question.Length == 0)
                    {
                        return 0;
                    }

                    return question;
                }

                [Eval]
                [Case("Do you ship to Canada?")]
                public string? {|ES1006:Maybe|}(EvalInput input, string question) => question.Length == 0 ? null : question;

                [Eval]
                [Case("Do you ship to Canada?")]
                public string? {|ES1006:Never|}(EvalInput input, string question) => question;
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<object> Answer(EvalInput input, string question)
                {
                    if (question.Length == 0)
                    {
                        return Task.FromResult<object>(0);
                    }

                    return Task.FromResult<object>(question);
                }

                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string?> Maybe(EvalInput input, string question) => Task.FromResult(question.Length == 0 ? null : question);

                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string?> Never(EvalInput input, string question) => Task.FromResult<string?>(question);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Result_type_is_named_for_a_default_literal_or_a_target_typed_new()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public sealed class Answer
            {
                public string Text { get; set; } = "";
            }

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Answer? {|ES1006:Ask|}(EvalInput input, string question)
                {
                    if (question.Length == 0)
                    {
                        return default;
                    }

                    return new() { Text = input.Prompt };
                }

                [Eval]
                [Case("Do you ship to Canada?")]
                public int {|ES1006:Count|}(EvalInput input, string question) => (default);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public sealed class Answer
            {
                public string Text { get; set; } = "";
            }

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<Answer?> Ask(EvalInput input, string question)
                {
                    if (question.Length == 0)
                    {
                        return Task.FromResult<Answer?>(default);
                    }

                    return Task.FromResult<Answer?>(new() { Text = input.Prompt });
                }

                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<int> Count(EvalInput input, string question) => Task.FromResult<int>((default));
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task No_fix_is_offered_for_a_partial_method()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public partial string {|ES1006:Ask|}(EvalInput input, string question);

                public partial string Ask(EvalInput input, string question) => input.Prompt;
            }
            """;

        await Verify.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task Throwing_expression_body_is_kept_as_it_is()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public string {|ES1006:Answer|}(EvalInput input, string question) => throw new NotImplementedException();
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => throw new NotImplementedException();
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Tasks_namespace_is_imported_when_missing()
    {
        const string source = """
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public string {|ES1006:Answer|}(EvalInput input, string question) => question;
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(question);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_all_changes_every_synchronous_eval_in_the_document()
    {
        const string source = """
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public string {|ES1006:Answer|}(EvalInput input, string question) => question;

                [Eval]
                [Case(3)]
                public int {|ES1006:Count|}(EvalInput input, int items) => items;
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(question);

                [Eval]
                [Case(3)]
                public Task<int> Count(EvalInput input, int items) => Task.FromResult(items);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Title_names_the_new_return_type()
    {
        const string source = """
            using System.Collections.Generic;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public List<string> Answer(EvalInput input, string question) => new() { question };
            }
            """;

        var offered = await Verifiers.OfferedCodeFixes.ForAsync<EvalDeclarationAnalyzer, ReturnTaskCodeFixProvider>(source);

        offered.Should().Equal(("Return Task<List<string>> (wrap results in Task.FromResult)", ReturnTaskCodeFixProvider.EquivalenceKey));
    }

    [Theory]
    [InlineData("public void {|ES1006:Answer|}(EvalInput input, string question) { }")]
    [InlineData("public async void {|ES1006:Answer|}(EvalInput input, string question) => await Task.Yield();")]
    [InlineData("public Task {|ES1006:Answer|}(EvalInput input, string question) => Task.CompletedTask;")]
    [InlineData("public ValueTask {|ES1006:Answer|}(EvalInput input, string question) => default;")]
    [InlineData("public async IAsyncEnumerable<string> {|ES1006:Answer|}(EvalInput input, string question) { await Task.Yield(); yield return question; }")]
    [InlineData("public IEnumerable<string> {|ES1006:Answer|}(EvalInput input, string question) { yield return question; }")]
    [InlineData("public string {|ES1006:Answer|}<T>(EvalInput input, string question) => question;")]
    [InlineData("public ref string {|ES1006:Answer|}(EvalInput input, string question) => throw new System.NotImplementedException();")]
    [InlineData("public System.Span<char> {|ES1006:Answer|}(EvalInput input, string question) => default;")]
    public async Task No_fix_is_offered_where_there_is_no_value_to_wrap_or_the_problem_is_another(string method)
    {
        string source = $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                {{method}}
            }
            """;

        await Verify.VerifyNoCodeFixAsync(source);
    }
}
