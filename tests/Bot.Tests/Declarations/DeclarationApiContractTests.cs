using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>declaration-api.openapi.yaml and the endpoints the registry maps cannot drift apart.</summary>
public sealed class DeclarationApiContractTests
{
    [Fact]
    public void The_openapi_file_parses_as_yaml_and_lists_exactly_the_endpoints_the_registry_maps()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Declarations", "declaration-api.openapi.yaml")))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.StartsWith("3.0", ((YamlScalarNode)root["openapi"]).Value);
        var documented = ((YamlMappingNode)root["paths"]).Children
            .SelectMany(path => ((YamlMappingNode)path.Value).Children.Select(op => $"{((YamlScalarNode)op.Key).Value!.ToUpperInvariant()} {((YamlScalarNode)path.Key).Value}"))
            .Order().ToList();

        using var factory = new VssBotFactory();
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/registry", StringComparison.Ordinal))
            .Where(e => e.RoutePattern.RawText != VssBot.Bot.Declarations.Registry.RegistryApiDocs.SpecPath) // the contract itself
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order().ToList();

        Assert.Equal(4, mapped.Count);
        Assert.Equal(mapped, documented);
    }
}
