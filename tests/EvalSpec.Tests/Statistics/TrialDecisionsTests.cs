using System;
using System.Linq;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class TrialDecisionsTests
{
    // 7 passes, 3 failures.
    private static readonly bool[] SevenOfTen = { true, true, false, true, true, false, true, true, false, true };

    [Fact]
    public void The_summary_reports_counts_and_the_Wilson_lower_bound_to_two_decimals()
    {
        // Wilson 95% for 7/10: lower bound 0.3968 (see WilsonIntervalTests) → "0.40".
        TrialRuleResult result = TrialDecisions.PassRateAtLeast(SevenOfTen, 0.7);

        result.Summary.Should().Be("7/10 passed (Wilson 95% LB 0.40)");
        result.Wilson.Lower.Should().BeApproximately(0.3968, 5e-5);
    }

    [Fact]
    public void A_pass_rate_equal_to_the_required_rate_meets_the_rule()
    {
        TrialDecisions.PassRateAtLeast(SevenOfTen, 0.7).Passed.Should().BeTrue();
    }

    [Fact]
    public void A_pass_rate_below_the_required_rate_does_not_meet_the_rule()
    {
        TrialDecisions.PassRateAtLeast(SevenOfTen, 0.75).Passed.Should().BeFalse();
    }

    [Fact]
    public void The_description_names_the_rule_its_outcome_and_the_summary()
    {
        TrialDecisions.PassRateAtLeast(SevenOfTen, 0.75).ToString()
            .Should().Be("pass rate >= 0.75: not met; 7/10 passed (Wilson 95% LB 0.40)");
    }

    [Fact]
    public void The_summary_is_formatted_with_the_invariant_culture()
    {
        using var culture = new CultureScope("de-DE");

        TrialDecisions.PassRateAtLeast(SevenOfTen, 0.5).ToString()
            .Should().Be("pass rate >= 0.5: met; 7/10 passed (Wilson 95% LB 0.40)");
    }

    [Fact]
    public void The_summary_names_the_confidence_level_used()
    {
        // Wilson 99% for 7/10: lower bound 0.3200 (z = 2.575829).
        TrialDecisions.PassRateAtLeast(SevenOfTen, 0.5, confidence: 0.99).Summary.Should().Be("7/10 passed (Wilson 99% LB 0.32)");
    }

    [Fact]
    public void The_same_pass_rate_from_more_trials_reports_a_higher_lower_bound()
    {
        // 3/3: z²/n = 1.28 → lower = (1 + 0.640) / 2.280 − (z / 2.280) × sqrt(z²/36) = 0.7193 − 0.2807 = 0.4385 → "0.44".
        // 300/300: lower = 0.9874 → "0.99". Both have pass rate 1 and meet "pass rate >= 0.9".
        TrialRuleResult few = TrialDecisions.PassRateAtLeast(Enumerable.Repeat(true, 3), 0.9);
        TrialRuleResult many = TrialDecisions.PassRateAtLeast(Enumerable.Repeat(true, 300), 0.9);

        few.Summary.Should().Be("3/3 passed (Wilson 95% LB 0.44)");
        many.Summary.Should().Be("300/300 passed (Wilson 95% LB 0.99)");
    }

    [Fact]
    public void Pass_at_k_is_met_when_a_single_trial_passes()
    {
        TrialRuleResult result = TrialDecisions.PassAtK(new[] { false, false, true, false });

        result.Passed.Should().BeTrue();
        result.Rule.Should().Be("pass@4");
    }

    [Fact]
    public void Pass_at_k_is_not_met_when_no_trial_passes()
    {
        TrialDecisions.PassAtK(new[] { false, false, false }).Passed.Should().BeFalse();
    }

    [Fact]
    public void Pass_hat_k_is_met_only_when_every_trial_passes()
    {
        TrialDecisions.PassHatK(new[] { true, true, true }).Passed.Should().BeTrue();
        TrialDecisions.PassHatK(new[] { true, false, true }).Passed.Should().BeFalse();
    }

    [Fact]
    public void Pass_hat_k_names_the_number_of_trials()
    {
        TrialDecisions.PassHatK(SevenOfTen).ToString().Should().Be("pass^10: not met; 7/10 passed (Wilson 95% LB 0.40)");
    }

    [Fact]
    public void A_rule_over_no_trials_is_rejected()
    {
        FluentActions.Invoking(() => TrialDecisions.PassAtK(Array.Empty<bool>())).Should().Throw<ArgumentException>().WithMessage("*at least one trial*");
    }

    [Fact]
    public void The_pass_at_k_estimator_matches_a_hand_computed_case()
    {
        // n = 10, c = 3, k = 2: 1 − C(7,2)/C(10,2) = 1 − 21/45 = 24/45 = 0.5333…
        // Product form: 1 − (1 − 2/8)(1 − 2/9)(1 − 2/10) = 1 − 0.75 × 0.7778 × 0.8 = 1 − 0.4667 = 0.5333.
        TrialDecisions.EstimatePassAtK(10, 3, 2).Should().BeApproximately(24.0 / 45, 1e-12);
    }

    [Fact]
    public void The_pass_hat_k_estimator_matches_a_hand_computed_case()
    {
        // n = 10, c = 3, k = 2: C(3,2)/C(10,2) = 3/45 = 0.0667; product form (3/10)(2/9) = 6/90.
        TrialDecisions.EstimatePassHatK(10, 3, 2).Should().BeApproximately(3.0 / 45, 1e-12);
    }

    [Fact]
    public void Both_estimators_equal_brute_force_enumeration_of_every_k_subset()
    {
        // For every n ≤ 7, c ≤ n, 1 ≤ k ≤ n: list all C(n, k) ways to pick k of the n samples (the first c correct) and count
        // the picks with at least one correct (pass@k) and with only correct ones (pass^k).
        for (int n = 1; n <= 7; n++)
        {
            for (int c = 0; c <= n; c++)
            {
                for (int k = 1; k <= n; k++)
                {
                    int subsets = 0, anyCorrect = 0, allCorrect = 0;
                    for (int mask = 0; mask < 1 << n; mask++)
                    {
                        if (PopCount(mask) != k)
                        {
                            continue;
                        }

                        int correctPicked = PopCount(mask & ((1 << c) - 1));
                        subsets++;
                        anyCorrect += correctPicked > 0 ? 1 : 0;
                        allCorrect += correctPicked == k ? 1 : 0;
                    }

                    TrialDecisions.EstimatePassAtK(n, c, k).Should().BeApproximately((double)anyCorrect / subsets, 1e-12, "pass@k for n={0}, c={1}, k={2}", n, c, k);
                    TrialDecisions.EstimatePassHatK(n, c, k).Should().BeApproximately((double)allCorrect / subsets, 1e-12, "pass^k for n={0}, c={1}, k={2}", n, c, k);
                }
            }
        }
    }

    [Fact]
    public void The_pass_at_k_estimator_stays_accurate_where_binomial_coefficients_overflow()
    {
        // C(2000, 1000) ≈ 10^600 overflows a double. With one correct sample, pass@k = 1 − C(n−1,k)/C(n,k) = 1 − (n−k)/n = k/n.
        TrialDecisions.EstimatePassAtK(2000, 1, 1000).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void The_pass_hat_k_estimator_stays_accurate_where_binomial_coefficients_overflow()
    {
        // With one wrong sample, pass^k = C(n−1,k)/C(n,k) = (n−k)/n.
        TrialDecisions.EstimatePassHatK(2000, 1999, 1000).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void The_pass_at_k_estimator_is_one_when_fewer_than_k_samples_are_wrong()
    {
        TrialDecisions.EstimatePassAtK(10, 8, 3).Should().Be(1.0);
    }

    [Fact]
    public void The_pass_hat_k_estimator_is_zero_when_fewer_than_k_samples_are_correct()
    {
        TrialDecisions.EstimatePassHatK(10, 2, 3).Should().Be(0.0);
    }

    [Fact]
    public void An_estimator_with_more_attempts_than_samples_is_rejected()
    {
        FluentActions.Invoking(() => TrialDecisions.EstimatePassAtK(5, 2, 6)).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static int PopCount(int value) => System.Numerics.BitOperations.PopCount((uint)value);
}
