using System;
using EvalSpec.Secrets;

namespace EvalSpec.Execution;

/// <summary>
/// The lines EvalSpec itself writes to the test process's console (the run summary, where the reports are, errors that
/// must not stop the run), each redacted (<see cref="SecretRedactor"/>): a build log is as public as a report.
/// </summary>
internal static class EvalConsole
{
    /// <summary>Writes <paramref name="line"/> to standard output.</summary>
    public static void WriteLine(string line) => Console.WriteLine(SecretRedactor.Default.Redact(line));

    /// <summary>Writes <paramref name="line"/> to standard error.</summary>
    public static void WriteError(string line) => Console.Error.WriteLine(SecretRedactor.Default.Redact(line));
}
