using Microsoft.Extensions.Time.Testing;
using VssBot.Bot.Declarations;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Declarations.Registry;
using VssBot.Bot.Privacy;
using VssBot.Bot.Tests.Declarations;

namespace VssBot.Bot.Tests.Storage.Contracts;

/// <summary>
/// What the outbox and the registry must do on every provider (SQLite, PostgreSQL), run against each by a subclass:
/// idempotent recording, claims that never hand a row to two workers, leases that return a dead worker's rows,
/// one registry record per key however many instances submit it, content encrypted at rest.
/// </summary>
public abstract class DeclarationStoreContractTests : IAsyncLifetime
{
    protected readonly FakeTimeProvider Time = new(DateTimeOffset.Parse("2026-11-25T03:00:00Z"));
    protected readonly DeclarationContentCipher Cipher = new(TestKeys.Protector());

    /// <summary>Another instance's outbox on the same database.</summary>
    protected abstract IDeclarationOutbox NewOutbox();

    /// <summary>Another instance's registry on the same database.</summary>
    protected abstract IDeclarationRegistry NewRegistry();

    /// <summary>Every content_json column of <paramref name="table"/>, as stored.</summary>
    protected abstract Task<IReadOnlyList<string>> RawContentAsync(string table);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    private Task<(string ReceiptNumber, bool Created)> RecordAsync(IDeclarationOutbox outbox, string key, string user = "student-1")
    {
        var declaration = SampleDeclarations.Confirmed(key, user);
        return outbox.AddAsync(key, declaration.StudentKey.ToString(), declaration.Conversation, declaration.ConfirmedAt,
            receipt => DeclarationContentMapper.Map(declaration, receipt), Time.GetUtcNow(), default);
    }

    private static DeclarationContent Content(string key, string user = "student-1") =>
        DeclarationContentMapper.Map(SampleDeclarations.Confirmed(key, user), "VSS-" + key);

    [Fact]
    public async Task The_same_key_recorded_twice_keeps_one_row_and_one_receipt()
    {
        var outbox = NewOutbox();
        var (receipt, created) = await RecordAsync(outbox, "k-1");
        var (again, createdAgain) = await RecordAsync(NewOutbox(), "k-1");

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(receipt, again);
        var item = Assert.IsType<OutboxItem>(await outbox.GetAsync("k-1", default));
        Assert.Equal(OutboxStatus.Pending, item.Status);
        Assert.Equal("Phạm Thu Hà", item.Content.FullName);
        Assert.Null(item.Conversation.User.Name); // display names are not kept
        Assert.Equal("k-1", (await outbox.GetByReceiptAsync(receipt, default))!.IdempotencyKey);
    }

    [Fact]
    public async Task Instances_recording_the_same_key_at_once_store_one_row()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => RecordAsync(NewOutbox(), "k-race"))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.ReceiptNumber).Distinct());
    }

    [Fact]
    public async Task A_claimed_row_is_not_handed_out_again_until_its_lease_ends()
    {
        var outbox = NewOutbox();
        await RecordAsync(outbox, "k-1");
        var now = Time.GetUtcNow();

        Assert.Equal("k-1", Assert.Single(await outbox.ClaimDueAsync(now, now.AddMinutes(5), 10, default)).IdempotencyKey);
        Assert.Empty(await NewOutbox().ClaimDueAsync(now.AddMinutes(4), now.AddMinutes(9), 10, default));
        // The worker died: after the lease another instance takes the row.
        Assert.Single(await NewOutbox().ClaimDueAsync(now.AddMinutes(5), now.AddMinutes(10), 10, default));
    }

    [Fact]
    public async Task Rows_given_back_by_a_stopping_worker_are_claimable_at_once()
    {
        var outbox = NewOutbox();
        await RecordAsync(outbox, "k-1");
        await RecordAsync(outbox, "k-2", "student-2");
        var now = Time.GetUtcNow();
        Assert.Equal(2, (await outbox.ClaimDueAsync(now, now.AddMinutes(5), 10, default)).Count);

        await outbox.ReleaseAsync(["k-2"], default);

        Assert.Equal("k-2", Assert.Single(await NewOutbox().ClaimDueAsync(now, now.AddMinutes(5), 10, default)).IdempotencyKey);
    }

    [Fact]
    public async Task A_retry_releases_the_row_until_its_next_attempt()
    {
        var outbox = NewOutbox();
        await RecordAsync(outbox, "k-1");
        var now = Time.GetUtcNow();
        await outbox.ClaimDueAsync(now, now.AddMinutes(5), 10, default);

        await outbox.MarkRetryAsync("k-1", now.AddSeconds(30), "HTTP 503", default);

        Assert.Empty(await outbox.ClaimDueAsync(now.AddSeconds(29), now.AddMinutes(5), 10, default));
        var retried = Assert.Single(await outbox.ClaimDueAsync(now.AddSeconds(30), now.AddMinutes(5), 10, default));
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("HTTP 503", retried.LastError);
    }

    [Fact]
    public async Task A_sent_row_is_followed_up_until_done_and_a_rejected_one_never_again()
    {
        var outbox = NewOutbox();
        await RecordAsync(outbox, "k-sent");
        await RecordAsync(outbox, "k-invalid", "student-2");
        var now = Time.GetUtcNow();
        Assert.Equal(2, (await outbox.ClaimDueAsync(now, now.AddMinutes(5), 10, default)).Count);

        await outbox.MarkSentAsync("k-sent", "registry-1", now, default);
        await outbox.MarkRejectedAsync("k-invalid", "HTTP 400: invalid email", default);
        // Still held by the worker that sent it (it follows up right away).
        Assert.Empty(await outbox.ClaimFollowUpsAsync(now, now.AddMinutes(5), 10, default));

        await outbox.RecordFollowUpAsync("k-sent", "waiting: no profile yet", null, done: false, default);
        var pending = Assert.Single(await outbox.ClaimFollowUpsAsync(now, now.AddMinutes(5), 10, default));
        Assert.Equal(("k-sent", OutboxStatus.Sent, "registry-1"), (pending.IdempotencyKey, pending.Status, pending.RegistryId));
        Assert.Equal(now, pending.SentAt);

        await outbox.RecordFollowUpAsync("k-sent", "InstructionsSent", "sent", done: true, default);
        Assert.Empty(await outbox.ClaimFollowUpsAsync(now.AddHours(1), now.AddHours(2), 10, default));
        Assert.Empty(await outbox.ClaimDueAsync(now.AddHours(1), now.AddHours(2), 10, default));
        var done = (await outbox.GetAsync("k-sent", default))!;
        Assert.Equal(("InstructionsSent", "sent", true), (done.Journey, done.Notification, done.FollowUpDone));
        Assert.Equal(OutboxStatus.RejectedInvalid, (await outbox.GetAsync("k-invalid", default))!.Status);
    }

    [Fact]
    public async Task Retention_deletes_finished_rows_older_than_the_cutoff_and_keeps_recent_or_unfinished_ones()
    {
        var outbox = NewOutbox();
        var sweep = new RetentionSweep([new OutboxRetention(outbox)],
            Microsoft.Extensions.Options.Options.Create(new RetentionOptions { Days = 90 }), Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RetentionSweep>.Instance);
        async Task FinishAsync(string key, bool followedUp)
        {
            var now = Time.GetUtcNow();
            await outbox.ClaimDueAsync(now, now.AddMinutes(5), 10, default);
            await outbox.MarkSentAsync(key, "registry-" + key, now, default);
            await outbox.RecordFollowUpAsync(key, "InstructionsSent", "sent", done: followedUp, default);
        }
        await RecordAsync(outbox, "old-delivered", "student-1");
        await FinishAsync("old-delivered", followedUp: true);
        await RecordAsync(outbox, "old-not-followed-up", "student-2");
        await FinishAsync("old-not-followed-up", followedUp: false);
        await RecordAsync(outbox, "old-invalid", "student-3");
        await outbox.MarkRejectedAsync("old-invalid", "HTTP 400", default);
        Time.Advance(TimeSpan.FromDays(1));
        await RecordAsync(outbox, "old-pending", "student-4"); // never delivered: kept however old
        Time.Advance(TimeSpan.FromDays(88));
        await RecordAsync(outbox, "recent-delivered", "student-5");
        await FinishAsync("recent-delivered", followedUp: true);

        Time.Advance(TimeSpan.FromDays(2)); // the first three are 91 days old, the last one 2 days
        var deleted = await sweep.SweepAsync(default);

        Assert.Equal(2, deleted["outbox"]);
        foreach (var gone in new[] { "old-delivered", "old-invalid" })
            Assert.Null(await outbox.GetAsync(gone, default));
        foreach (var kept in new[] { "old-not-followed-up", "old-pending", "recent-delivered" })
            Assert.NotNull(await outbox.GetAsync(kept, default));
        Assert.Equal(0, (await sweep.SweepAsync(default))["outbox"]);
    }

    [Fact]
    public async Task Workers_claiming_together_get_every_row_exactly_once_oldest_first()
    {
        var writer = NewOutbox();
        for (var i = 0; i < 40; i++)
        {
            await RecordAsync(writer, $"k-{i:D2}", $"student-{i}");
            Time.Advance(TimeSpan.FromSeconds(1));
        }
        var now = Time.GetUtcNow();

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var outbox = NewOutbox();
            var mine = new List<OutboxItem>();
            while ((await outbox.ClaimDueAsync(now, now.AddMinutes(5), 3, default)) is { Count: > 0 } batch)
            {
                Assert.Equal(batch.OrderBy(i => i.RecordedAt), batch);
                mine.AddRange(batch);
            }
            return mine;
        })));

        var all = claims.SelectMany(c => c).Select(i => i.IdempotencyKey).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"k-{i:D2}"), all.Order());
    }

    [Fact]
    public async Task Recorded_since_lists_the_countdown_oldest_first()
    {
        var outbox = NewOutbox();
        await RecordAsync(outbox, "k-old", "student-old");
        Time.Advance(TimeSpan.FromDays(3));
        var since = Time.GetUtcNow();
        await RecordAsync(outbox, "k-new", "student-new");
        Time.Advance(TimeSpan.FromHours(1));
        await RecordAsync(outbox, "k-newer", "student-newer");

        Assert.Equal(["k-new", "k-newer"], (await outbox.RecordedSinceAsync(since, 10, default)).Select(i => i.IdempotencyKey));
    }

    [Fact]
    public async Task The_registry_keeps_one_record_per_key_whichever_instance_is_asked()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => NewRegistry().SubmitAsync("k-1", Content("k-1"), default))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Declaration.Id).Distinct());
        var listed = Assert.Single(await NewRegistry().ListAsync(null, null, null, null, default));
        Assert.Equal(("VSS-k-1", "emulator/student-1", DeclarationStatus.Submitted), (listed.ReceiptNumber, listed.StudentId, listed.Status));
        Assert.Equal("Phạm Thu Hà", listed.Content.FullName);
    }

    [Fact]
    public async Task The_registry_filters_and_records_decisions()
    {
        var registry = NewRegistry();
        var first = (await registry.SubmitAsync("k-1", Content("k-1", "a"), default)).Declaration;
        Time.Advance(TimeSpan.FromHours(1));
        var second = (await registry.SubmitAsync("k-2", Content("k-2", "b"), default)).Declaration;

        Assert.Equal([second.Id, first.Id], (await registry.ListAsync(null, null, null, null, default)).Select(d => d.Id));
        Assert.Equal([first.Id], (await registry.ListAsync("emulator/a", null, null, null, default)).Select(d => d.Id));
        Assert.Equal([second.Id], (await registry.ListAsync(null, null, second.SubmittedAt, null, default)).Select(d => d.Id));
        Assert.Equal([first.Id], (await registry.ListAsync(null, null, null, second.SubmittedAt, default)).Select(d => d.Id));

        Time.Advance(TimeSpan.FromHours(1));
        var rejected = await NewRegistry().UpdateStatusAsync(first.Id, new DeclarationStatusUpdate(DeclarationStatus.Rejected, "  Ảnh CCCD không rõ "), default);
        Assert.Equal((DeclarationStatus.Rejected, "Ảnh CCCD không rõ", Time.GetUtcNow()), (rejected!.Status, rejected.StatusReason, rejected.StatusChangedAt));
        Assert.Equal([first.Id], (await registry.ListAsync(null, DeclarationStatus.Rejected, null, null, default)).Select(d => d.Id));
        Assert.Null(await registry.UpdateStatusAsync("nope", new DeclarationStatusUpdate(DeclarationStatus.Approved, null), default));
        Assert.Equal(first.SubmittedAt, (await registry.GetAsync(first.Id, default))!.SubmittedAt);
    }

    [Fact]
    public async Task Declaration_content_is_encrypted_at_rest()
    {
        await RecordAsync(NewOutbox(), "k-1");
        await NewRegistry().SubmitAsync("k-1", Content("k-1"), default);

        foreach (var table in new[] { DeclarationContentCipher.OutboxTable, DeclarationContentCipher.RegistryTable })
        {
            var raw = Assert.Single(await RawContentAsync(table));
            Assert.StartsWith(PersonalDataProtector.Prefix, raw);
            Assert.DoesNotContain("036303012345", raw);
        }
    }
}
