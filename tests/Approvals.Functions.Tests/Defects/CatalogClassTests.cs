using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Defects;

/// <summary>Issue 14, defect 7 over HTTP: the catalog publishes the commitment class per material, never a contradicting item-level one.</summary>
public sealed class CatalogClassTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Catalog_publishes_each_commitable_materials_class_and_no_contradicting_item_class()
    {
        var items = await app.Driver.Anonymous().GetFromJsonAsync<JsonElement>("/api/catalog/items");

        foreach (var item in items.EnumerateArray())
        {
            var itemClass = item.GetProperty("commitmentClass");
            foreach (var material in item.GetProperty("materials").EnumerateArray().Where(m => m.GetProperty("commitable").GetBoolean()))
            {
                var materialClass = material.GetProperty("commitmentClass").GetString();
                Assert.NotNull(materialClass);
                if (itemClass.ValueKind == JsonValueKind.String) Assert.Equal(itemClass.GetString(), materialClass);
                Assert.False(material.GetProperty("key").GetBoolean(), $"{material.GetProperty("code")} is key and commitable");
            }
        }
        var permit = items.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "CP-PERMIT");
        Assert.Equal(JsonValueKind.Null, permit.GetProperty("commitmentClass").ValueKind);
    }
}
