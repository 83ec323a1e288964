using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KycOcr.LocalHost.Tests;

/// <summary>The local host's engine settings, bound from configuration and checked before the engine starts.</summary>
public sealed class LocalHostOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = Bind([]);

        Assert.Same(options, OptionsCheck.Validated(options));
        Assert.Equal(("kycocr", 90.0, 32), (options.TaskHubName, options.WorkItemVisibilitySeconds, options.MaxConcurrentActivities));
    }

    [Theory]
    [InlineData("MAX_CONCURRENT_ACTIVITIES", "1", true)]
    [InlineData("MAX_CONCURRENT_ACTIVITIES", "0", false)]
    [InlineData("TASK_HUB_NAME", "kycocr2", true)]
    [InlineData("TASK_HUB_NAME", "2kycocr", false)]
    [InlineData("WORK_ITEM_VISIBILITY_SECONDS", "66", true)]
    [InlineData("WORK_ITEM_VISIBILITY_SECONDS", "65", false)] // must exceed the model time-out (60 s) by more than 5 s
    public void Each_setting_is_held_to_its_range(string name, string value, bool valid)
    {
        var options = Bind(new() { [name] = value });

        if (valid)
            OptionsCheck.Validated(options);
        else
            Assert.Throws<OptionsValidationException>(() => OptionsCheck.Validated(options));
    }

    private static LocalHostOptions Bind(Dictionary<string, string?> values)
    {
        var options = new LocalHostOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(options);
        return options;
    }
}
