using System.Text.Json;

namespace Approvals.Catalog;

/// <summary>
/// Loads and validates the catalog from JSON, reporting every problem at once in a <see cref="CatalogValidationException"/>.
/// Shape: <c>{"source","sourceFile","departments":[{code,name,nameEn}], "materials":[{code,name}], "items":[{code,name,nameEn,
/// department,kind,procedure,stage,timeLimitWorkingDays,timeLimitSource,materials:[{code,required,commitable,key,commitmentClass,
/// gapEligible}],commitmentAllowed,commitmentClass,autoApprove,verification:{department,withinWorkingDays,sampling,source}}]}</c>.
/// Every number names its source: a seed and measure, or "local default, configurable".
/// </summary>
public static class CatalogLoader
{
    /// <summary>Loads <c>Data/catalog.json</c> embedded in the assembly.</summary>
    public static ItemCatalog LoadEmbedded()
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream("Approvals.Data.catalog.json")
            ?? throw new InvalidOperationException("The embedded resource Approvals.Data.catalog.json is missing.");
        return Load(stream);
    }

    public static ItemCatalog Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StreamReader(json);
        return Load(reader.ReadToEnd());
    }

    public static ItemCatalog Load(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new CatalogValidationException([$"not valid JSON: {ex.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogValidationException(["the catalog must be a JSON object with departments, materials and items"]);
            }

            var source = String(root, "source", "catalog", problems);
            var sourceFile = String(root, "sourceFile", "catalog", problems);
            var departments = ReadDepartments(Array(root, "departments", "catalog", problems), problems);
            var materialNames = ReadMaterials(Array(root, "materials", "catalog", problems), problems);
            var departmentCodes = departments.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
            var items = new List<CatalogItem>();
            var itemCodes = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in Array(root, "items", "catalog", problems))
            {
                var item = ReadItem(element, $"items[{index++}]", departmentCodes, materialNames, problems);
                if (item is null)
                {
                    continue;
                }

                if (!itemCodes.Add(item.Code))
                {
                    problems.Add($"item {item.Code}: duplicate item code");
                    continue;
                }

                items.Add(item);
            }

            if (items.Count == 0)
            {
                problems.Add("catalog: no items");
            }

            // One code is one document (一对多): among the parallel-review items, applied for together on one form, a
            // material that is key for one item cannot be committed for another. (Joint-acceptance alternatives such as
            // fire acceptance and fire acceptance filing are chosen one or the other, never together.)
            var parallel = items.Where(i => i.Procedure == Procedure.CommitmentApproval).ToList();
            foreach (var code in parallel.SelectMany(i => i.Materials).GroupBy(m => m.Code, StringComparer.Ordinal)
                .Where(g => g.Any(m => m.Key) && g.Any(m => m.Commitable)).Select(g => g.Key))
            {
                var keyFor = parallel.Where(i => i.Material(code)?.Key == true).Select(i => i.Code);
                var commitableFor = parallel.Where(i => i.Material(code)?.Commitable == true).Select(i => i.Code);
                problems.Add($"material {code}: key for {string.Join(", ", keyFor)} but commitable for {string.Join(", ", commitableFor)}");
            }

            if (problems.Count > 0)
            {
                throw new CatalogValidationException(problems);
            }

            return new ItemCatalog(departments, items) { Source = source!, SourceFile = sourceFile! };
        }
    }

    private static List<Department> ReadDepartments(IEnumerable<JsonElement> elements, List<string> problems)
    {
        var result = new List<Department>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in elements)
        {
            var where = $"departments[{index++}]";
            var code = String(element, "code", where, problems);
            if (code is not null)
            {
                where = $"department {code}";
            }

            var name = String(element, "name", where, problems);
            var nameEn = String(element, "nameEn", where, problems);
            if (code is null || name is null || nameEn is null)
            {
                continue;
            }

            if (!codes.Add(code))
            {
                problems.Add($"{where}: duplicate department code");
                continue;
            }

            result.Add(new Department(code, name, nameEn));
        }

        return result;
    }

    private static Dictionary<string, string> ReadMaterials(IEnumerable<JsonElement> elements, List<string> problems)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in elements)
        {
            var where = $"materials[{index++}]";
            var code = String(element, "code", where, problems);
            var name = String(element, "name", code is null ? where : $"material {code}", problems);
            if (code is null || name is null)
            {
                continue;
            }

            if (!result.TryAdd(code, name))
            {
                problems.Add($"material {code}: duplicate material code");
            }
        }

        return result;
    }

    private static CatalogItem? ReadItem(
        JsonElement element, string where, HashSet<string> departments, Dictionary<string, string> materialNames, List<string> problems)
    {
        var code = String(element, "code", where, problems);
        if (code is not null)
        {
            where = $"item {code}";
        }

        var name = String(element, "name", where, problems);
        var nameEn = String(element, "nameEn", where, problems);
        var department = String(element, "department", where, problems);
        if (department is not null && !departments.Contains(department))
        {
            problems.Add($"{where}: unknown department '{department}'");
        }

        var kind = Enum<ItemKind>(element, "kind", where, problems, required: true);
        var procedure = Enum<Procedure>(element, "procedure", where, problems, required: true);
        var stage = Enum<AcceptanceStage>(element, "stage", where, problems, required: false);
        if (procedure == Catalog.Procedure.JointAcceptance && stage is null && !HasProperty(element, "stage"))
        {
            problems.Add($"{where}: joint-acceptance item without a stage (early|late)");
        }

        if (procedure == Catalog.Procedure.CommitmentApproval && stage is not null)
        {
            problems.Add($"{where}: a stage is only for joint-acceptance items");
        }

        var timeLimit = Int(element, "timeLimitWorkingDays", where, problems);
        if (timeLimit is <= 0)
        {
            problems.Add($"{where}: timeLimitWorkingDays must be positive, is {timeLimit}");
        }

        var timeLimitSource = String(element, "timeLimitSource", where, problems);

        var commitmentAllowed = Bool(element, "commitmentAllowed", where, problems, required: true);
        var autoApprove = Bool(element, "autoApprove", where, problems, required: false);
        var itemClass = Enum<CommitmentClass>(element, "commitmentClass", where, problems, required: false);
        if (!commitmentAllowed && itemClass is not null)
        {
            problems.Add($"{where}: commitmentClass given but commitment not allowed");
        }

        if (autoApprove && !commitmentAllowed)
        {
            problems.Add($"{where}: unattended approval (autoApprove) needs the commitment route");
        }

        VerificationRule? verification = null;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("verification", out var v) && v.ValueKind == JsonValueKind.Object)
        {
            var vDepartment = String(v, "department", where + " verification", problems);
            if (vDepartment is not null && !departments.Contains(vDepartment))
            {
                problems.Add($"{where}: verification department '{vDepartment}' unknown");
            }

            var within = Int(v, "withinWorkingDays", where + " verification", problems);
            if (within is <= 0)
            {
                problems.Add($"{where}: verification withinWorkingDays must be positive, is {within}");
            }

            var sampling = Enum<SamplingRule>(v, "sampling", where + " verification", problems, required: true);
            var vSource = String(v, "source", where + " verification", problems);
            if (vDepartment is not null && within is not null && sampling is not null)
            {
                verification = new VerificationRule(vDepartment, within.Value, sampling.Value) { Source = vSource ?? "" };
            }
        }
        else if (commitmentAllowed)
        {
            problems.Add($"{where}: commitment allowed but no verification rule");
        }

        var materials = new List<CatalogMaterial>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var m in Array(element, "materials", where, problems))
        {
            var mWhere = $"{where} materials[{index++}]";
            var mCode = String(m, "code", mWhere, problems);
            if (mCode is null)
            {
                continue;
            }

            mWhere = $"{where} material {mCode}";
            if (!materialNames.TryGetValue(mCode, out var mName))
            {
                problems.Add($"{mWhere}: unknown material code");
                continue;
            }

            if (!seen.Add(mCode))
            {
                problems.Add($"{mWhere}: listed twice");
                continue;
            }

            var required = Bool(m, "required", mWhere, problems, required: true);
            var commitable = Bool(m, "commitable", mWhere, problems, required: false);
            var key = Bool(m, "key", mWhere, problems, required: false);
            var mClass = Enum<CommitmentClass>(m, "commitmentClass", mWhere, problems, required: false);
            var gapEligible = Bool(m, "gapEligible", mWhere, problems, required: false);
            if (gapEligible && (key || !required))
            {
                problems.Add($"{mWhere}: only a required, non-key material may be gap-eligible (容缺)");
            }

            if (gapEligible && commitable && commitmentAllowed)
            {
                problems.Add($"{mWhere}: gap-eligible and commitable at once; a commitment already stands in for it");
            }

            if (commitable && !commitmentAllowed)
            {
                problems.Add($"{mWhere}: commitable but the item does not allow commitment");
            }

            if (key && !required)
            {
                problems.Add($"{mWhere}: a key material must be required");
            }

            if (mClass is not null && !commitable)
            {
                problems.Add($"{mWhere}: commitmentClass given but the material is not commitable");
            }

            if (key && commitable)
            {
                problems.Add($"{mWhere}: a key material (要件) cannot be commitable; a commitment stands in only for secondary materials");
            }

            if (commitable && commitmentAllowed && mClass is null && itemClass is null)
            {
                problems.Add($"{mWhere}: commitable but no commitmentClass (supplement|retained|on-site), on the material or the item");
            }

            if (commitable && mClass is not null && itemClass is not null && mClass != itemClass)
            {
                problems.Add($"{mWhere}: commitmentClass {WireName.Of(mClass.Value)} contradicts the item's {WireName.Of(itemClass.Value)}; " +
                    "state the class on each material and none on the item when they differ");
            }

            materials.Add(new CatalogMaterial(mCode, mName, required, commitable, key, commitable ? mClass ?? itemClass : null) { GapEligible = gapEligible });
        }

        if (commitmentAllowed && !materials.Any(m => m.Commitable))
        {
            problems.Add($"{where}: commitment allowed but no material is commitable");
        }

        if (code is null || name is null || nameEn is null || department is null || kind is null || procedure is null || timeLimit is null)
        {
            return null;
        }

        return new CatalogItem
        {
            Code = code,
            Name = name,
            NameEn = nameEn,
            Department = department,
            Kind = kind.Value,
            Procedure = procedure.Value,
            Stage = stage,
            TimeLimitWorkingDays = timeLimit.Value,
            TimeLimitSource = timeLimitSource ?? "",
            Materials = materials,
            CommitmentAllowed = commitmentAllowed,
            // The item's class is the one all its commitments share; with mixed classes each material carries its own.
            CommitmentClass = materials.Where(m => m.Commitable).Select(m => m.CommitmentClass).Distinct().ToList() is [{ } only] ? only : null,
            AutoApprove = autoApprove,
            Verification = verification,
        };
    }

    private static bool HasProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name, string where, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().ToList();
        }

        problems.Add($"{where}: '{name}' must be an array");
        return [];
    }

    private static string? String(JsonElement element, string name, string where, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!.Trim();
        }

        problems.Add($"{where}: '{name}' missing or empty");
        return null;
    }

    private static int? Int(JsonElement element, string name, string where, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        problems.Add($"{where}: '{name}' must be a whole number");
        return null;
    }

    private static bool Bool(JsonElement element, string name, string where, List<string> problems, bool required)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value))
        {
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            problems.Add($"{where}: '{name}' must be true or false");
            return false;
        }

        if (required)
        {
            problems.Add($"{where}: '{name}' missing");
        }

        return false;
    }

    private static TEnum? Enum<TEnum>(JsonElement element, string name, string where, List<string> problems, bool required)
        where TEnum : struct, Enum
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            if (WireName.TryParse<TEnum>(text, out var parsed))
            {
                return parsed;
            }

            problems.Add($"{where}: {name} '{text}' is not one of {WireName.Allowed<TEnum>()}");
            return null;
        }

        if (required)
        {
            problems.Add($"{where}: '{name}' missing ({WireName.Allowed<TEnum>()})");
        }

        return null;
    }
}
