using System.Threading.Tasks;

namespace EvalSpec.Cli;

/// <summary>The process entry point of the <c>evalspec</c> tool.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) =>
        CliApp.RunAsync(args, System.Console.Out, System.Console.Error, CliEnvironment.FromProcess());
}
