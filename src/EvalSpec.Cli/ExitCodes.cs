namespace EvalSpec.Cli;

/// <summary>The process exit codes of <c>evalspec</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did everything it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran but did not succeed: a model call failed, paraphrases were rejected, a gate was missed.</summary>
    public const int Failure = 1;

    /// <summary>The command line or an input file is wrong; nothing was done.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// <c>evalspec gate</c> would not judge the run: it covers fewer rows than the baseline (a filtered run, without
    /// <c>--allow-partial</c>), or it is a sample without an estimate. Not a regression, and not a pass.
    /// </summary>
    public const int GateRefused = 3;
}
