using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.AdapterMissingAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1025_AdapterMissingTests
{
    private const string Eval = """
        using System.Threading.Tasks;
        using EvalSpec;

        public partial class RefundEvals
        {
            [Eval]
            [Case("laptop")]
            public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(product);

            public Task<string> NotAnEval(string product) => Task.FromResult(product);
        }
        """;

    // The test compilations reference the EvalSpec runtime and xUnit v2 (xunit.core), not the adapter assembly.
    [Fact]
    public async Task Eval_method_in_an_xunit_v2_project_without_the_adapter_names_EvalSpec_Xunit()
    {
        await Verify.VerifyAsync(
            Eval,
            Verify.Diagnostic(DiagnosticDescriptors.AdapterMissing).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "xUnit v2", "EvalSpec.Xunit"));
    }

    [Fact]
    public async Task Eval_method_in_an_xunit_v3_project_without_the_adapter_names_EvalSpec_Xunit_V3()
    {
        // Stands in for xunit.v3.core, which declares this interface (the analyzer looks for it by name).
        const string v3 = "namespace Xunit.v3 { public interface IFactAttribute { } }\n";
        await Verify.VerifyAsync(
            Eval + "\n" + v3,
            Verify.Diagnostic(DiagnosticDescriptors.AdapterMissing).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "xUnit v3", "EvalSpec.Xunit.V3"));
    }

    [Fact]
    public async Task Eval_method_with_the_v2_adapter_is_not_reported()
    {
        const string adapter = "namespace EvalSpec.Execution { public sealed class EvalTestFramework { } }\n";
        await Verify.VerifyAsync(Eval + "\n" + adapter);
    }

    [Fact]
    public async Task Eval_method_with_the_v3_adapter_in_a_v3_project_is_not_reported()
    {
        const string v3 = "namespace Xunit.v3 { public interface IFactAttribute { } }\nnamespace EvalSpec.XunitV3 { public sealed class EvalRowsAttribute : System.Attribute { } }\n";
        await Verify.VerifyAsync(Eval + "\n" + v3);
    }

    [Fact]
    public async Task The_v2_adapter_does_not_serve_a_v3_project()
    {
        const string both = "namespace Xunit.v3 { public interface IFactAttribute { } }\nnamespace EvalSpec.Execution { public sealed class EvalTestFramework { } }\n";
        await Verify.VerifyAsync(
            Eval + "\n" + both,
            Verify.Diagnostic(DiagnosticDescriptors.AdapterMissing).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "xUnit v3", "EvalSpec.Xunit.V3"));
    }
}
