using System;
using System.Collections.Generic;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Tests.Judging;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// The run options a panel and an unjudged rubric depend on, bound from configuration as <c>evalspec.json</c> and
/// <c>EVALSPEC_</c> variables give them: the rubric panel's quorum and <see cref="EvalOptions.UnjudgedRubric"/>.
/// </summary>
public sealed class RunOptionsTests
{
    private static EvalOptions Bind(params (string Key, string? Value)[] values)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? value) in values)
        {
            data[key] = value;
        }

        return EvalRunHost.BindOptions(new ConfigurationBuilder().AddInMemoryCollection(data).Build());
    }

    private static IJudge[] Judges(int count)
    {
        var judges = new IJudge[count];
        for (int i = 0; i < count; i++)
        {
            judges[i] = StubJudge.Passing("judge-" + i);
        }

        return judges;
    }

    [Fact]
    public void The_quorum_is_unset_by_default_so_the_rubric_panel_needs_a_strict_majority()
    {
        EvalOptions options = Bind();

        options.Quorum.Should().BeNull();
        EvalRunHost.CreatePanel("rubric", Judges(3), options, options.Quorum, earlyStop: false)!.Quorum.Should().Be(2);
    }

    [Theory]
    [InlineData("majority")]
    [InlineData(" Majority ")]
    [InlineData("MAJORITY")]
    public void Majority_asks_for_the_default_quorum_by_name(string value)
    {
        Bind(("Quorum", value)).Quorum.Should().BeNull();
    }

    [Fact]
    public void An_explicit_quorum_is_kept()
    {
        EvalOptions options = Bind(("Quorum", "1"));

        options.Quorum.Should().Be(1);
        EvalRunHost.CreatePanel("rubric", Judges(3), options, options.Quorum, earlyStop: false)!.Quorum.Should().Be(1);
    }

    [Theory]
    [InlineData("two")]
    [InlineData("1.5")]
    [InlineData("most")]
    public void A_quorum_that_is_neither_a_number_nor_majority_is_a_clear_error(string value)
    {
        Action bind = () => Bind(("Quorum", value));

        bind.Should().Throw<EvalConfigurationException>()
            .WithMessage($"*Quorum '{value.Trim()}'*EVALSPEC_QUORUM*evalspec.json*majority*");
    }

    [Fact]
    public void A_quorum_larger_than_the_rubric_panel_is_a_configuration_error_naming_the_setting()
    {
        EvalOptions options = Bind(("Quorum", "4"));

        Action create = () => EvalRunHost.CreatePanel("rubric", Judges(3), options, options.Quorum, earlyStop: false);

        create.Should().Throw<EvalConfigurationException>()
            .WithMessage("Quorum is 4 but the rubric panel has 3 judge(s) (judge-0, judge-1, judge-2)*EVALSPEC_QUORUM*between 1 and 3*strict majority (2 of 3)*");
    }

    [Fact]
    public void A_quorum_below_one_is_a_configuration_error()
    {
        EvalOptions options = Bind(("Quorum", "0"));

        Action validate = options.Validate;

        validate.Should().Throw<EvalConfigurationException>().WithMessage("Quorum must be at least 1 (got 0)*EVALSPEC_QUORUM*");
    }

    [Fact]
    public void Relation_panels_need_a_strict_majority_whatever_the_rubric_quorum()
    {
        EvalOptions options = Bind(("Quorum", "1"));

        JudgePanel invariance = EvalRunHost.CreatePanel("invariance", Judges(3), options, quorum: null, earlyStop: false)!;

        invariance.Quorum.Should().Be(2);
    }

    [Theory]
    [InlineData("auto", UnjudgedRubricMode.Auto)]
    [InlineData("ignore", UnjudgedRubricMode.Ignore)]
    [InlineData("IGNORE", UnjudgedRubricMode.Ignore)]
    [InlineData("inconclusive", UnjudgedRubricMode.Inconclusive)]
    public void UnjudgedRubric_binds_its_documented_values(string value, UnjudgedRubricMode mode)
    {
        Bind(("UnjudgedRubric", value)).UnjudgedRubric.Should().Be(mode);
    }

    [Fact]
    public void UnjudgedRubric_is_auto_by_default()
    {
        Bind().UnjudgedRubric.Should().Be(UnjudgedRubricMode.Auto);
    }

    [Theory]
    [InlineData("ignored")]
    [InlineData("off")]
    [InlineData("yes please")]
    public void An_unknown_UnjudgedRubric_value_is_a_clear_error_listing_the_values(string value)
    {
        // As a run reads it: the configuration is checked before the options are bound.
        string missingFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), System.Guid.NewGuid().ToString("n"), "evalspec.json");
        Action bind = () => EvalConfiguration.Load(missingFile, new System.Collections.Hashtable { ["EVALSPEC_UNJUDGEDRUBRIC"] = value });

        bind.Should().Throw<EvalConfigurationException>()
            .WithMessage($"*EVALSPEC_UNJUDGEDRUBRIC={value} is not a valid value: use one of Auto, Ignore, Inconclusive*");
    }

    [Fact]
    public void A_numeric_UnjudgedRubric_value_outside_the_modes_is_a_clear_error()
    {
        EvalOptions options = Bind(("UnjudgedRubric", "7"));

        Action validate = options.Validate;

        validate.Should().Throw<EvalConfigurationException>().WithMessage("UnjudgedRubric '7' is not valid*auto*ignore*inconclusive*");
    }

    [Fact]
    public void Locally_an_unjudged_rubric_is_noted_and_the_row_decides_on_its_other_checks()
    {
        UnjudgedRubric.Check(UnjudgedRubricMode.Auto, buildServerVariable: null).Should().BeNull();
        UnjudgedRubric.Note(UnjudgedRubricMode.Auto).Should().StartWith("rubric not checked: no rubric judge registered");
    }

    [Fact]
    public void On_a_build_server_an_unjudged_rubric_makes_the_row_inconclusive_naming_the_variable_and_the_way_out()
    {
        PanelVerdict check = UnjudgedRubric.Check(UnjudgedRubricMode.Auto, buildServerVariable: "GITHUB_ACTIONS")!;

        check.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        check.Panel.Should().Be("rubric coverage", "not the name of the rubric panel, which may be on the same row");
        check.Rationale.Should().StartWith("rubric not checked: no rubric judge registered")
            .And.Contain("GITHUB_ACTIONS is set")
            .And.Contain("setup.AddRubricJudge")
            .And.Contain("EVALSPEC_UNJUDGEDRUBRIC=ignore");
    }

    [Fact]
    public void Ignore_decides_unjudged_rows_by_their_other_checks_even_on_a_build_server()
    {
        UnjudgedRubric.Check(UnjudgedRubricMode.Ignore, buildServerVariable: "CI").Should().BeNull();
        UnjudgedRubric.Note(UnjudgedRubricMode.Ignore).Should().Contain("rubric not checked: no rubric judge registered").And.Contain("ignore");
    }

    [Fact]
    public void Inconclusive_makes_unjudged_rows_inconclusive_on_a_developer_machine_too()
    {
        UnjudgedRubric.Check(UnjudgedRubricMode.Inconclusive, buildServerVariable: null)!.Outcome.Should().Be(VerdictOutcome.Inconclusive);
    }
}
