using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Snapshots;

public sealed class SnapshotScrubberTests
{
    private static string Scrub(string text, SnapshotSettings? settings = null, string? projectDirectory = null) =>
        (settings ?? new SnapshotSettings()).Scrub(text, new ScrubContext(projectDirectory));

    [Fact]
    public void Guids_become_placeholders_numbered_by_first_appearance_and_the_same_guid_keeps_its_number()
    {
        string text = "user 3f2504e0-4f89-11d3-9a0c-0305e82c3301 opened {0f8fad5b-d9cb-469f-a165-70867728950e}, then 3F2504E0-4F89-11D3-9A0C-0305E82C3301 closed it";

        Scrub(text).Should().Be("user {Guid_1} opened {Guid_2}, then {Guid_1} closed it");
    }

    [Fact]
    public void Something_that_only_looks_like_part_of_a_guid_is_kept()
    {
        Scrub("build 3f2504e0-4f89-11d3-9a0c-0305e82c3301-extra").Should().Be("build 3f2504e0-4f89-11d3-9a0c-0305e82c3301-extra");
    }

    [Theory]
    [InlineData("at 2024-05-01T10:30:00Z.", "at {Timestamp_1}.")]
    [InlineData("at 2024-05-01T10:30:00.1234567+02:00 sharp", "at {Timestamp_1} sharp")]
    [InlineData("logged 2024-05-01 10:30:00", "logged {Timestamp_1}")]
    [InlineData("logged 2024/05/01 10:30", "logged {Timestamp_1}")]
    [InlineData("on 05/01/2024 10:30:00 AM", "on {Timestamp_1}")]
    [InlineData("on 01.05.2024 10:30:15", "on {Timestamp_1}")]
    [InlineData("Date: Wed, 01 May 2024 10:30:00 GMT", "Date: {Timestamp_1}")]
    public void Date_times_in_common_formats_become_timestamp_placeholders(string text, string expected)
    {
        Scrub(text).Should().Be(expected);
    }

    [Fact]
    public void A_date_alone_is_content_and_is_kept()
    {
        Scrub("The policy changed on 2024-05-01.").Should().Be("The policy changed on 2024-05-01.");
    }

    [Fact]
    public void Distinct_timestamps_get_distinct_numbers_and_a_repeated_one_its_first_number()
    {
        Scrub("2024-05-01T10:30:00Z to 2024-05-02T10:30:00Z, started 2024-05-01T10:30:00Z")
            .Should().Be("{Timestamp_1} to {Timestamp_2}, started {Timestamp_1}");
    }

    [Theory]
    [InlineData("took 123 ms", "took {Duration_1}")]
    [InlineData("took 123ms", "took {Duration_1}")]
    [InlineData("took 1.5 s", "took {Duration_1}")]
    [InlineData("took 1.5s", "took {Duration_1}")]
    [InlineData("took 2 s", "took {Duration_1}")]
    [InlineData("took 40 µs", "took {Duration_1}")]
    [InlineData("elapsed 00:00:01.234", "elapsed {Duration_1}")]
    [InlineData("elapsed 1.02:03:04.5", "elapsed {Duration_1}")]
    [InlineData("elapsed 00:05:00", "elapsed {Duration_1}")]
    public void Durations_become_placeholders(string text, string expected)
    {
        Scrub(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("Returns are accepted within 30 days.")]
    [InlineData("Please wait 30 seconds.")]
    [InlineData("Music of the 1990s")]
    [InlineData("Opening hours 10:30 to 18:00")]
    public void Spelled_out_periods_decades_and_clock_times_are_content_and_are_kept(string text)
    {
        Scrub(text).Should().Be(text);
    }

    [Theory]
    [InlineData("tokens: 123", "tokens: {TokenCount_1}")]
    [InlineData("Tokens=1,234", "Tokens={TokenCount_1}")]
    [InlineData("\"outputTokenCount\": 12,", "\"outputTokenCount\": {TokenCount_1},")]
    [InlineData("prompt_tokens=12 completion_tokens=7", "prompt_tokens={TokenCount_1} completion_tokens={TokenCount_2}")]
    [InlineData("used 123 tokens", "used {TokenCount_1} tokens")]
    [InlineData("used 98 output tokens", "used {TokenCount_1} output tokens")]
    public void Token_counts_become_placeholders_and_keep_their_label(string text, string expected)
    {
        Scrub(text).Should().Be(expected);
    }

    [Fact]
    public void Paths_under_the_project_temp_and_home_folders_become_folder_placeholders_the_longest_first()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string project = Path.Combine(home, "src", "shop");
        string temp = Path.GetTempPath();
        string text = $"read {Path.Combine(project, "faq.md")}, wrote {Path.Combine(temp, "out.txt")}, config in {Path.Combine(home, ".shop")}";

        string scrubbed = Scrub(text, projectDirectory: project);

        string sep = Path.DirectorySeparatorChar.ToString();
        scrubbed.Should().Be($"read {{ProjectDirectory}}{sep}faq.md, wrote {{TempDirectory}}{sep}out.txt, config in {{HomeDirectory}}{sep}.shop");
    }

    [Fact]
    public void A_folder_that_is_only_the_start_of_another_name_is_kept()
    {
        string project = Path.Combine(Path.GetTempPath(), "shop");

        Scrub($"see {project}-old and {project}2", projectDirectory: project)
            .Should().Be($"see {{TempDirectory}}{Path.DirectorySeparatorChar}shop-old and {{TempDirectory}}{Path.DirectorySeparatorChar}shop2");
    }

    [Fact]
    public void Settings_name_the_project_folder_over_the_default()
    {
        var settings = new SnapshotSettings { ProjectDirectory = "/repo/app" };

        Scrub("open /repo/app/faq.md", settings, projectDirectory: "/elsewhere").Should().Be("open {ProjectDirectory}/faq.md");
    }

    [Fact]
    public void A_built_in_scrubber_can_be_turned_off()
    {
        var settings = new SnapshotSettings { ScrubGuids = false, ScrubDurations = false };

        Scrub("id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 in 12 ms, tokens: 5", settings)
            .Should().Be("id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 in 12 ms, tokens: {TokenCount_1}");
    }

    [Fact]
    public void A_user_regex_scrubber_replaces_like_Regex_Replace()
    {
        SnapshotSettings settings = new SnapshotSettings().AddScrubber(new Regex(@"ticket #(\d+)"), "ticket #N($1)");

        Scrub("see ticket #42", settings).Should().Be("see ticket #N(42)");
    }

    [Fact]
    public void A_user_function_scrubber_runs_before_the_built_in_ones()
    {
        SnapshotSettings settings = new SnapshotSettings().AddScrubber(text => text.Replace("Contoso", "{Company}", StringComparison.Ordinal));

        Scrub("Contoso took 12 ms", settings).Should().Be("{Company} took {Duration_1}");
    }

    [Fact]
    public void A_user_placeholder_numbers_its_distinct_matches()
    {
        SnapshotSettings settings = new SnapshotSettings().AddPlaceholder(new Regex(@"ORD-\d+"), "OrderId");

        Scrub("ORD-123 and ORD-456, again ORD-123", settings).Should().Be("{OrderId_1} and {OrderId_2}, again {OrderId_1}");
    }

    [Fact]
    public void A_placeholder_name_must_be_letters_digits_and_underscores()
    {
        Action add = () => new SnapshotSettings().AddPlaceholder(new Regex("x"), "Order Id");

        add.Should().Throw<ArgumentException>().WithMessage("*letters, digits and underscores*");
    }

    [Fact]
    public void Numbering_is_shared_across_the_parts_of_one_row_snapshot()
    {
        var settings = new SnapshotSettings().AddPlaceholder(new Regex(@"ORD-\d+"), "OrderId");

        SnapshotDocument document = SnapshotDocument.ForRow("Status of ORD-7 and ORD-9?", "status of ORD-9", "ORD-9 shipped, ORD-7 not yet", settings);

        document.Content.Should().Be("## Prompt\nStatus of {OrderId_1} and {OrderId_2}?\n\n## Follow-up prompt\nstatus of {OrderId_2}\n\n## Output\n{OrderId_2} shipped, {OrderId_1} not yet\n");
    }

    [Fact]
    public void In_a_row_snapshot_the_built_in_volatile_value_scrubbers_apply_to_the_output_only()
    {
        const string guid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

        SnapshotDocument document = SnapshotDocument.ForRow($"Status of {guid} in at most 50 tokens?", $"status of {guid}", $"Order {guid} shipped");

        document.Content.Should().Be($"## Prompt\nStatus of {guid} in at most 50 tokens?\n\n## Follow-up prompt\nstatus of {guid}\n\n## Output\nOrder {{Guid_1}} shipped\n");
    }

    [Fact]
    public void In_json_string_values_are_scrubbed_and_token_count_numbers_become_string_placeholders()
    {
        var value = new JsonObject
        {
            ["id"] = "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            ["usage"] = new JsonObject { ["inputTokenCount"] = 120, ["outputTokenCount"] = 7, ["days"] = 30 },
        };

        SnapshotDocument document = SnapshotDocument.ForValue(value);

        document.Content.Should().Be("{\n  \"id\": \"{Guid_1}\",\n  \"usage\": {\n    \"inputTokenCount\": \"{TokenCount_1}\",\n    \"outputTokenCount\": \"{TokenCount_2}\",\n    \"days\": 30\n  }\n}\n");
        JsonNode.Parse(document.Content).Should().NotBeNull("the scrubbed document is still JSON");
    }
}
