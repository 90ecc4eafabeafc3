using VssBot.Dialogs.Form01;

namespace VssBot.Dialogs.Tests.Form01;

public class Form01DefinitionTests
{
    private static readonly Form01Definition Form = Form01Definition.LoadEmbedded();

    [Fact]
    public void Questions_are_numbered_by_their_place_in_the_file()
    {
        for (var i = 0; i < Form.Fields.Count; i++)
        {
            Assert.Equal(i + 1, Form.Fields[i].Number);
            Assert.StartsWith($"Câu {i + 1}: ", Form.Fields[i].Prompt);
            Assert.DoesNotContain("Câu", Form.Fields[i].Prompt[$"Câu {i + 1}: ".Length..]);
        }
        Assert.Equal(13, Form.Count);
    }

    [Fact]
    public void Every_field_has_a_chat_title_a_person_would_say_and_keeps_its_official_label_for_paper()
    {
        Assert.All(Form.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.ChatLabel), f.Key));
        Assert.Equal(("Họ tên", "Tên cơ quan/tổ chức/cá nhân"), (Form["fullName"].Title, Form["fullName"].Label));
        Assert.Equal("Ngày bắt đầu", Form["startDate"].Title);
        Assert.StartsWith("Đăng ký sử dụng phương thức giao dịch điện tử", Form["startDate"].Label);
    }

    [Fact]
    public void A_declaration_is_read_once_from_the_answers_into_typed_values()
    {
        var answers = new Form01Answers();
        answers.Set("fullName", new FieldAnswer("Phạm Thu Hà", "Phạm Thu Hà"));
        answers.Set("socialInsuranceNumber", new FieldAnswer("036303012345", "036303012345", new() { ["kind"] = "personalId" }));
        answers.Set("idDocument", new FieldAnswer("036303012345", "036303012345", new() { ["kind"] = "personalId" }));
        answers.Set("phone", new FieldAnswer("+84912345678", "0912345678"));
        answers.Set("startDate", new FieldAnswer("2026-11-25", "25/11/2026"));
        answers.Set("office", new FieldAnswer("ninhbinh-hoalu", "BHXH cơ sở Hoa Lư", new() { ["name"] = "BHXH cơ sở Hoa Lư" }));
        answers.Set("submissionMethod", new FieldAnswer("post", "Gửi qua bưu điện"));
        answers.Set("commitment", new FieldAnswer("accepted", "Đồng ý"));

        var declaration = Form01Declaration.From(answers);

        Assert.Equal("Phạm Thu Hà", declaration.FullName);
        Assert.Equal("036303012345", declaration.PersonalId);
        Assert.Equal(("+84912345678", "0912345678"), (declaration.Mobile, declaration.MobileDisplay));
        Assert.Equal(new DateOnly(2026, 11, 25), declaration.StartDate);
        Assert.Equal("BHXH cơ sở Hoa Lư", declaration.Office?.Name);
        Assert.True(declaration.ByPost);
        Assert.True(declaration.CommitmentAccepted);
        Assert.Null(declaration.Email);
        Assert.Null(declaration.IdPhotos);
    }
}
