using Microsoft.Extensions.DependencyInjection;
using VssBot.Dialogs.Conversation;

namespace VssBot.Dialogs.Tests.Conversation;

/// <summary>The conversation's side of "never lost, never doubled": it hands the host one stable key per declaration.</summary>
public class DeclarationRecordingTests
{
    private sealed class RecordingSpy : IDeclarationRecorder
    {
        public List<ConfirmedDeclaration> Calls { get; } = [];
        public Task<RecordedDeclaration> RecordAsync(ConfirmedDeclaration declaration, CancellationToken cancellationToken)
        {
            Calls.Add(declaration);
            return Task.FromResult(new RecordedDeclaration($"VSS-TEST-{Calls.Count}"));
        }
    }

    [Fact]
    public async Task Ghi_nhan_records_the_declaration_before_telling_the_student_and_a_redeclaration_gets_a_new_key()
    {
        var spy = new RecordingSpy();
        var harness = new StudentBotHarness();
        harness.Restart(s => s.AddSingleton<IDeclarationRecorder>(spy));
        await harness.SeedAsync(null);

        await harness.SendAsync("tiếp tục");
        var replies = await harness.SendAsync("Ghi nhận");

        var call = Assert.Single(spy.Calls);
        Assert.Equal(new StudentKey("test", "student-1"), call.StudentKey);
        Assert.Equal(13, call.Answers.Count);
        Assert.Equal("+84983847986", call.Answers["phone"].Value);
        Assert.Equal("test-conversation", call.Conversation.Conversation.Id);
        Assert.Contains(replies, r => r.Text?.Contains("Mã biên nhận: VSS-TEST-1.") == true);
        Assert.Equal("VSS-TEST-1", (await harness.ProfileAsync()).Journey.ReceiptNumber);

        // "Ghi nhận" delivered again: the journey is already declared, nothing is recorded twice.
        await harness.SendAsync("Ghi nhận");
        Assert.Single(spy.Calls);

        harness.Clock.Advance(TimeSpan.FromDays(11));
        await harness.SendAsync("chào");
        await harness.SendAsync("Kê khai lại");
        await harness.SendAsync("hôm nay");
        await harness.SendAsync("đồng ý");
        await harness.SendAsync("Ghi nhận");
        Assert.Equal(2, spy.Calls.Count);
        Assert.NotEqual(spy.Calls[0].IdempotencyKey, spy.Calls[1].IdempotencyKey);
    }
}
