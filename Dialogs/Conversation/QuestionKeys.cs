namespace VssBot.Dialogs.Conversation;

/// <summary>
/// Every question the bot asks carries a key in <c>PromptOptions.QuestionKey</c>: "field:phone", "install:platform"…
/// Help, progress and escalations use it to know which question the student is stuck on.
/// </summary>
public static class QuestionKeys
{
    public const string FieldPrefix = "field:";
    public static string Field(string fieldKey) => FieldPrefix + fieldKey;
}
