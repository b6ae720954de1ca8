using Approvals.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approvals.Portal.Tests;

/// <summary>The public pages on a 360 px phone, used with the keyboard alone: problems show next to their fields.</summary>
public sealed class PublicPhoneTests : IAsyncLifetime
{
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
    public async Task An_unknown_certificate_number_or_project_code_is_explained_next_to_its_field_using_only_the_keyboard()
    {
        var phone = await browser.PersonAsync(360, 780);
        await phone.GotoAsync("/api/portal/verify.html");
        await phone.GetByLabel("证照编号 Certificate number").FocusAsync();
        await phone.Keyboard.TypeAsync("CP-PERMIT-NO-SUCH");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.GetByText("没有这个编号的证照 No certificate has this number")).ToBeVisibleAsync();
        await Expect(phone.GetByText("未找到 Not found")).ToBeVisibleAsync();
        await Browser.ShotAsync(phone, "public-verify-unknown");

        await phone.GotoAsync("/api/portal/project.html");
        await phone.GetByLabel("项目代码（24 位） Project code (24 characters)").FocusAsync();
        await phone.Keyboard.TypeAsync("2609-350102-04-01-000000");
        await phone.Keyboard.PressAsync("Tab");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.GetByText("没有这个项目代码的记录")).ToBeVisibleAsync();

        // Every page a person reaches without signing in says whom it is for, instead of failing.
        await phone.GotoAsync("/api/portal/inbox.html");
        await Expect(phone.GetByText("请在上方以“审批部门”身份登录后使用本页。")).ToBeVisibleAsync();
        await Browser.ShotAsync(phone, "department-inbox-signed-out");
        Assert.Empty(browser.Errors);
    }
}
