using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approvals.Portal.Tests;

/// <summary>The enterprise registers a problem on the services page, the unit answers, and the enterprise closes it with its rating.</summary>
public sealed class EnterpriseServicesTests : IAsyncLifetime
{
    private const string Uscc = "91350100M000100Y43";
    private PortalHost host = null!;
    private Browser browser = null!;

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        browser = await Browser.LaunchAsync(host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_call_registered_on_the_page_is_answered_and_closed_by_the_enterprises_rating()
    {
        var page = await browser.PersonAsync();
        await Browser.SignInAsync(page, "applicant", Uscc);
        await page.GetByRole(AriaRole.Link, new() { Name = "企业服务 Enterprise services" }).ClickAsync();
        var form = page.Locator("form[data-form=call]");
        await form.GetByRole(AriaRole.Button, new() { Name = "挂号 Register" }).ClickAsync();
        await Expect(form.Locator("[data-error-for=title]")).ToContainTextAsync("title");
        await Expect(form.Locator("[data-error-for=description]")).ToBeVisibleAsync();

        await form.GetByLabel("问题标题 Title").FillAsync("施工许可现场核查时间冲突");
        await form.GetByLabel("问题描述 Description").FillAsync("现场核查与消防检查排在同一天，请协调。");
        await form.GetByLabel("问题类别 Topic").SelectOptionAsync("construction");
        await form.GetByRole(AriaRole.Button, new() { Name = "挂号 Register" }).ClickAsync();
        await Expect(form.GetByText("已挂号")).ToBeVisibleAsync();
        var card = page.Locator("[data-call]").First;
        await ReloadUntilAsync(page, "已交办");
        await Expect(card).ToContainTextAsync("已交办");
        await Expect(card).ToContainTextAsync("HUD");
        await Expect(card).ToContainTextAsync("绿灯");
        await Expect(page.Locator("[data-system='/api/utilities/applications']")).ToContainTextAsync("暂无");
        await Browser.ShotAsync(page, "applicant-services");

        var callId = await card.GetAttributeAsync("data-call");
        using var answer = new HttpRequestMessage(HttpMethod.Post, $"/api/departments/HUD/calls/{callId}/answer")
        {
            Content = JsonContent.Create(new { outcome = "solved", text = "已协调改期至下周一 / moved to next Monday" }),
        };
        answer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "dev:department:HUD");
        Assert.True((await host.Http.SendAsync(answer)).IsSuccessStatusCode);

        await ReloadUntilAsync(page, "待评价");
        await card.GetByRole(AriaRole.Button, new() { Name = "满意 Satisfied" }).ClickAsync();
        await Expect(card.GetByText("已评价，呼叫销号。")).ToBeVisibleAsync();
        var closed = "";
        for (var attempt = 0; attempt < 40 && closed != "closed"; attempt++)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/calls/{callId}");
            read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"dev:applicant:{Uscc}");
            closed = (await (await host.Http.SendAsync(read)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
            if (closed != "closed") await Task.Delay(250);
        }
        Assert.Equal("closed", closed);
        Assert.Empty(browser.Errors);
    }

    /// <summary>The person reloads the page until the call's card says <paramref name="words"/> (the engine works in the background).</summary>
    private static async Task ReloadUntilAsync(IPage page, string words)
    {
        var cards = page.Locator("[data-call]");
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await page.Locator("[data-call], p.empty").First.WaitForAsync();
            if (await cards.CountAsync() > 0 && (await cards.First.TextContentAsync() ?? "").Contains(words, StringComparison.Ordinal)) return;
            await Task.Delay(250);
            await page.ReloadAsync();
        }
    }
}
