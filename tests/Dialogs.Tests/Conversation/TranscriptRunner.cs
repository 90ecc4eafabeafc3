using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Dialogs.Conversation;

namespace VssBot.Dialogs.Tests.Conversation;

/// <summary>
/// Runs a human-readable Vietnamese transcript (tests/Dialogs.Tests/Transcripts/*.transcript) against the real bot.
/// Lines:
///   "> text"            the student says text
///   "> [image] name"    the student sends a photo
///   "&lt; text"            a reply of this turn (after the previous match) contains text
///   "&lt;! text"           no reply of this turn contains text
///   "&lt;[ a | b ]"        a reply of this turn offers exactly these buttons
///   "&lt;# N"              this turn has exactly N replies
///   "= journey State"   the student's journey is in that state
///   "= field key value" the stored Form 01 value of a field (normalised form)
///   "= nofield key"     the field has no stored answer
///   "= escalations N"   number of recorded escalations
///   "= studentId X"     the stored student id ("-" none; "skipped" when the student said "bỏ qua")
///   (any other "=" check fails the transcript, as does any unknown line)
///   "! seed field"      a returning student who consented and answered every field before that one
///   "! journey T1 T2"   the host fires journey triggers (e.g. the declaration was accepted)
///   "! restart"         the process restarts (same storage)
///   "! campaign askStudentId"  the process restarts with the campaign asking for the student id
///   "! advance 3d"      the clock moves on
///   "# …"               a comment
/// </summary>
public static class TranscriptRunner
{
    public static async Task RunFileAsync(string name, StudentBotHarness? harness = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Transcripts", name);
        await RunAsync(await File.ReadAllLinesAsync(path), harness ?? new StudentBotHarness(), name);
    }

    public static async Task RunAsync(IEnumerable<string> lines, StudentBotHarness harness, string name = "inline")
    {
        var log = new StringBuilder();
        IReadOnlyList<Activity> replies = [];
        var cursor = 0;
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.TrimEnd().Normalize(NormalizationForm.FormC);
            if (line.Length == 0 || line.StartsWith('#')) continue;
            void Fail(string why) => throw new Xunit.Sdk.XunitException($"{name}:{lineNo}: {why}\n  line: {line}\n--- conversation so far ---\n{log}");

            if (line.StartsWith("> [image] ", StringComparison.Ordinal))
            {
                var file = line["> [image] ".Length..];
                log.AppendLine($"> [image] {file}");
                replies = await harness.SendImageAsync(file);
                cursor = 0;
                LogReplies(log, replies);
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal) || line == ">")
            {
                var text = line.Length > 2 ? line[2..] : "";
                log.AppendLine($"> {text}");
                replies = await harness.SendAsync(text);
                cursor = 0;
                LogReplies(log, replies);
            }
            else if (line.StartsWith("<[", StringComparison.Ordinal))
            {
                var expected = line[2..].TrimEnd(']').Split('|').Select(s => s.Trim()).ToList();
                if (!replies.Any(r => Buttons(r).SequenceEqual(expected)))
                    Fail($"no reply offers the buttons [{string.Join(" | ", expected)}]");
            }
            else if (line.StartsWith("<! ", StringComparison.Ordinal))
            {
                var text = line[3..];
                if (replies.Any(r => (r.Text ?? "").Contains(text, StringComparison.Ordinal))) Fail($"a reply contains \"{text}\"");
            }
            else if (line.StartsWith("< ", StringComparison.Ordinal))
            {
                var text = line[2..];
                var index = -1;
                for (var i = cursor; i < replies.Count; i++)
                    if ((replies[i].Text ?? "").Contains(text, StringComparison.Ordinal)) { index = i; break; }
                if (index < 0) Fail($"no reply (from #{cursor + 1}) contains \"{text}\"");
                cursor = index;
            }
            else if (line.StartsWith("= ", StringComparison.Ordinal))
            {
                var parts = line[2..].Split(' ', 3);
                var profile = await harness.ProfileAsync();
                if (parts.Length < 2) Fail("an \"=\" line names what to check and the expected value");
                var (actual, expected) = parts[0] switch
                {
                    "journey" => (profile.Journey.State.ToString(), parts[1]),
                    "field" => (profile.Form.Get(parts[1])?.Value, parts.Length > 2 ? parts[2] : ""),
                    "nofield" => (profile.Form.Get(parts[1]) is null ? "none" : "a value", "none"),
                    "escalations" => (profile.Escalations.Count.ToString(), parts[1]),
                    "studentId" => (profile.StudentIdSkipped ? "skipped" : profile.StudentId ?? "-", parts[1]),
                    _ => throw new Xunit.Sdk.XunitException($"{name}:{lineNo}: unknown check \"{parts[0]}\" (journey, field, nofield, escalations, studentId)\n  line: {line}"),
                };
                if (actual != expected) Fail($"{parts[0]} {(parts[0] is "field" or "nofield" ? parts[1] + " " : "")}is \"{actual}\"");
            }
            else if (line.StartsWith("<# ", StringComparison.Ordinal))
            {
                if (!int.TryParse(line[3..], out var count)) Fail("\"<# N\" needs a number");
                if (replies.Count != count) Fail($"{replies.Count} replies in this turn, expected {count}");
            }
            else if (line.StartsWith("! seed", StringComparison.Ordinal))
            {
                var field = line.Length > "! seed ".Length ? line["! seed ".Length..] : null;
                log.AppendLine($"! seed {field}");
                await harness.SeedAsync(field);
            }
            else if (line.StartsWith("! journey ", StringComparison.Ordinal))
            {
                log.AppendLine(line);
                await harness.FireAsync(line["! journey ".Length..].Split(' ').Select(Enum.Parse<VssBot.Dialogs.Journey.JourneyTrigger>).ToArray());
            }
            else if (line == "! campaign askStudentId")
            {
                log.AppendLine(line);
                harness.Restart(services => services.AddSingleton(new CampaignSettings { AskStudentId = true }));
            }
            else if (line == "! restart")
            {
                log.AppendLine("! restart");
                harness.Restart();
            }
            else if (line.StartsWith("! advance ", StringComparison.Ordinal))
            {
                var spec = line["! advance ".Length..];
                harness.Clock.Advance(spec.EndsWith('d') ? TimeSpan.FromDays(int.Parse(spec[..^1])) : TimeSpan.FromHours(int.Parse(spec[..^1])));
            }
            else Fail("unknown transcript line");
        }
    }

    public static IReadOnlyList<string> Buttons(Activity reply)
        => reply.SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];

    private static void LogReplies(StringBuilder log, IReadOnlyList<Activity> replies)
    {
        foreach (var reply in replies)
        {
            log.AppendLine("< " + (reply.Text ?? "").Replace("\n", "\n  "));
            if (Buttons(reply) is { Count: > 0 } buttons) log.AppendLine("<[ " + string.Join(" | ", buttons) + " ]");
        }
    }
}
