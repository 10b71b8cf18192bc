using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Analyzers.Tests.Verifiers;
using EvalSpec.CodeFixes;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.AddAwaitVerifier;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES3001_CheckNotAwaitedTests
{
    /// <summary>
    /// Stand-ins with the shape of EvalSpec.FluentAssertions and of FluentAssertions' <c>Should()</c> (the test
    /// compilation references neither package): the rule keys on EvalSpec.FluentAssertions.JudgeAssertionExtensions.
    /// </summary>
    private const string Assertions = """

        namespace FluentAssertions.Primitives
        {
            public sealed class StringAssertions
            {
                public StringAssertions(string? subject) { Subject = subject; }
                public string? Subject { get; }
            }
        }

        namespace FluentAssertions
        {
            public static class AssertionExtensions
            {
                public static FluentAssertions.Primitives.StringAssertions Should(this string? subject) => new(subject);
            }
        }

        namespace EvalSpec.FluentAssertions
        {
            public static class JudgeAssertionExtensions
            {
                public static System.Threading.Tasks.Task<global::FluentAssertions.Primitives.StringAssertions> PassJudgeAsync(
                    this global::FluentAssertions.Primitives.StringAssertions assertions, EvalSpec.Judging.IJudge judge, string? rubric = null) =>
                    System.Threading.Tasks.Task.FromResult(assertions);

                public static System.Threading.Tasks.Task<global::FluentAssertions.Primitives.StringAssertions> BeEquivalentInMeaningToAsync(
                    this global::FluentAssertions.Primitives.StringAssertions assertions, string expected, EvalSpec.Judging.IJudge judge) =>
                    System.Threading.Tasks.Task.FromResult(assertions);
            }
        }
        """;

    [Fact]
    public async Task Snapshot_statement_in_an_async_method_is_reported_and_awaited()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                public async Task Refund_answer_is_stable()
                {
                    string answer = await Task.FromResult("30 days");
                    {|CS4014:{|#0:Snapshot.VerifyAsync(answer)|}|};
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                public async Task Refund_answer_is_stable()
                {
                    string answer = await Task.FromResult("30 days");
                    await Snapshot.VerifyAsync(answer);
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public void Message_names_the_check_and_says_to_await_it()
    {
        string message = Diagnostic.Create(DiagnosticDescriptors.CheckNotAwaited, Location.None, "Snapshot.VerifyAsync")
            .GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        message.Should().Be(
            "Snapshot.VerifyAsync returns a Task that is not awaited: a mismatch or failed verdict it finds is never observed and cannot fail the test. Add 'await'.");
    }

    [Fact]
    public async Task Discarded_snapshot_loses_the_discard_when_awaited()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                public async Task Refund_answer_is_stable()
                {
                    // the refund answer
                    _ = {|#0:Snapshot.VerifyAsync(new { Days = 30 }, name: "refund")|}; // stable
                    await Task.Yield();
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                public async Task Refund_answer_is_stable()
                {
                    // the refund answer
                    await Snapshot.VerifyAsync(new { Days = 30 }, name: "refund"); // stable
                    await Task.Yield();
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task ConfigureAwait_on_the_discarded_task_is_awaited_whole()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                public async Task Refund_answer_is_stable()
                {
                    {|CS4014:{|#0:Snapshot.VerifyAsync("30 days")|}.ConfigureAwait(false)|};
                    await Task.Yield();
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                public async Task Refund_answer_is_stable()
                {
                    await Snapshot.VerifyAsync("30 days").ConfigureAwait(false);
                    await Task.Yield();
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task Judge_assertions_are_reported_by_name_and_a_void_test_becomes_async_Task()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec.FluentAssertions;
            using EvalSpec.Judging;
            using FluentAssertions;
            using Xunit;

            public class RefundTests
            {
                private readonly IJudge _judge = new ContainsJudge(new[] { "30" });

                [Fact]
                public void Refund_answer_passes_the_judges()
                {
                    string answer = "30 days";
                    {|#0:answer.Should().PassJudgeAsync(_judge, rubric: "States the window.")|};
                    {|#1:answer.Should().BeEquivalentInMeaningToAsync("Thirty days.", _judge)|};
                }
            }
            """ + Assertions;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec.FluentAssertions;
            using EvalSpec.Judging;
            using FluentAssertions;
            using Xunit;

            public class RefundTests
            {
                private readonly IJudge _judge = new ContainsJudge(new[] { "30" });

                [Fact]
                public async Task Refund_answer_passes_the_judges()
                {
                    string answer = "30 days";
                    await answer.Should().PassJudgeAsync(_judge, rubric: "States the window.");
                    await answer.Should().BeEquivalentInMeaningToAsync("Thirty days.", _judge);
                }
            }
            """ + Assertions;

        await Verify.VerifyFixAsync(
            source,
            fixedSource,
            Verify.NotAwaited(0, "PassJudgeAsync"),
            Verify.NotAwaited(1, "BeEquivalentInMeaningToAsync"));
    }

    [Fact]
    public async Task Void_method_without_the_tasks_namespace_gets_the_using()
    {
        const string source = """
            using EvalSpec.Snapshots;
            using Xunit;

            public class RefundTests
            {
                [Fact]
                public void Refund_answer_is_stable()
                {
                    {|#0:Snapshot.VerifyAsync("30 days")|};
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;
            using Xunit;

            public class RefundTests
            {
                [Fact]
                public async Task Refund_answer_is_stable()
                {
                    await Snapshot.VerifyAsync("30 days");
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task Expression_bodied_void_method_becomes_async_Task()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                private void Check_refund_answer() => {|#0:Snapshot.VerifyAsync("30 days")|};
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                private async Task Check_refund_answer() => await Snapshot.VerifyAsync("30 days");
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task Task_method_returning_CompletedTask_becomes_async_and_drops_the_return()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;
            using Xunit;

            public class RefundTests
            {
                [Theory]
                [InlineData(false)]
                public Task Refund_answer_is_stable(bool skip)
                {
                    if (skip)
                    {
                        return Task.CompletedTask;
                    }

                    {|#0:Snapshot.VerifyAsync("30 days")|};
                    return Task.CompletedTask;
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;
            using Xunit;

            public class RefundTests
            {
                [Theory]
                [InlineData(false)]
                public async Task Refund_answer_is_stable(bool skip)
                {
                    if (skip)
                    {
                        return;
                    }

                    await Snapshot.VerifyAsync("30 days");
                }
            }
            """;

        await Verify.VerifyFixAsync(source, fixedSource, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task A_local_function_its_method_calls_is_not_made_async()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                public async Task Refund_answers_are_stable()
                {
                    Check("30 days");
                    await Task.Yield();

                    static void Check(string answer)
                    {
                        {|#0:Snapshot.VerifyAsync(answer)|};
                    }
                }
            }
            """;
        await Verify.VerifyNoFixAsync(source, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task Top_level_statements_are_awaited_in_place()
    {
        const string source = """
            using EvalSpec.Snapshots;

            {|CS4014:{|#0:Snapshot.VerifyAsync("30 days")|}|};
            """;
        const string fixedSource = """
            using EvalSpec.Snapshots;

            await Snapshot.VerifyAsync("30 days");
            """;

        await Verify.VerifyFixAsync(source, fixedSource, OutputKind.ConsoleApplication, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task No_fix_is_offered_where_the_signature_cannot_change_unambiguously()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public abstract class RefundTestsBase
            {
                public abstract void Check(string answer);
            }

            public class RefundTests : RefundTestsBase
            {
                public override void Check(string answer)
                {
                    {|#0:Snapshot.VerifyAsync(answer)|};
                }

                public Task<int> Count(string answer)
                {
                    {|#1:Snapshot.VerifyAsync(answer)|};
                    return Task.FromResult(answer.Length);
                }

                private void UsedAsDelegate(string answer)
                {
                    {|#2:Snapshot.VerifyAsync(answer)|};
                }

                public Action<string> Checker => UsedAsDelegate;

                public Action Lambda(string answer) => () => {|#3:Snapshot.VerifyAsync(answer)|};
            }
            """;

        await Verify.VerifyNoFixAsync(
            source,
            Verify.NotAwaited(0, "Snapshot.VerifyAsync"),
            Verify.NotAwaited(1, "Snapshot.VerifyAsync"),
            Verify.NotAwaited(2, "Snapshot.VerifyAsync"),
            Verify.NotAwaited(3, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task A_public_method_that_is_not_a_test_is_not_made_async()
    {
        const string source = """
            using EvalSpec.Snapshots;

            public class RefundChecks
            {
                public void Check(string answer)
                {
                    {|#0:Snapshot.VerifyAsync(answer)|};
                }
            }
            """;

        await Verify.VerifyNoFixAsync(source, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task A_partial_method_is_not_made_async()
    {
        const string source = """
            using EvalSpec.Snapshots;

            public partial class RefundTests
            {
                partial void Check();
            }

            public partial class RefundTests
            {
                partial void Check()
                {
                    {|#0:Snapshot.VerifyAsync("30 days")|};
                }
            }
            """;

        await Verify.VerifyNoFixAsync(source, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task A_virtual_method_is_not_made_async_even_when_its_override_is_in_sight()
    {
        const string source = """
            using EvalSpec.Snapshots;

            public class RefundTestsBase
            {
                protected virtual void Check()
                {
                    {|#0:Snapshot.VerifyAsync("30 days")|};
                }
            }

            public class RefundTests : RefundTestsBase
            {
                protected override void Check() { }
            }
            """;

        await Verify.VerifyNoFixAsync(source, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task Interface_default_methods_and_explicit_implementations_are_not_made_async()
    {
        const string source = """
            using EvalSpec.Snapshots;

            public interface IRefundChecks
            {
                void Check()
                {
                    {|#0:Snapshot.VerifyAsync("30 days")|};
                }
            }

            public class RefundChecks : IRefundChecks
            {
                void IRefundChecks.Check()
                {
                    {|#1:Snapshot.VerifyAsync("14 days")|};
                }
            }
            """;

        await Verify.VerifyNoFixAsync(
            source,
            Verify.NotAwaited(0, "Snapshot.VerifyAsync"),
            Verify.NotAwaited(1, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task A_public_method_used_as_a_delegate_in_another_file_is_not_made_async()
    {
        const string checks = """
            using EvalSpec.Snapshots;

            public static class RefundChecks
            {
                public static void Check()
                {
                    {|#0:Snapshot.VerifyAsync("30 days")|};
                }
            }
            """;
        const string caller = """
            public class RefundTests
            {
                public System.Action Check = RefundChecks.Check;
            }
            """;

        await VerifyNoFixAcrossFilesAsync(checks, caller);
    }

    [Fact]
    public async Task A_private_method_called_from_another_part_of_its_type_is_not_made_async()
    {
        const string checks = """
            using EvalSpec.Snapshots;

            public partial class RefundTests
            {
                private void Check()
                {
                    {|#0:Snapshot.VerifyAsync("30 days")|};
                }
            }
            """;
        const string caller = """
            public partial class RefundTests
            {
                [Xunit.Fact]
                public void Refund_answer_is_stable() => Check();
            }
            """;

        await VerifyNoFixAcrossFilesAsync(checks, caller);
    }

    [Fact]
    public async Task A_method_called_with_type_arguments_is_not_made_async()
    {
        const string source = """
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                public void Run()
                {
                    Check<string>("30 days");
                }

                private static void Check<T>(T answer)
                {
                    {|#0:Snapshot.VerifyAsync(answer)|};
                }
            }
            """;

        await Verify.VerifyNoFixAsync(source, Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
    }

    [Fact]
    public async Task Awaited_returned_stored_or_passed_on_tasks_are_not_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using EvalSpec.Snapshots;

            public class RefundTests
            {
                public async Task Awaited() => await Snapshot.VerifyAsync("30 days");

                public Task Returned() => Snapshot.VerifyAsync("30 days");

                public async Task Stored()
                {
                    Task verification = Snapshot.VerifyAsync("30 days");
                    var all = new List<Task> { Snapshot.VerifyAsync("14 days") };
                    await Task.WhenAll(all.Append(verification));
                }

                public Func<Task> Deferred() => () => Snapshot.VerifyAsync("30 days");
            }

            internal static class Sequences
            {
                public static IEnumerable<T> Append<T>(this IEnumerable<T> items, T item)
                {
                    foreach (T existing in items)
                    {
                        yield return existing;
                    }

                    yield return item;
                }
            }
            """;

        await Verify.VerifyNoFixAsync(source);
    }

    [Fact]
    public async Task A_method_of_another_Snapshot_type_is_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;

            namespace Homegrown
            {
                public static class Snapshot
                {
                    public static Task VerifyAsync(object value) => Task.CompletedTask;
                }

                public class RefundTests
                {
                    public void Refund_answer_is_stable() => Snapshot.VerifyAsync("30 days");
                }
            }
            """;

        await Verify.VerifyNoFixAsync(source);
    }

    /// <summary>Two files, the first reporting ES3001 at markup 0, which no fix changes.</summary>
    private static async Task VerifyNoFixAcrossFilesAsync(string reported, string other)
    {
        EvalCodeFixTest<CheckNotAwaitedAnalyzer, AddAwaitCodeFixProvider> test = Verify.CreateTest();
        test.TestState.Sources.Add(("/0/Test0.cs", reported));
        test.TestState.Sources.Add(("/0/Test1.cs", other));
        test.FixedState.Sources.Add(("/0/Test0.cs", reported));
        test.FixedState.Sources.Add(("/0/Test1.cs", other));
        test.ExpectedDiagnostics.Add(Verify.NotAwaited(0, "Snapshot.VerifyAsync"));
        await test.RunAsync(CancellationToken.None);
    }
}
