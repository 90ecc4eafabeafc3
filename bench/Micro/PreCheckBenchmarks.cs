using BenchmarkDotNet.Attributes;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Language;

namespace VssBot.Bench.Micro;

/// <summary>What runs on every message whatever the question: intent recognition and multi-value extraction.</summary>
[MemoryDiagnoser]
public class PreCheckBenchmarks
{
    private readonly IntentRecognizer intents = new(Form01Definition.LoadEmbedded().Aliases);

    [Params("Lê Thị Hoa", "12 Trần Hưng Đạo", "em tên Nguyễn Văn An, sđt 0912345678, email an@gmail.com")]
    public string Message { get; set; } = "";

    [Benchmark]
    public Intent Intent() => intents.Recognize(Message);

    [Benchmark]
    public ExtractedValues Extraction() => MessageExtractor.Extract(Message);
}
