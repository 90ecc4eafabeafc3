using Newtonsoft.Json;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Tests.Runtime;

/// <summary>The question key was stored as "Validations" before it was named for what it is: saved conversations still resume.</summary>
public sealed class PromptOptionsStorageTests
{
    [Fact]
    public void A_prompt_saved_under_the_old_name_reads_back_its_question_key_and_is_written_the_same_way()
    {
        var saved = """{"Validations":"field:phone","Properties":{},"Choices":[]}""";

        var options = JsonConvert.DeserializeObject<PromptOptions>(saved)!;

        Assert.Equal("field:phone", options.QuestionKey);
        Assert.Contains("\"Validations\":\"field:phone\"", JsonConvert.SerializeObject(options));
    }
}
