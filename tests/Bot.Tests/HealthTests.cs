namespace VssBot.Bot.Tests;

public class HealthTests(VssBotFactory factory) : IClassFixture<VssBotFactory>
{
    [Fact]
    public async Task Health_endpoint_answers_ok()
    {
        var response = await factory.CreateClient().GetStringAsync("/health");
        Assert.Equal("ok", response);
    }
}
