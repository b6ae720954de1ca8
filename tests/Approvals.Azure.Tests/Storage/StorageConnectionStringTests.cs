using Approvals.Azure.Storage;

namespace Approvals.Azure.Tests.Storage;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Development_storage_means_azurite_on_its_default_ports_with_path_style_endpoints()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Fact]
    public void Account_key_strings_build_the_public_endpoints_from_protocol_and_suffix()
    {
        var parsed = StorageConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=approvals;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal(new Uri("https://approvals.blob.core.chinacloudapi.cn"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("https://approvals.queue.core.chinacloudapi.cn"), parsed.QueueEndpoint);
        Assert.Equal(new Uri("https://approvals.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
        Assert.Equal(new Uri("https://approvals.table.core.windows.net"), StorageConnectionString.Parse("AccountName=approvals;AccountKey=a2V5").TableEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_over_the_defaults()
    {
        var parsed = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;TableEndpoint=http://127.0.0.1:41002/devstoreaccount1");
        Assert.Equal(new Uri("http://127.0.0.1:41000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("http://devstoreaccount1.queue.core.windows.net"), parsed.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:41002/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Theory]
    [InlineData("AccountKey=a2V5", "AccountName")]
    [InlineData("AccountName=x", "AccountKey")]
    [InlineData("AccountName=x;AccountKey=a2V5;SharedAccessSignature=sv=1", "SharedAccessSignature")]
    [InlineData("AccountName=x;AccountKey=not base64!", "base64")]
    [InlineData("nonsense", "Name=Value")]
    public void Incomplete_strings_are_refused_naming_the_problem(string text, string mentioned)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(text));
        Assert.Contains(mentioned, error.Message);
    }
}
