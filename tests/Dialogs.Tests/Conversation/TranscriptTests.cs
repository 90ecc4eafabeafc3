namespace VssBot.Dialogs.Tests.Conversation;

public class TranscriptTests
{
    [Theory]
    [MemberData(nameof(Transcripts))]
    public Task Transcript_plays_as_written(string file) => TranscriptRunner.RunFileAsync(file);

    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.transcript").Order())
            data.Add(Path.GetFileName(file));
        return data;
    }
}
