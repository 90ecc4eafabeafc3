using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Declarations.Registry;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Tests.Security;

/// <summary>Issue 10, rows 1 and 12: the registry always needs a key; Production refuses development keys and the development admin.</summary>
public sealed class SecureDefaultsTests
{
    private const string Registry = "/registry/v1/declarations";

    [Fact]
    public async Task The_registry_refuses_anonymous_callers_with_the_embedded_defaults_and_accepts_the_generated_key()
    {
        using var factory = new VssBotFactory();
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Registry)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Registry}/any")).StatusCode);
        var status = await anonymous.PostAsJsonAsync($"{Registry}/any/status", new { status = "rejected", reason = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
        Assert.Equal("application/problem+json", status.Content.Headers.ContentType?.MediaType);

        var key = factory.Services.GetRequiredService<RegistryApiKey>();
        Assert.True(key.IsGenerated);
        var file = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, RegistryApiKey.DevelopmentFileName);
        Assert.Equal(key.Value, File.ReadAllText(file).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateRegistryClient().GetAsync(Registry)).StatusCode);
    }

    [Fact]
    public async Task Production_with_the_defaults_refuses_to_start_naming_every_key_and_creates_no_development_admin_or_key()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vssbot-tests", Guid.NewGuid().ToString("N"));
        using var factory = new VssBotFactory(Path.Combine(folder, "bot.db")) { EnvironmentName = "Production" };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = error.ToString();
        foreach (var key in new[] { "DataProtection:Key", "DeclarationApi:ApiKey", "DirectLine:SigningKey", "Printing:PublicBaseUrl", "Agents:Users" })
            Assert.Contains(key, message);
        Assert.False(File.Exists(Path.Combine(folder, AgentAccounts.DevelopmentFileName)));
        Assert.False(File.Exists(Path.Combine(folder, DevelopmentKeyFile.FileName)));
        Assert.False(File.Exists(Path.Combine(folder, RegistryApiKey.DevelopmentFileName)));
    }

    [Fact]
    public async Task Production_with_every_key_and_an_account_starts_and_its_registry_requires_the_configured_key()
    {
        using var factory = new VssBotFactory(null, ProductionSettings()) { EnvironmentName = "Production" };
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Registry)).StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", ProductionSettings()["DeclarationApi:ApiKey"]);
        Assert.Empty((await client.GetFromJsonAsync<List<Declaration>>(Registry, VssBot.Bot.Declarations.DeclarationDatabase.Json))!);
        Assert.False(factory.Services.GetRequiredService<RegistryApiKey>().IsGenerated);
    }

    /// <summary>What a Production deployment sets (README, manifests/README.md).</summary>
    internal static Dictionary<string, string?> ProductionSettings() => new()
    {
        ["DataProtection:Key"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        ["DeclarationApi:ApiKey"] = "registry-key-of-the-school-0123456789",
        ["DirectLine:SigningKey"] = Convert.ToBase64String(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray()),
        ["Printing:PublicBaseUrl"] = "https://vssbot.example.edu.vn",
        ["Agents:Users:0:UserName"] = "lan",
        ["Agents:Users:0:PasswordHash"] = AgentAccounts.Hash("mật-khẩu-của-lan"),
        ["Agents:Users:0:Role"] = "admin",
    };
}
