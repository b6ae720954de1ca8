using System.Net;
using System.Text;
using Approvals.Applications;
using Approvals.Stores;
using Microsoft.DurableTask;
using QRCoder;

namespace Approvals.Activities;

/// <summary>Issues an electronic certificate (电子证照): a deterministic number, a document with a QR code pointing at the public verification URL.</summary>
public sealed class IssueCertificateActivity(ICertificateStore store, ApprovalSettings settings) : TaskActivity<CertificateRequest, CertificateView>
{
    public override async Task<CertificateView> RunAsync(TaskActivityContext context, CertificateRequest request)
    {
        var number = CertificateNumbers.For(request.ApplicationId, request.Item, request.IssuedAt);
        var verifyUrl = $"{settings.PublicBaseUrl.TrimEnd('/')}/api/certificates/{number}";
        var record = new CertificateRecord
        {
            Number = number,
            Item = request.Item,
            ItemName = request.ItemName,
            HolderUscc = request.HolderUscc,
            HolderName = request.HolderName,
            ProjectCode = request.ProjectCode,
            ProjectName = request.ProjectName,
            ApplicationId = request.ApplicationId,
            IssuedAt = request.IssuedAt,
            VerifyUrl = verifyUrl,
        };
        var stored = await store.IssueAsync(record, Document(record), "text/html; charset=utf-8", CancellationToken.None);
        return new CertificateView(stored.Number, stored.Item, stored.Status, stored.VerifyUrl);
    }

    /// <summary>A self-contained HTML certificate with the QR code embedded as a PNG.</summary>
    public static byte[] Document(CertificateRecord c)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(c.VerifyUrl, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        string E(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{E(c.Number)}</title></head>
            <body style="font-family:sans-serif;max-width:640px;margin:2em auto">
            <h1>电子证照 <small>Electronic certificate</small></h1>
            <p><b>{E(c.ItemName)}</b> ({E(c.Item)})</p>
            <p>编号 Number: {E(c.Number)}<br>持证单位 Holder: {E(c.HolderName)} ({E(c.HolderUscc)})<br>
            项目 Project: {E(c.ProjectName)} ({E(c.ProjectCode)})<br>发证日期 Issued: {c.IssuedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}</p>
            <p><img alt="QR code: {E(c.VerifyUrl)}" src="data:image/png;base64,{Convert.ToBase64String(png)}"><br>扫码核验 Scan to verify: {E(c.VerifyUrl)}</p>
            </body></html>
            """;
        return Encoding.UTF8.GetBytes(html);
    }
}
