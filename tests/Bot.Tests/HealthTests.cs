using Microsoft.AspNetCore.Mvc.Testing;

namespace VssBot.Bot.Tests;

public class HealthTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Health_endpoint_answers_ok()
    {
        var response = await factory.CreateClient().GetStringAsync("/health");
        Assert.Equal("ok", response);
    }
}
