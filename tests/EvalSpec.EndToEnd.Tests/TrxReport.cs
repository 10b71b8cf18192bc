using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>The per-test outcomes of a TRX file written by `dotnet test --logger trx`.</summary>
internal sealed class TrxReport
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private TrxReport(IReadOnlyDictionary<string, TrxResult> results)
    {
        Results = results;
    }

    /// <summary>Results by test display name.</summary>
    public IReadOnlyDictionary<string, TrxResult> Results { get; }

    public static TrxReport Load(string directory)
    {
        string file = Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories).Single();
        XDocument document = XDocument.Load(file);
        Dictionary<string, TrxResult> results = document.Descendants(Ns + "UnitTestResult").ToDictionary(
            r => (string)r.Attribute("testName")!,
            r => new TrxResult(
                (string)r.Attribute("outcome")!,
                (string?)r.Element(Ns + "Output")?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message") ?? SkipReason(r)));
        return new TrxReport(results);
    }

    /// <summary>
    /// The reason of a skipped test in Microsoft.Testing.Platform's TRX (Microsoft.Testing.Extensions.TrxReport), which
    /// appends it to the test's standard output as the last paragraph; VSTest's TRX has it in ErrorInfo/Message.
    /// </summary>
    private static string SkipReason(XElement result)
    {
        if ((string?)result.Attribute("outcome") != "NotExecuted" || (string?)result.Element(Ns + "Output")?.Element(Ns + "StdOut") is not { } output)
        {
            return string.Empty;
        }

        string text = output.Replace("\r\n", "\n", System.StringComparison.Ordinal).TrimEnd();
        int paragraph = text.LastIndexOf("\n\n", System.StringComparison.Ordinal);
        return paragraph < 0 ? text : text[(paragraph + 2)..];
    }
}

/// <summary>One test's outcome ("Passed", "Failed", "NotExecuted") and failure message.</summary>
internal sealed record TrxResult(string Outcome, string Message);
