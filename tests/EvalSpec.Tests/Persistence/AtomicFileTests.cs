using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EvalSpec.Persistence;
using EvalSpec.Tests.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Persistence;

/// <summary>Writes of committed files: whole or not at all, no debris, and a cross-process lock that serialises writers.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_write_replaces_the_file_and_leaves_nothing_else()
    {
        string path = _folder.Combine("a.recordings.json");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, Encoding.UTF8.GetBytes("new"));

        File.ReadAllText(path).Should().Be("new");
        Directory.GetFiles(_folder.Path).Should().Equal(path);
    }

    [Fact]
    public void The_temporary_name_is_hidden_and_has_no_marker_of_a_committed_file()
    {
        string name = Path.GetFileName(AtomicFile.TemporaryPathFor(_folder.Combine("Evals.M.c.v.identity.verified.txt")));

        name.Should().StartWith(".").And.EndWith(AtomicFile.TemporarySuffix);
        name.Should().NotContain(".verified.").And.NotContain(".received.").And.NotContain(".recordings.json").And.NotContain(".baseline.json");
    }

    [Fact]
    public void An_abandoned_temporary_file_is_deleted_but_one_a_writer_has_open_is_kept()
    {
        string abandoned = AtomicFile.TemporaryPathFor(_folder.Combine("evalspec.baseline.json"));
        File.WriteAllText(abandoned, "{ \"format\": 2, \"ro");
        string inUse = AtomicFile.TemporaryPathFor(_folder.Combine("x.verified.txt"));
        using (var writer = new FileStream(inUse, FileMode.CreateNew, FileAccess.Write, FileShare.Delete))
        {
            string[] deleted = AtomicFile.DeleteAbandoned(_folder.Path);

            deleted.Should().Equal(abandoned);
            File.Exists(inUse).Should().BeTrue("a writer is still writing it");
        }

        AtomicFile.DeleteAbandoned(_folder.Path).Should().Equal(inUse);
    }

    [Fact]
    public void An_unchanged_file_is_not_rewritten()
    {
        string path = _folder.Combine("a.json");
        AtomicFile.WriteIfChanged(path, "{}"u8).Should().BeTrue();
        DateTime written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddHours(-1));

        AtomicFile.WriteIfChanged(path, "{}"u8).Should().BeFalse();

        File.GetLastWriteTimeUtc(path).Should().Be(written.AddHours(-1));
    }

    [Fact]
    public async Task The_lock_admits_one_holder_at_a_time_and_the_next_gets_it_when_it_is_released()
    {
        string path = _folder.Combine("evalspec.baseline.json");
        var order = new List<string>();
        IDisposable first = CrossProcessFileLock.Acquire(path);
        Task second = Task.Run(() =>
        {
            using (CrossProcessFileLock.Acquire(path))
            {
                lock (order)
                {
                    order.Add("second");
                }
            }
        });

        await Task.Delay(300);
        lock (order)
        {
            order.Add("first releases");
        }

        first.Dispose();
        await second.WaitAsync(TimeSpan.FromSeconds(60));

        order.Should().Equal("first releases", "second");
    }

    [Fact]
    public void A_lock_held_past_the_timeout_is_an_error_naming_the_file_and_the_lock()
    {
        string path = _folder.Combine("evalspec.baseline.json");
        using IDisposable held = CrossProcessFileLock.Acquire(path);

        Action act = () => CrossProcessFileLock.Acquire(path, TimeSpan.FromMilliseconds(100)).Dispose();

        act.Should().Throw<IOException>().WithMessage($"*{path}*{CrossProcessFileLock.LockPathFor(Path.GetFullPath(path))}*");
    }
}
