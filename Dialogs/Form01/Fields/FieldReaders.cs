namespace VssBot.Dialogs.Form01.Fields;

/// <summary>The readers by field kind; every kind used in form01-fields.json outside the special dialogs must have one.</summary>
public sealed class FieldReaders
{
    private readonly Dictionary<string, IFieldReader> _byKind;

    public FieldReaders(IEnumerable<IFieldReader> readers) => _byKind = readers.ToDictionary(r => r.Kind, StringComparer.Ordinal);

    public static FieldReaders Default() => new([
        new NameFieldReader(), new SocialInsuranceNumberFieldReader(), new IdDocumentFieldReader(), new ContactPersonFieldReader(),
        new EmailFieldReader(), new PhoneFieldReader(), new DateFieldReader(), new ChoiceFieldReader(), new CommitmentFieldReader(),
    ]);

    public bool Has(string kind) => _byKind.ContainsKey(kind);

    public IFieldReader For(string kind) => _byKind.TryGetValue(kind, out var reader) ? reader : throw new KeyNotFoundException($"No reader for field kind '{kind}'.");
}
