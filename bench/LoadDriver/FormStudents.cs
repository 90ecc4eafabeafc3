using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VssBot.Bench.LoadDriver;

/// <summary>
/// Students on <c>POST /api/messages</c> (<c>expectReplies</c>): each answers the scripted Form 01 in order, one message
/// after the reply to the previous one (closed loop), then starts again as a new student. A non-200 answer, an empty
/// reply or the bot's apology counts as an error; a last turn whose reply says the declaration was recorded completes a form.
/// </summary>
public sealed class FormStudents(HttpClient client, IReadOnlyList<string> answers, string apology)
{
    private const string Declared = "Đã ghi nhận tờ khai";
    private long turns, errors, forms;
    private readonly List<string> completed = [];
    private readonly Lock sync = new();

    public Latencies Latencies { get; } = new();
    /// <summary>The same latencies by step of the form (which turns make the tail).</summary>
    public IReadOnlyList<Latencies> ByStep { get; } = [.. answers.Select(_ => new Latencies())];
    public long Turns => Interlocked.Read(ref turns);
    public long Errors => Interlocked.Read(ref errors);
    public long Forms => Interlocked.Read(ref forms);

    /// <summary>Conversation ids of students who completed the form (their user id is "u-" + the same).</summary>
    public IReadOnlyList<string> Completed
    {
        get { lock (sync) return [.. completed]; }
    }

    /// <summary>Student <paramref name="index"/>'s loop, until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(int index, CancellationToken stop)
    {
        for (var conversation = 0; !stop.IsCancellationRequested; conversation++)
        {
            var id = $"s{index}-c{conversation}";
            for (var step = 0; step < answers.Count && !stop.IsCancellationRequested; step++)
            {
                var body = Activity(id, step, answers[step]);
                var started = Stopwatch.GetTimestamp();
                string? replies = null;
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync("/api/messages", content, CancellationToken.None);
                    replies = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (!response.IsSuccessStatusCode) replies = null;
                }
                catch (HttpRequestException)
                {
                }
                var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Latencies.Add(milliseconds);
                ByStep[step].Add(milliseconds);
                Interlocked.Increment(ref turns);
                var texts = replies is null ? [] : Texts(replies);
                if (texts.Count == 0 || texts.Any(t => t.Contains(apology, StringComparison.Ordinal)))
                    Interlocked.Increment(ref errors);
                if (step == answers.Count - 1 && texts.Any(t => t.Contains(Declared, StringComparison.Ordinal)))
                {
                    Interlocked.Increment(ref forms);
                    lock (sync) completed.Add(id);
                }
            }
        }
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref turns, 0);
        Interlocked.Exchange(ref errors, 0);
        Latencies.Clear();
        foreach (var step in ByStep)
            step.Clear();
    }

    private static string Activity(string conversationId, int step, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = $"{conversationId}-{step}",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "u-" + conversationId },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["channelId"] = "test",
        ["serviceUrl"] = "http://127.0.0.1:9",
        ["deliveryMode"] = "expectReplies",
    }.ToJsonString();

    /// <summary>The texts of the activities in an expectReplies body (<c>{"activities":[…]}</c>).</summary>
    private static List<string> Texts(string body)
    {
        try
        {
            var activities = JsonNode.Parse(body)?["activities"]?.AsArray() ?? [];
            return activities.Select(a => (string?)a?["text"]).OfType<string>().ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
