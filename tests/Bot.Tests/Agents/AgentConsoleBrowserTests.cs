using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Agents.HandOff;

namespace VssBot.Bot.Tests.Agents;

/// <summary>The console in headless Chromium against the real host on Kestrel (127.0.0.1, a free port).</summary>
public sealed class AgentConsoleBrowserTests
{
    /// <summary>Starts the host on Kestrel (127.0.0.1, a free port) and returns its base address.</summary>
    internal static string StartOnKestrel(AgentsHost host)
    {
        host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        return host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    [Fact]
    public async Task An_agent_signs_in_sees_the_student_who_asked_for_a_person_takes_over_replies_and_hands_back()
    {
        await using var host = new AgentsHost();
        var baseUrl = StartOnKestrel(host);
        var student = new TestStudent(host.CreateClient(), "browser-1");
        await student.SayAsync("xin chào");
        await student.SayAsync("gặp nhân viên");

        await using var browser = await WebDriver.StartAsync();
        await browser.SignInAsync(baseUrl + "/agents", "an", AgentsHost.Password);

        var item = $".item[data-key=\"{student.Key}\"]";
        await browser.WaitForTextAsync(item, "Sinh viên muốn gặp nhân viên");
        await browser.ClickAsync(item);
        await browser.ClickAsync("#claim");
        await browser.FindAsync("#handback");
        await browser.TypeAsync("#reply", "Chào bạn, mình hướng dẫn bạn cài VssID nhé.");
        await browser.ClickAsync("#send");
        await browser.WaitForTextAsync("#transcript", "Chào bạn, mình hướng dẫn bạn cài VssID nhé.");

        // The student writes while the agent holds the conversation: it appears without reloading (server-sent events).
        Assert.Empty(await student.SayAsync("cảm ơn anh"));
        await browser.WaitForTextAsync("#transcript", "cảm ơn anh");

        await browser.ClickAsync("#handback");
        await browser.FindAsync("#claim");
        var sent = host.Channel.TextsTo("browser-1");
        Assert.Equal([HandOffService.TakenOverNotice, "Chào bạn, mình hướng dẫn bạn cài VssID nhé.", HandOffService.HandedBackNotice,
            "Bạn đã cài ứng dụng VssID trên điện thoại chưa?"], sent);
    }
}
