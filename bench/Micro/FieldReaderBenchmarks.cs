using BenchmarkDotNet.Attributes;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Texts;

namespace VssBot.Bench.Micro;

/// <summary>Each Form 01 reader on its field's example answer (form01-fields.json), as the question reads it.</summary>
[MemoryDiagnoser]
public class FieldReaderBenchmarks
{
    private readonly Form01Definition form = Form01Definition.LoadEmbedded();
    private readonly FieldReaders readers = FieldReaders.Default();
    private readonly BotTexts texts = BotTexts.LoadEmbedded();
    private IFieldReader reader = null!;
    private FieldDefinition field = null!;
    private string answer = "";

    /// <summary>The fields read by a generic reader (address, photos and office have dialogs of their own).</summary>
    public static IEnumerable<string> Fields() => Form01Definition.LoadEmbedded().Fields
        .Where(f => FieldReaders.Default().Has(f.Kind)).Select(f => f.Key);

    [ParamsSource(nameof(Fields))]
    public string Field { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        field = form[Field];
        reader = readers.For(field.Kind);
        answer = field.Example == "{today}" ? "hôm nay" : field.Example;
    }

    [Benchmark]
    public FieldReading Read() => reader.Read(new FieldInput(answer, [], field, new Form01Answers(),
        new DateOnly(2026, 12, 1), texts, new Dictionary<string, object>()));
}
