using System.Net;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>Issue 13: the registry's OpenAPI contract and a browsable UI are served; the API itself still needs its key.</summary>
public sealed class RegistryApiDocsTests(VssBotFactory factory) : IClassFixture<VssBotFactory>
{
    [Fact]
    public async Task The_contract_and_swagger_ui_are_public_and_the_api_still_requires_the_key()
    {
        var client = factory.CreateClient();

        var spec = await client.GetAsync("/registry/v1/openapi.yaml");
        Assert.Equal(HttpStatusCode.OK, spec.StatusCode);
        var yaml = await spec.Content.ReadAsStringAsync();
        Assert.StartsWith("openapi: 3.0.3", yaml);
        Assert.Contains("/registry/v1/declarations:", yaml);

        var ui = await client.GetAsync("/registry/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("swagger-ui", await ui.Content.ReadAsStringAsync());
        var config = await client.GetStringAsync("/registry/docs/index.js");
        Assert.Contains("/registry/v1/openapi.yaml", config);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/registry/v1/declarations")).StatusCode);
    }
}
