using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Agents.HandOff;

namespace VssBot.Bot.Tests.Agents;

/// <summary>The console in headless Chromium against the real host on Kestrel (127.0.0.1, a free port).</summary>
public sealed class AgentConsoleBrowserTests
{
    [Fact]
    public async Task An_agent_signs_in_sees_the_student_who_asked_for_a_person_takes_over_replies_and_hands_back()
    {
        await using var host = new AgentsHost();
        host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var baseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var student = new TestStudent(host.CreateClient(), "browser-1");
        await student.SayAsync("xin chào");
        await student.SayAsync("gặp nhân viên");

        await using var browser = await WebDriver.StartAsync();
        await browser.GoToAsync(baseUrl + "/agents");
        Assert.Contains("/agents/login", await browser.UrlAsync());
        await browser.TypeAsync("#userName", "an");
        await browser.TypeAsync("#password", AgentsHost.Password);
        await browser.ClickAsync("#signIn");

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
