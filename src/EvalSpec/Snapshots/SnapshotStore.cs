using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;

namespace EvalSpec.Snapshots;

/// <summary>
/// Verifies snapshots against their <c>.verified.</c> files: writes a <c>.received.</c> file on a mismatch or a
/// missing file, and in accept mode (never on a build server) writes the verified file instead. Safe to use from
/// many rows at once.
/// </summary>
internal sealed class SnapshotStore
{
    /// <param name="mode">Verify, or accept what does not match.</param>
    /// <param name="buildServerVariable">
    /// The environment variable that shows a build server (<c>CI</c>, <c>TF_BUILD</c>...), or null on a developer
    /// machine. On a build server nothing but <c>.received.</c> files is written, whatever the mode.
    /// </param>
    public SnapshotStore(SnapshotMode mode, string? buildServerVariable)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new EvalConfigurationException($"Snapshot mode '{mode}' is unknown; use Verify or Accept (EVALSPEC_SNAPSHOTS=accept).");
        }

        Mode = mode;
        BuildServerVariable = string.IsNullOrEmpty(buildServerVariable) ? null : buildServerVariable;
    }

    public SnapshotMode Mode { get; }

    public string? BuildServerVariable { get; }

    /// <summary>Whether mismatches are written as verified files: accept mode, not on a build server.</summary>
    public bool Accepts => Mode == SnapshotMode.Accept && BuildServerVariable is null;

    /// <summary>Verifies one snapshot.</summary>
    /// <param name="directory">The folder of the snapshot files (beside the test source).</param>
    /// <param name="baseName">The file name before <c>.verified.</c> (see <see cref="SnapshotNames"/>).</param>
    /// <param name="received">What this run produced.</param>
    /// <param name="equivalence">
    /// For eval rows compared by meaning, in verify mode: asked, when the prompt part matches exactly and the output
    /// part differs, whether the outputs still mean the same; if so the snapshot matches, and the new output is written
    /// to the <c>.received.</c> file all the same (to accept if it should be recorded). Accept mode never asks: it
    /// records every change. Null compares exactly.
    /// </param>
    /// <param name="cancellationToken">Cancels reading and the equivalence check.</param>
    public async Task<SnapshotResult> VerifyAsync(
        string directory,
        string baseName,
        SnapshotDocument received,
        SnapshotOutputEquivalence? equivalence = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(baseName);
        ArgumentNullException.ThrowIfNull(received);

        directory = Path.GetFullPath(directory);
        string otherExtension = received.Extension == SnapshotNames.TextExtension ? SnapshotNames.JsonExtension : SnapshotNames.TextExtension;
        string verifiedFile = Path.Combine(directory, baseName + SnapshotNames.VerifiedMarker + received.Extension);
        string receivedFile = Path.Combine(directory, baseName + SnapshotNames.ReceivedMarker + received.Extension);
        string otherVerifiedFile = Path.Combine(directory, baseName + SnapshotNames.VerifiedMarker + otherExtension);
        string otherReceivedFile = Path.Combine(directory, baseName + SnapshotNames.ReceivedMarker + otherExtension);

        (string? verified, string? problem) = await SnapshotFileSystem.ReadVerifiedAsync(verifiedFile, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            if (Accepts)
            {
                Accept(verifiedFile, receivedFile, otherVerifiedFile, otherReceivedFile, received);
                return new SnapshotResult(SnapshotOutcome.Accepted, verifiedFile, null, $"Accepted the snapshot {verifiedFile}, rewriting an unusable verified file: {problem}");
            }

            return new SnapshotResult(SnapshotOutcome.InvalidVerifiedFile, verifiedFile, null, problem);
        }

        if (verified is not null && string.Equals(verified, received.Content, StringComparison.Ordinal))
        {
            DeleteReceived(receivedFile, otherReceivedFile);
            if (Accepts)
            {
                // Finishes an acceptance a crash interrupted between writing this file and deleting the other format's.
                SnapshotFileSystem.DeleteIfExists(otherVerifiedFile);
            }

            return new SnapshotResult(SnapshotOutcome.Matched, verifiedFile, null, $"The snapshot matches {verifiedFile}.");
        }

        bool promptChanged = verified is not null && received.PromptDiffers(verified);

        // Accept mode records every change. Keeping an old output that "means the same" would leave a verified file that
        // a run replaying the new recordings (which compares exactly) fails on, with nothing left to accept.
        if (Accepts)
        {
            Accept(verifiedFile, receivedFile, otherVerifiedFile, otherReceivedFile, received);
            string what = verified is null ? "Created" : "Updated";
            return new SnapshotResult(SnapshotOutcome.Accepted, verifiedFile, null, $"{what} the verified snapshot {verifiedFile} (EVALSPEC_SNAPSHOTS=accept). Review and commit it.")
            {
                PromptChanged = promptChanged,
            };
        }

        SnapshotEquivalence? judged = null;
        if (verified is not null && equivalence is not null && received.Output is string receivedOutput
            && received.TryGetVerifiedOutput(verified, out string verifiedOutput)
            && !string.Equals(verifiedOutput, receivedOutput, StringComparison.Ordinal))
        {
            judged = await equivalence(verifiedOutput, receivedOutput, cancellationToken).ConfigureAwait(false);
            if (judged.Value.Equivalent)
            {
                // The verified file keeps its output, and the new one is written beside it: accepting records it.
                SnapshotFileSystem.WriteAtomic(receivedFile, received.Content);
                SnapshotFileSystem.DeleteIfExists(otherReceivedFile);
                string sameDiff = SnapshotDiff.Create(verified, received.Content);
                var same = new StringBuilder()
                    .Append("The output changed but means the same as in ").Append(verifiedFile)
                    .Append(string.IsNullOrWhiteSpace(judged.Value.Reason) ? "." : ": " + judged.Value.Reason.Trim()).Append('\n')
                    .Append("The verified file keeps its output; the new one is in ").Append(receivedFile).Append(": ")
                    .Append(BuildServerVariable is null ? string.Empty : "on a developer machine, ")
                    .Append("`evalspec accept --filter ").Append(baseName).Append("` would record it.\n")
                    .Append(sameDiff);
                return new SnapshotResult(SnapshotOutcome.Matched, verifiedFile, receivedFile, same.ToString().TrimEnd('\n'))
                {
                    Diff = sameDiff,
                    MatchedByMeaning = true,
                    EquivalenceReason = judged.Value.Reason,
                };
            }
        }

        SnapshotFileSystem.WriteAtomic(receivedFile, received.Content);
        SnapshotFileSystem.DeleteIfExists(otherReceivedFile);
        string? refusedBecause = Mode == SnapshotMode.Accept ? BuildServerVariable : null;
        var message = new StringBuilder();
        if (refusedBecause is not null)
        {
            message.Append("EVALSPEC_SNAPSHOTS=accept is refused on a build server (").Append(refusedBecause)
                .Append(" is set): accept snapshots on a developer machine and commit them. Nothing was accepted.\n");
        }

        string? diff = null;
        if (verified is null)
        {
            message.Append("No verified snapshot ").Append(verifiedFile).Append('\n');
            if (File.Exists(otherVerifiedFile))
            {
                message.Append("There is ").Append(Path.GetFileName(otherVerifiedFile)).Append(": the snapshot turned ")
                    .Append(received.Extension == SnapshotNames.JsonExtension ? "from text into structured (JSON)" : "from structured (JSON) into text")
                    .Append(" content; accepting replaces it.\n");
            }

            message.Append("Received: ").Append(receivedFile).Append('\n');
        }
        else
        {
            diff = SnapshotDiff.Create(verified, received.Content);
            message.Append("Snapshot mismatch: ").Append(Describe(received, verified)).Append('\n')
                .Append("Verified: ").Append(verifiedFile).Append('\n')
                .Append("Received: ").Append(receivedFile).Append('\n');
            if (judged is SnapshotEquivalence rejected)
            {
                message.Append("The equivalence check found that the output's meaning changed")
                    .Append(string.IsNullOrWhiteSpace(rejected.Reason) ? "." : ": " + rejected.Reason).Append('\n');
            }

            message.Append(diff);
        }

        AppendHowToAccept(message, baseName, verifiedFile);
        SnapshotOutcome outcome = verified is null ? SnapshotOutcome.Missing : SnapshotOutcome.Mismatched;
        return new SnapshotResult(outcome, verifiedFile, receivedFile, message.ToString().TrimEnd('\n'))
        {
            Diff = diff,
            PromptChanged = promptChanged,
            EquivalenceReason = judged?.Reason,
            AcceptRefusedBecause = refusedBecause,
        };
    }

    /// <summary>
    /// For an eval row that produced no output (its eval method threw, timed out or missed a recording): compares only
    /// the prompt part with the verified file (<c>.txt</c>, else <c>.json</c>), and writes, accepts and deletes nothing
    /// whatever the mode, so that a failed run can neither replace a verified output nor leave a prompt-only
    /// <c>.received.</c> file to accept.
    /// </summary>
    /// <param name="directory">The folder of the snapshot files.</param>
    /// <param name="baseName">The file name before <c>.verified.</c>.</param>
    /// <param name="prompt">The row's prompts (<see cref="SnapshotDocument.ForPrompt"/>).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public async Task<SnapshotResult> CheckPromptAsync(string directory, string baseName, SnapshotDocument prompt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(baseName);
        ArgumentNullException.ThrowIfNull(prompt);
        if (!prompt.IsRow)
        {
            throw new ArgumentException("Only an eval row's snapshot has a prompt part to check.", nameof(prompt));
        }

        const string NothingWritten = "The output was not compared and nothing was written or accepted: the eval method returned no output.";
        directory = Path.GetFullPath(directory);
        foreach (string extension in new[] { SnapshotNames.TextExtension, SnapshotNames.JsonExtension })
        {
            string verifiedFile = Path.Combine(directory, baseName + SnapshotNames.VerifiedMarker + extension);
            (string? verified, string? problem) = await SnapshotFileSystem.ReadVerifiedAsync(verifiedFile, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return new SnapshotResult(SnapshotOutcome.InvalidVerifiedFile, verifiedFile, null, problem);
            }

            if (verified is null)
            {
                continue;
            }

            if (prompt.ComparePrompt(verified, extension) != SnapshotPromptMatch.Differs)
            {
                return new SnapshotResult(SnapshotOutcome.PromptMatched, verifiedFile, null, $"The prompt matches {verifiedFile}. {NothingWritten}");
            }

            string diff = prompt.PromptDiff(verified, extension);
            string message = $"Snapshot mismatch: the prompt changed.\nVerified: {verifiedFile}\n{NothingWritten} Once the row runs, the whole snapshot can be accepted.\n{diff}";
            return new SnapshotResult(SnapshotOutcome.Mismatched, verifiedFile, null, message.TrimEnd('\n'))
            {
                Diff = diff,
                PromptChanged = true,
            };
        }

        string missing = Path.Combine(directory, baseName + SnapshotNames.VerifiedMarker + SnapshotNames.TextExtension);
        return new SnapshotResult(SnapshotOutcome.NotCompared, missing, null, $"No verified snapshot {missing} (nor .json) to compare the prompt with. {NothingWritten} The snapshot is taken once the row runs.");
    }

    private static string Describe(SnapshotDocument received, string verified) =>
        !received.IsRow ? "the content changed."
        : received.ComparePrompt(verified, received.Extension) switch
        {
            SnapshotPromptMatch.Differs => "the prompt changed.",
            SnapshotPromptMatch.SameWithoutOutput when received.HasOutput =>
                "the verified file has no output section (the prompt is the same): it was written with Output = PromptOnly, or by a run whose eval method failed.",
            SnapshotPromptMatch.SameWithOutput when !received.HasOutput =>
                "the snapshot is of the prompt only (Output = PromptOnly) but the verified file has an output section (the prompt is the same).",
            _ => "the output changed (the prompt is the same).",
        };

    private void AppendHowToAccept(StringBuilder message, string baseName, string verifiedFile)
    {
        if (BuildServerVariable is not null)
        {
            message.Append("On a build server (").Append(BuildServerVariable).Append(" is set) snapshots are only verified: accept them on a developer machine and commit the .verified. files.\n");
            return;
        }

        message.Append("If this is right, accept it: rename the .received. file to ").Append(Path.GetFileName(verifiedFile))
            .Append(", or run `evalspec accept --filter ").Append(baseName)
            .Append("`, or run the tests with EVALSPEC_SNAPSHOTS=accept (`EVALSPEC_SNAPSHOTS=accept dotnet test ...`; PowerShell: `$env:EVALSPEC_SNAPSHOTS='accept'; dotnet test ...`).\n");
    }

    private static void Accept(string verifiedFile, string receivedFile, string otherVerifiedFile, string otherReceivedFile, SnapshotDocument received)
    {
        SnapshotFileSystem.WriteAtomic(verifiedFile, received.Content);
        SnapshotFileSystem.DeleteIfExists(otherVerifiedFile);
        DeleteReceived(receivedFile, otherReceivedFile);
    }

    private static void DeleteReceived(string receivedFile, string otherReceivedFile)
    {
        SnapshotFileSystem.DeleteIfExists(receivedFile);
        SnapshotFileSystem.DeleteIfExists(otherReceivedFile);
    }
}
