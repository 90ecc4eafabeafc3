namespace VssBot.Dialogs.Form01;

/// <summary>One answered Form 01 field: the normalised value (E.164, ISO date, code), what the summary shows, and details.</summary>
public sealed class FieldAnswer
{
    public FieldAnswer() { }
    public FieldAnswer(string value, string display, Dictionary<string, string>? data = null)
    {
        Value = value;
        Display = display;
        Data = data ?? [];
    }

    public string Value { get; set; } = "";
    public string Display { get; set; } = "";
    public Dictionary<string, string> Data { get; set; } = [];
}

/// <summary>The student's Form 01 so far, plus the fields they asked to answer again (back, correction).</summary>
public sealed class Form01Answers
{
    public Dictionary<string, FieldAnswer> Answers { get; set; } = [];
    /// <summary>Fields to ask again even though answered, in the order the form asks them.</summary>
    public List<string> PendingCorrections { get; set; } = [];
    /// <summary>Values read from the ID card's QR code, offered and waiting for "Dùng" (see IdCard/IdCardFlow).</summary>
    public IdCard.IdCardOffer? IdCardOffer { get; set; }
    /// <summary>The card's address, accepted from the QR code: the address question starts by confirming it.</summary>
    public string? AddressSuggestion { get; set; }

    public FieldAnswer? Get(string key) => Answers.GetValueOrDefault(key);

    public bool NeedsAsking(string key) => !Answers.ContainsKey(key) || PendingCorrections.Contains(key);

    public void Set(string key, FieldAnswer answer)
    {
        Answers[key] = answer;
        PendingCorrections.Remove(key);
    }

    public void RequestCorrection(string key)
    {
        if (!PendingCorrections.Contains(key)) PendingCorrections.Add(key);
    }
}
