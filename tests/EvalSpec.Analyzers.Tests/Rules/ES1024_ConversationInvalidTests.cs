using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1024_ConversationInvalidTests
{
    [Fact]
    public async Task A_conversation_ending_with_the_assistant_is_reported_on_its_last_turn()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class SupportEvals
            {
                [Eval]
                [Conversation("user: My parcel is late.", {|#0:"assistant: Sorry! When did you order it?"|})]
                public Task<string> FollowUp(EvalInput input) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ConversationInvalid).WithLocation(0).WithArguments(
                "SupportEvals.FollowUp",
                "the last turn is the assistant's; a conversation case ends with the user turn the system under test answers (drop the final assistant turn, or put the expected answer in 'expected')"));
    }

    [Fact]
    public async Task An_unknown_role_is_reported_on_its_turn()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class SupportEvals
            {
                [Eval]
                [Conversation({|#0:"customer: My parcel is late."|})]
                public Task<string> FollowUp(EvalInput input) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ConversationInvalid).WithLocation(0).WithArguments("SupportEvals.FollowUp", "the role 'customer' is not one of system, user, assistant"));
    }

    [Fact]
    public async Task A_well_formed_conversation_is_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class SupportEvals
            {
                [Eval]
                [Conversation("system: Be brief.", "user: My parcel is late.", "assistant: When did you order it?", "user: Two weeks ago.", Id = "late", Expected = "refund")]
                public Task<string> FollowUp(EvalInput input) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
