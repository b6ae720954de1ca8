using Approvals.Azure.Queues;
using Approvals.Azure.Storage;
using Approvals.Azure.Tables;

namespace Approvals.Azure.Tests.Storage;

public sealed class ErrorAndEncodingTests
{
    [Fact]
    public void Blob_and_queue_errors_are_read_from_xml()
    {
        var (code, message) = StorageRequestFailedException.ParseErrorBody(
            "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobAlreadyExists</Code><Message>The specified blob already exists.\nRequestId:1</Message></Error>");
        Assert.Equal(("BlobAlreadyExists", "The specified blob already exists."), (code, message));
    }

    [Fact]
    public void Table_errors_are_read_from_odata_json()
    {
        var (code, message) = StorageRequestFailedException.ParseErrorBody(
            "{\"odata.error\":{\"code\":\"UpdateConditionNotSatisfied\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The update condition specified in the request was not satisfied.\\nRequestId:x\"}}}");
        Assert.Equal(("UpdateConditionNotSatisfied", "1:The update condition specified in the request was not satisfied."), (code, message));
    }

    [Fact]
    public void Queue_text_is_base64_of_its_utf8_bytes_escaped_for_xml()
    {
        var envelope = QueueClient.Envelope("准予 <ok>");
        Assert.Equal($"<QueueMessage><MessageText>{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("准予 <ok>"))}</MessageText></QueueMessage>", envelope);
        Assert.Equal("准予 <ok>", QueueClient.Decode(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("准予 <ok>"))));
    }

    [Theory]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData(42L, "42L")]
    [InlineData(true, "true")]
    public void Filter_literals_are_escaped_and_typed(object value, string expected) => Assert.Equal(expected, TableFilter.Literal(value));

    [Fact]
    public void Guid_and_date_literals_carry_their_odata_prefix()
    {
        Assert.Equal("guid'00000000-0000-0000-0000-000000000001'", TableFilter.Literal(new Guid("00000000-0000-0000-0000-000000000001")));
        Assert.Equal("datetime'2026-11-23T00:00:00.0000000Z'", TableFilter.Literal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Entities_refuse_types_the_table_service_cannot_hold()
    {
        var entity = new TableEntity("p", "r");
        Assert.Throws<ArgumentException>(() => entity["Bad"] = new object());
        Assert.Throws<ArgumentException>(() => entity["PartitionKey"] = "x");
        entity["Gone"] = "x";
        entity["Gone"] = null;
        Assert.False(entity.ContainsKey("Gone"));
    }
}
