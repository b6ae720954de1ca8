using Approvals.Identity;

namespace Approvals.Tests.Identity;

public class ProjectCodeTests
{
    [Fact]
    public void Standard_example_is_read_segment_by_segment()
    {
        var code = ProjectCode.Parse("2606-451323-04-01-451872");
        Assert.Equal(2026, code.Year);
        Assert.Equal(6, code.Month);
        Assert.Equal("451323", code.Region);
        Assert.Equal("04", code.Department);
        Assert.Equal("01", code.ProjectType);
        Assert.Equal("451872", code.Serial);
    }

    [Fact]
    public void Check_digit_is_not_judged()
    {
        Assert.True(ProjectCode.TryParse("2606-451323-04-01-451870", out _, out _));
        Assert.True(ProjectCode.TryParse("2606-451323-04-01-451879", out _, out _));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("2606-451323-04-01-45187", "24 characters")]
    [InlineData("2606-451323-04-01451872-", "project type segment")]
    [InlineData("2606_451323-04-01-451872", "5 hyphen-joined segments")]
    [InlineData("26064-51323-04-01-451872", "year-month segment")]
    [InlineData("2606-45132A-04-01-451872", "region segment")]
    [InlineData("2606-451323-0X-01-451872", "department segment")]
    [InlineData("2613-451323-04-01-451872", "month 13")]
    [InlineData("2600-451323-04-01-451872", "month 00")]
    [InlineData("1012-451323-04-01-451872", "before project codes")]
    public void Malformed_codes_are_refused_with_the_reason(string text, string reasonContains)
    {
        Assert.False(ProjectCode.TryParse(text, out _, out var error));
        Assert.Contains(reasonContains, error, StringComparison.Ordinal);
    }
}
