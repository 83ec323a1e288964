using System.Text.RegularExpressions;
using KycOcr.Core.Jobs;
using KycOcr.TestSupport;

namespace KycOcr.Core.Tests.Jobs;

public sealed partial class JobOutcomeStatusTests
{
    private const string StatusSection = "### `GET /id?task_id=<id>`";

    [Fact]
    public void The_readmes_status_table_for_an_ended_job_is_the_one_the_service_answers_from()
    {
        var documented = DocumentedCodes(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md")));

        Assert.Equal(
            JobOutcomeStatus.ByCode.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"),
            documented.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => $"{c.Status} {c.Code}"));
    }

    [Fact]
    public void The_openapi_description_of_get_id_lists_the_same_codes_under_the_same_statuses()
    {
        using var description = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "KycOcr.Core", "Http", "openapi.json")));
        var responses = description.RootElement.GetProperty("paths").GetProperty("/id").GetProperty("get").GetProperty("responses");

        foreach (var status in new[] { JobOutcomeStatus.Rejected, JobOutcomeStatus.Failed })
        {
            var text = responses.GetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("description").GetString()!;
            Assert.Equal(
                JobOutcomeStatus.ByCode.Where(c => c.Value == status).Select(c => c.Key).Order(StringComparer.Ordinal),
                text.Split(", ").Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_code_outside_the_table_is_the_services_fault() =>
        Assert.Equal(JobOutcomeStatus.Failed, JobOutcomeStatus.Of("a_code_no_stage_writes"));

    /// <summary>The codes in the 422 and 500 rows of the <c>GET /id</c> table.</summary>
    private static List<(int Status, string Code)> DocumentedCodes(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.TrimEnd() == StatusSection);
        Assert.True(start >= 0, $"README.md has no '{StatusSection}' section");
        var codes = new List<(int, string)>();
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#')))
        {
            var row = EndedRow().Match(line);
            if (!row.Success)
                continue;
            var status = int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            codes.AddRange(Code().Matches(row.Groups[2].Value).Select(m => (status, m.Groups[1].Value)));
        }
        return codes;
    }

    [GeneratedRegex(@"^\|\s*(422|500)\s*\|([^|]*)\|")]
    private static partial Regex EndedRow();

    [GeneratedRegex(@"`([a-z_]+)`")]
    private static partial Regex Code();
}
