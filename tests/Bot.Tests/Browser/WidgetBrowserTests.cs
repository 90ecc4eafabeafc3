using OpenQA.Selenium;

namespace VssBot.Bot.Tests.Browser;

/// <summary>The widget and the official Web Chat bundle in headless Chromium against the real host.</summary>
public sealed class WidgetBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Name = "Nguyễn Thị Hồng Nhung";
    private const string Script = "<img src=x onerror=alert(1)>";

    [Fact]
    public Task A_student_answers_the_first_questions_in_the_widget_sees_markup_as_text_and_keeps_the_history_on_reload() =>
        host.RunAsync(nameof(A_student_answers_the_first_questions_in_the_widget_sees_markup_as_text_and_keeps_the_history_on_reload), async driver =>
        {
            driver.Navigate().GoToUrl(host.BaseUrl + "/");
            ((IJavaScriptExecutor)driver).ExecuteScript("window.alert = function () { window.__alerted = true; };");

            var bubble = driver.FindElement(By.CssSelector(".vssbot-bubble"));
            Assert.Equal("Mở trợ lý VssID", bubble.GetAttribute("aria-label"));
            bubble.Click();
            Assert.Equal("true", bubble.GetAttribute("aria-expanded"));
            Assert.Equal("Nhập tin nhắn…", driver.SwitchTo().ActiveElement().GetAttribute("placeholder")); // focus moved into the panel

            await Eventually.Containing(driver, ".vssbot-msg-bot", "Xin chào! 👋");
            (await Eventually.Element(driver, ".vssbot-suggestion", "Đã cài rồi")).Click();
            (await Eventually.Element(driver, ".vssbot-suggestion", "Đồng ý")).Click();
            await Eventually.Containing(driver, ".vssbot-msg-bot", "Câu 1");

            var input = driver.FindElement(By.CssSelector(".vssbot-input"));
            input.SendKeys(Name);
            driver.FindElement(By.CssSelector(".vssbot-send")).Click();
            await Eventually.Containing(driver, ".vssbot-msg-bot", "Câu 2");

            input.SendKeys(Script + Keys.Enter);
            var shown = await Eventually.Element(driver, ".vssbot-msg-user .vssbot-text", Script);
            await Eventually.True(() => driver.FindElements(By.CssSelector(".vssbot-msg-bot")).Count > 0
                && driver.FindElements(By.CssSelector(".vssbot-msg-user.vssbot-pending")).Count == 0, "the message to be confirmed");
            Assert.Empty(shown.FindElements(By.TagName("img")));
            Assert.Empty(driver.FindElements(By.CssSelector("img[src='x']")));
            Assert.Null(((IJavaScriptExecutor)driver).ExecuteScript("return window.__alerted === true ? 'alerted' : null;"));

            driver.Navigate().Refresh();
            await Eventually.Containing(driver, ".vssbot-msg-bot", "Xin chào! 👋"); // reopened, history fetched again
            await Eventually.Element(driver, ".vssbot-msg-user .vssbot-text", Name);
            await Eventually.Containing(driver, ".vssbot-msg-bot", "Câu 2");
            await Eventually.Element(driver, ".vssbot-msg-user .vssbot-text", Script);
            Assert.Empty(driver.FindElements(By.CssSelector("img[src='x']")));
            var users = driver.FindElements(By.CssSelector(".vssbot-msg-user .vssbot-text")).Select(e => e.Text).ToList();
            Assert.Equal(["Đã cài rồi", "Đồng ý", Name, Script], users);
        });

    [Fact]
    public Task The_official_web_chat_bundle_talks_to_the_direct_line_endpoints() =>
        host.RunAsync(nameof(The_official_web_chat_bundle_talks_to_the_direct_line_endpoints), async driver =>
        {
            driver.Navigate().GoToUrl(host.BaseUrl + "/webchat.html");

            await Eventually.Containing(driver, "#webchat", "Xin chào! 👋", seconds: 30);
            (await Eventually.Element(driver, "#webchat button", "Đã cài rồi")).Click();
            (await Eventually.Element(driver, "#webchat button", "Đồng ý")).Click();
            await Eventually.Containing(driver, "#webchat", "Câu 1");

            var sendBox = await Eventually.Until(() => driver.FindElements(By.CssSelector("#webchat [data-id='webchat-sendbox-input'], #webchat .webchat__send-box-text-box__input")).FirstOrDefault(), "the send box");
            sendBox.SendKeys(Name + Keys.Enter);
            await Eventually.Containing(driver, "#webchat", "Câu 2");
            Assert.Contains(Name, driver.FindElement(By.CssSelector("#webchat")).Text);
        });
}
