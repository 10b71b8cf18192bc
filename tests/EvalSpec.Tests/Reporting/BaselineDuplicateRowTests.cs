using System;
using System.IO;
using EvalSpec.Reporting;
using EvalSpec.Tests.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

/// <summary>
/// Found by a hostile review, and fixed: before, a baseline with two entries for one row (a merge conflict resolved by
/// keeping both sides, the case issue 11 fixed for recordings) is read silently, the last entry winning. When the last
/// one records the row as a failure, a row main records as passing becomes a known failure: its failure is excused.
/// </summary>
public sealed class BaselineDuplicateRowTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_baseline_with_two_entries_for_one_row_is_refused_naming_the_row()
    {
        const string Row = "Shop.RefundEvals.RefundWindow/laptop/formal/identity";
        string path = _folder.Combine(Baseline.FileName);
        File.WriteAllText(path, $$"""
            {
              "format": 3,
              "methods": {},
              "rows": {
                "{{Row}}": { "outcome": "pass", "score": 1 },
                "{{Row}}": { "outcome": "fail", "reason": "expected-answer: wrong", "kind": "checks: expected-answer", "evidence": "60 days", "evidenceHash": "0123456789abcdef", "score": 0 }
              }
            }
            """);

        Action load = () => Baseline.Load(path);

        load.Should().Throw<Exception>("two entries for {0} are a bad merge, like two recordings with one key", Row).Which.Message.Should().Contain(Row);
    }
}
